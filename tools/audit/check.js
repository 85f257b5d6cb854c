// Open each page once in Debian's headless Chromium with a phone viewport and an empty cache,
// run axe-core in it, and record its network traffic: transferred (compressed) bytes by kind and
// every request to another host.
//
//   node tools/audit/check.js --base http://127.0.0.1:8765 --config var/audit/pages.json
//   node tools/audit/check.js --base http://127.0.0.1:8765 / /nguoi-tot-viec-tot/
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { MOBILE_VIEWPORT, launchChromium } from "./lib/chromium.js";
import { isMain, log, parseArgs, printJson } from "./lib/cli.js";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const AXE_VERSION = require("axe-core/package.json").version;

// CDP resource types that make up "HTML + CSS + JS".
const CODE_TYPES = new Set(["Document", "Stylesheet", "Script"]);

function isNetworkUrl(url) {
  return url.startsWith("http://") || url.startsWith("https://") || url.startsWith("ws");
}

/** Record every request of one page through the DevTools protocol. */
async function recordNetwork(page) {
  const session = await page.createCDPSession();
  await session.send("Network.enable");
  await session.send("Network.setCacheDisabled", { cacheDisabled: true });
  const requests = new Map();
  session.on("Network.requestWillBeSent", ({ requestId, request, type }) => {
    const known = requests.get(requestId);
    if (known) known.redirects += 1;
    requests.set(requestId, {
      url: request.url,
      type: type || "Other",
      status: null,
      bytes: known ? known.bytes : 0,
      redirects: known ? known.redirects : 0,
      failed: null,
    });
  });
  session.on("Network.responseReceived", ({ requestId, type, response }) => {
    const entry = requests.get(requestId);
    if (entry) Object.assign(entry, { type: type || entry.type, status: response.status });
  });
  session.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    const entry = requests.get(requestId);
    if (entry) entry.bytes += encodedDataLength;
  });
  session.on("Network.loadingFailed", ({ requestId, errorText, encodedDataLength }) => {
    const entry = requests.get(requestId);
    if (entry) Object.assign(entry, { failed: errorText, bytes: entry.bytes + (encodedDataLength || 0) });
  });
  return { requests, stop: () => session.detach().catch(() => {}) };
}

function summariseNetwork(requests, baseHost) {
  const all = [...requests.values()].filter((r) => isNetworkUrl(r.url));
  const byType = {};
  let htmlCssJs = 0;
  let total = 0;
  for (const r of all) {
    byType[r.type] = (byType[r.type] || 0) + r.bytes;
    total += r.bytes;
    if (CODE_TYPES.has(r.type)) htmlCssJs += r.bytes;
  }
  const thirdParty = all.filter((r) => new URL(r.url).host !== baseHost).map((r) => r.url);
  const failed = all.filter((r) => r.failed || (r.status && r.status >= 400));
  return {
    count: all.length,
    htmlCssJsBytes: htmlCssJs,
    totalBytes: total,
    bytesByType: byType,
    thirdParty,
    failed: failed.map((r) => ({ url: r.url, status: r.status, error: r.failed })),
    resources: all.map(({ url, type, status, bytes }) => ({ url, type, status, bytes })),
  };
}

async function checkPage(browser, base, pageSpec) {
  const url = base + pageSpec.path;
  const context = await browser.createBrowserContext(); // empty cache and storage: a first load
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  try {
    await page.emulate({ viewport: MOBILE_VIEWPORT, userAgent: await page.browser().userAgent() });
    const network = await recordNetwork(page);
    const response = await page.goto(url, { waitUntil: "networkidle0", timeout: 60_000 });
    await network.stop();
    const status = response ? response.status() : null;
    const result = {
      name: pageSpec.name,
      path: pageSpec.path,
      url,
      status,
      network: summariseNetwork(network.requests, new URL(base).host),
      consoleErrors,
      violations: [],
    };
    if (status !== 200) return result;
    await page.evaluate(AXE_SOURCE);
    const axe = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const outcome = await window.axe.run(document, { resultTypes: ["violations"] });
      return outcome.violations;
    });
    result.violations = axe.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      tags: v.tags,
      nodes: v.nodes.map((n) => ({
        target: n.target.flat(Infinity).join(" "),
        html: n.html.slice(0, 300),
        summary: n.failureSummary,
      })),
    }));
    return result;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Check every page with one browser (launched here unless one is given). */
export async function checkPages(base, pages, { browser } = {}) {
  const own = browser ? null : await launchChromium();
  const chromium = browser || own.browser;
  try {
    const results = [];
    for (const pageSpec of pages) {
      log(`axe-core ${AXE_VERSION}: ${pageSpec.path}`);
      try {
        results.push(await checkPage(chromium, base, pageSpec));
      } catch (error) {
        results.push({ name: pageSpec.name, path: pageSpec.path, url: base + pageSpec.path, error: String(error) });
      }
    }
    return results;
  } finally {
    if (own) await own.close();
  }
}

if (isMain(import.meta.url)) {
  const { base, pages } = parseArgs();
  printJson({ axeVersion: AXE_VERSION, pages: await checkPages(base, pages) });
}
