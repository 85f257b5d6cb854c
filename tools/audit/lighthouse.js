// Lighthouse 12, mobile preset (the default config: a phone viewport, simulated slow 4G and CPU
// throttling), categories performance, accessibility, best practices and SEO, in Debian's headless
// Chromium. Prints the four scores per page (0-100) and the audits that lost points.
//
//   node tools/audit/lighthouse.js --base http://127.0.0.1:8765 --config var/audit/pages.json
import { createRequire } from "node:module";
import lighthouse from "lighthouse";
import { launchChromium } from "./lib/chromium.js";
import { isMain, log, parseArgs, printJson } from "./lib/cli.js";

const require = createRequire(import.meta.url);
const LIGHTHOUSE_VERSION = require("lighthouse/package.json").version;
export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
// Trace-recording hiccups that a second run normally does not repeat; anything else is reported at once.
const RETRYABLE = new Set(["NO_NAVSTART", "NO_FCP", "NO_LCP", "NO_TRACING_STARTED", "PROTOCOL_TIMEOUT"]);
const ATTEMPTS = 3;
const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
];

function summarise(lhr) {
  const scores = {};
  const lost = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category && category.score !== null ? Math.round(category.score * 100) : null;
    for (const ref of category ? category.auditRefs : []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      const items = audit.details && Array.isArray(audit.details.items) ? audit.details.items : [];
      lost.push({
        category: id,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        displayValue: audit.displayValue || "",
        items: items.slice(0, 5).map((item) => {
          const node = item.node || {};
          const where = item.url || item.source?.url || item.sourceLocation?.url || "";
          if (node.selector) return node.selector;
          return item.description ? `${item.description}${where ? ` (${where})` : ""}` : where;
        }),
      });
    }
  }
  const metrics = Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.displayValue || null]));
  const runtimeError = lhr.runtimeError ? { code: lhr.runtimeError.code, message: lhr.runtimeError.message } : null;
  return { scores, metrics, lost, runWarnings: lhr.runWarnings || [], runtimeError };
}

async function auditPage(browser, base, pageSpec) {
  const url = base + pageSpec.path;
  const page = await browser.newPage();
  try {
    const result = await lighthouse(
      url,
      { logLevel: "error", output: "json", onlyCategories: CATEGORIES, formFactor: "mobile" },
      undefined,
      page,
    );
    if (!result) throw new Error("Lighthouse returned no result");
    return { name: pageSpec.name, path: pageSpec.path, url, ...summarise(result.lhr) };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Run Lighthouse on every page, one after another. Each page gets a fresh browser and profile, as
 * the Lighthouse command line does: a browser that already visited the site would skip requests
 * (the favicon, for one) that a phone's first visit makes.
 */
export async function lighthousePages(base, pages) {
  const results = [];
  for (const pageSpec of pages) {
    let result;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      log(`Lighthouse ${LIGHTHOUSE_VERSION} (mobile): ${pageSpec.path}${attempt > 1 ? ` (attempt ${attempt})` : ""}`);
      const { browser, close } = await launchChromium();
      try {
        result = await auditPage(browser, base, pageSpec);
      } catch (error) {
        result = { name: pageSpec.name, path: pageSpec.path, url: base + pageSpec.path, error: String(error) };
      } finally {
        await close();
      }
      if (!RETRYABLE.has(result.runtimeError?.code)) break;
      log(`  ${result.runtimeError.code}: ${result.runtimeError.message}`);
    }
    results.push(result);
  }
  return results;
}

if (isMain(import.meta.url)) {
  const { base, pages } = parseArgs();
  printJson({ lighthouseVersion: LIGHTHOUSE_VERSION, pages: await lighthousePages(base, pages) });
}
