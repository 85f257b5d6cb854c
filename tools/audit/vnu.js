// The Nu HTML Checker (vnu.jar from the vnu-jar package, run with the system's Java) on the HTML
// each page serves. All pages are checked in one Java run. Prints errors and warnings per page.
//
//   node tools/audit/vnu.js --base http://127.0.0.1:8765 --config var/audit/pages.json
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { isMain, log, parseArgs, printJson } from "./lib/cli.js";

const require = createRequire(import.meta.url);
export const VNU_JAR = join(dirname(require.resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");
const VNU_VERSION = require("vnu-jar/package.json").version;

function java() {
  return process.env.JAVA || (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, "bin", "java") : "java");
}

function runVnu(files) {
  const run = spawnSync(java(), ["-Xss4m", "-jar", VNU_JAR, "--format", "json", "--stdout", ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`cannot run ${java()} (install a JRE, e.g. default-jre-headless): ${run.error}`);
  // vnu exits 1 when it found errors; only unparsable output is a failure of the tool itself.
  try {
    return JSON.parse(run.stdout).messages;
  } catch {
    throw new Error(`vnu.jar gave no JSON (exit ${run.status}): ${run.stderr || run.stdout}`);
  }
}

function describe(message) {
  return {
    line: message.lastLine ?? message.firstLine ?? null,
    column: message.lastColumn ?? message.firstColumn ?? null,
    message: message.message,
    extract: message.extract || "",
  };
}

/** Fetch every page's HTML and check it; pages that do not answer 200 are reported, not checked. */
export async function vnuPages(base, pages) {
  const dir = mkdtempSync(join(tmpdir(), "binhyen-vnu-"));
  try {
    const results = [];
    const files = new Map();
    for (const [index, pageSpec] of pages.entries()) {
      const url = base + pageSpec.path;
      const result = { name: pageSpec.name, path: pageSpec.path, url, status: null, errors: [], warnings: [] };
      results.push(result);
      try {
        const response = await fetch(url, { redirect: "follow" });
        result.status = response.status;
        const html = await response.text();
        if (response.status !== 200) continue;
        const file = join(dir, `page-${index}.html`);
        writeFileSync(file, html);
        files.set(basename(file), result);
      } catch (error) {
        result.error = String(error);
      }
    }
    if (files.size) {
      log(`Nu HTML Checker ${VNU_VERSION}: ${files.size} page(s)`);
      for (const message of runVnu([...files.keys()].map((name) => join(dir, name)))) {
        const result = files.get(basename(decodeURIComponent(message.url || "")));
        if (!result) throw new Error(`vnu.jar: ${message.type}: ${message.message}`);
        if (message.type === "error" || message.type === "non-document-error") result.errors.push(describe(message));
        else if (message.subType === "warning") result.warnings.push(describe(message));
      }
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  const { base, pages } = parseArgs();
  printJson({ vnuVersion: VNU_VERSION, pages: await vnuPages(base, pages) });
}
