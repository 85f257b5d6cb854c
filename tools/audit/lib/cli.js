// Shared command-line handling: `--base URL` and either `--config FILE` (the JSON printed by
// pages.py) or page paths as arguments. Results go to stdout as JSON; progress goes to stderr.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export function parseArgs(argv = process.argv.slice(2)) {
  const options = { base: process.env.AUDIT_BASE_URL || "", config: "", paths: [], flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--base") options.base = argv[++i];
    else if (arg === "--config") options.config = argv[++i];
    else if (arg.startsWith("--")) options.flags.add(arg.slice(2));
    else options.paths.push(arg);
  }
  if (!options.base) usage("--base URL is required");
  options.base = options.base.replace(/\/+$/, "");
  const config = options.config ? JSON.parse(readFileSync(options.config, "utf8")) : { pages: [], budgets: {} };
  options.budgets = config.budgets || {};
  options.pages = options.paths.length ? options.paths.map((path) => ({ name: path, path })) : config.pages;
  if (!options.pages.length) usage("give --config FILE or at least one path");
  for (const page of options.pages) {
    if (!page.path) usage(`page ${page.name} has no path (resolve the config with pages.py first)`);
  }
  return options;
}

function usage(message) {
  process.stderr.write(`${message}\nusage: node <script> --base http://127.0.0.1:8765 (--config pages.json | PATH...)\n`);
  process.exit(2);
}

/** True when the module at `metaUrl` is the script node was started with. */
export function isMain(metaUrl) {
  return Boolean(process.argv[1]) && metaUrl === pathToFileURL(process.argv[1]).href;
}

export function log(message) {
  process.stderr.write(`${message}\n`);
}

export function printJson(value) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
