// `make audit`: axe-core + network weights, Lighthouse (mobile) and the Nu HTML Checker on every page
// of the resolved config (pages.py): one browser for the axe-core pass, a fresh one per Lighthouse
// run. Prints a table per page, then the details of every budget breach. Exits 1 when a budget is breached, 0 when all pages are within
// budget. A page marked `may_be_missing` that answers 404 is reported as missing, not as a breach.
//
//   node tools/audit/audit.js --base http://127.0.0.1:8765 --config var/audit/pages.json [--json FILE]
import { writeFileSync } from "node:fs";
import { checkPages } from "./check.js";
import { isMain, log, parseArgs } from "./lib/cli.js";
import { CATEGORIES, lighthousePages } from "./lighthouse.js";
import { vnuPages } from "./vnu.js";

const KB = 1024;
const kb = (bytes) => (bytes === undefined || bytes === null ? "-" : (bytes / KB).toFixed(1));

/**
 * A page marked `noindex` (search results) must be blocked from indexing, which costs it
 * Lighthouse's `is-crawlable` audit and a third of the SEO score; every other SEO audit must pass.
 */
function noindexSeoBreaches(lh) {
  const lostSeo = (lh.lost || []).filter((a) => a.category === "seo").map((a) => a.id);
  const found = [];
  if (!lostSeo.includes("is-crawlable")) found.push("Lighthouse seo: the page should carry noindex but can be indexed");
  const others = lostSeo.filter((id) => id !== "is-crawlable");
  if (others.length) found.push(`Lighthouse seo: ${others.join(", ")} failed`);
  return found;
}

/** Compare one page's results with the budgets; returns a list of breach descriptions. */
export function breaches(pageSpec, check, lh, vnu, budgets) {
  const found = [];
  if (check.error) found.push(`browser check failed: ${check.error}`);
  else if (check.status !== 200) found.push(`answered HTTP ${check.status}`);
  if (check.status === 200) {
    const axeMax = budgets.axe_violations ?? 0;
    if (check.violations.length > axeMax) found.push(`axe-core: ${check.violations.length} violation(s) > ${axeMax}`);
    const net = check.network;
    const thirdMax = budgets.third_party_requests ?? 0;
    if (net.thirdParty.length > thirdMax) found.push(`${net.thirdParty.length} request(s) to other hosts > ${thirdMax}`);
    if (pageSpec.max_html_css_js_kb !== undefined && net.htmlCssJsBytes > pageSpec.max_html_css_js_kb * KB)
      found.push(`HTML+CSS+JS ${kb(net.htmlCssJsBytes)} KB > ${pageSpec.max_html_css_js_kb} KB`);
    if (pageSpec.max_total_kb !== undefined && net.totalBytes > pageSpec.max_total_kb * KB)
      found.push(`total ${kb(net.totalBytes)} KB > ${pageSpec.max_total_kb} KB`);
  }
  if (vnu) {
    if (vnu.error) found.push(`Nu HTML Checker could not fetch the page: ${vnu.error}`);
    const vnuMax = budgets.vnu_errors ?? 0;
    if (vnu.errors.length > vnuMax) found.push(`Nu HTML Checker: ${vnu.errors.length} error(s) > ${vnuMax}`);
  }
  if (lh) {
    if (lh.error || lh.runtimeError) found.push(`Lighthouse failed: ${lh.error || lh.runtimeError.message}`);
    else {
      for (const id of CATEGORIES) {
        if (id === "seo" && pageSpec.noindex) {
          found.push(...noindexSeoBreaches(lh));
          continue;
        }
        const min = budgets.lighthouse?.[id];
        if (min !== undefined && (lh.scores[id] ?? 0) < min) found.push(`Lighthouse ${id} ${lh.scores[id]} < ${min}`);
      }
    }
  }
  return found;
}

function table(rows) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => String(row[col]).length)));
  return rows
    .map((row) => row.map((cell, col) => String(cell)[col === 0 ? "padEnd" : "padStart"](widths[col])).join("  "))
    .join("\n");
}

function mark(value, breached) {
  return breached ? `${value}!` : `${value}`;
}

export function report(pages, results, budgets) {
  const lines = [];
  const header = ["page", "HTTP", "perf", "a11y", "best-pr", "seo", "axe", "vnu", "H+C+J KB", "total KB", "3rd-party"];
  const rows = [header];
  let failing = 0;
  const details = [];
  for (const pageSpec of pages) {
    const check = results.check.get(pageSpec.name);
    const lh = results.lighthouse.get(pageSpec.name);
    const vnu = results.vnu.get(pageSpec.name);
    if (pageSpec.may_be_missing && check.status === 404) {
      rows.push([pageSpec.name, "404", "-", "-", "-", "-", "-", "-", "-", "-", "-"]);
      details.push(`## ${pageSpec.name} ${pageSpec.path}\n  missing: answers 404 (not built yet); not counted as a breach`);
      continue;
    }
    const found = breaches(pageSpec, check, lh, vnu, budgets);
    if (found.length) failing += 1;
    const net = check.network || { thirdParty: [] };
    const score = (id) => {
      const value = lh?.scores?.[id];
      const min = budgets.lighthouse?.[id];
      if (id === "seo" && pageSpec.noindex && value !== null && value !== undefined)
        return mark(`${value}ⁿ`, noindexSeoBreaches(lh).length > 0);
      return value === null || value === undefined ? "-" : mark(value, min !== undefined && value < min);
    };
    rows.push([
      pageSpec.name,
      check.status ?? "ERR",
      score("performance"),
      score("accessibility"),
      score("best-practices"),
      score("seo"),
      mark(check.violations?.length ?? "-", (check.violations?.length ?? 0) > (budgets.axe_violations ?? 0)),
      mark(vnu ? vnu.errors.length : "-", vnu && vnu.errors.length > (budgets.vnu_errors ?? 0)),
      mark(kb(net.htmlCssJsBytes), pageSpec.max_html_css_js_kb !== undefined && net.htmlCssJsBytes > pageSpec.max_html_css_js_kb * KB),
      mark(kb(net.totalBytes), pageSpec.max_total_kb !== undefined && net.totalBytes > pageSpec.max_total_kb * KB),
      mark(net.thirdParty.length, net.thirdParty.length > (budgets.third_party_requests ?? 0)),
    ]);
    details.push(pageDetails(pageSpec, check, lh, vnu, found));
  }
  lines.push(table(rows));
  lines.push("");
  lines.push("Budgets: Lighthouse " + CATEGORIES.map((id) => `${id} >= ${budgets.lighthouse?.[id] ?? "-"}`).join(", ") +
    `; axe violations <= ${budgets.axe_violations ?? 0}; vnu errors <= ${budgets.vnu_errors ?? 0}; ` +
    `requests to other hosts <= ${budgets.third_party_requests ?? 0}; ` +
    pages.filter((p) => p.max_html_css_js_kb !== undefined || p.max_total_kb !== undefined)
      .map((p) => `${p.name}: HTML+CSS+JS <= ${p.max_html_css_js_kb ?? "-"} KB, total <= ${p.max_total_kb ?? "-"} KB`).join("; ") +
    ". ⁿ: a noindex page (search results), whose SEO score lacks is-crawlable on purpose and whose other SEO audits must pass. A value marked ! breaks its budget. KB = 1024 bytes transferred (compressed), first load, empty cache, phone viewport.");
  lines.push("");
  lines.push(...details);
  lines.push("");
  lines.push(failing ? `AUDIT: ${failing} page(s) over budget` : "AUDIT: every page within budget");
  return { text: lines.join("\n"), failing };
}

function pageDetails(pageSpec, check, lh, vnu, found) {
  const out = [`## ${pageSpec.name} ${pageSpec.path}`];
  if (!found.length) out.push("  within budget");
  for (const line of found) out.push(`  BREACH: ${line}`);
  for (const v of check.violations || []) {
    out.push(`  axe ${v.id} (${v.impact}): ${v.help}`);
    for (const node of v.nodes) out.push(`      ${node.target}    ${node.html.replace(/\s+/g, " ").slice(0, 140)}`);
  }
  for (const e of vnu?.errors || []) {
    out.push(`  vnu error line ${e.line}:${e.column}: ${e.message}`);
    if (e.extract) out.push(`      ${e.extract.replace(/\s+/g, " ").trim()}`);
  }
  if (vnu?.warnings?.length) out.push(`  vnu: ${vnu.warnings.length} warning(s) (not counted): ${vnu.warnings.map((w) => w.message).join(" | ")}`);
  for (const url of check.network?.thirdParty || []) out.push(`  request to another host: ${url}`);
  for (const f of check.network?.failed || []) out.push(`  failed request: ${f.url} ${f.status ?? ""} ${f.error ?? ""}`.trimEnd());
  for (const c of check.consoleErrors || []) out.push(`  console error: ${c}`);
  if (lh?.scores) {
    const lowCategories = new Set(CATEGORIES.filter((id) => (lh.scores[id] ?? 0) < 100));
    for (const a of lh.lost || []) {
      if (!lowCategories.has(a.category) || (a.category === "performance" && a.score >= 0.9)) continue;
      const where = a.items.filter(Boolean).join(", ");
      out.push(`  lighthouse ${a.category}/${a.id} (score ${a.score}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ""}${where ? ` [${where}]` : ""}`);
    }
    const m = lh.metrics || {};
    out.push(`  lighthouse metrics: FCP ${m["first-contentful-paint"]}, LCP ${m["largest-contentful-paint"]}, TBT ${m["total-blocking-time"]}, CLS ${m["cumulative-layout-shift"]}, SI ${m["speed-index"]}`);
  }
  if (check.network?.bytesByType) {
    out.push(`  transferred by kind: ${Object.entries(check.network.bytesByType).map(([type, bytes]) => `${type} ${kb(bytes)} KB`).join(", ")}`);
  }
  return out.join("\n");
}

export async function audit(base, pages, budgets, { lighthouse = true } = {}) {
  const check = await checkPages(base, pages);
  const present = pages.filter((p, i) => !(p.may_be_missing && check[i].status === 404));
  const lh = lighthouse ? await lighthousePages(base, present) : [];
  const vnu = await vnuPages(base, present);
  const byName = (list) => new Map(list.map((r) => [r.name, r]));
  return { check: byName(check), lighthouse: byName(lh), vnu: byName(vnu) };
}

if (isMain(import.meta.url)) {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf("--json");
  const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : "";
  const { base, pages, budgets, flags } = parseArgs(args);
  const results = await audit(base, pages, budgets, { lighthouse: !flags.has("no-lighthouse") });
  if (jsonFile) {
    const plain = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Object.fromEntries(v)]));
    writeFileSync(jsonFile, `${JSON.stringify({ base, pages, budgets, results: plain }, null, 2)}\n`);
    log(`full results: ${jsonFile}`);
  }
  const { text, failing } = report(pages, results, budgets);
  process.stdout.write(`${text}\n`);
  process.exitCode = failing ? 1 : 0;
}
