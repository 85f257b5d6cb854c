// Debian's headless Chromium with the flags this closed network needs. Nothing here downloads a browser.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";

// Shared with the Python tests: one list of install paths and flags.
const SHARED = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "chromium.json"), "utf8"));
const CANDIDATES = SHARED.candidates;

export function chromiumPath() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(`no Chromium found (tried ${CANDIDATES.join(", ")}); apt-get install chromium`);
  return found;
}

export const CHROMIUM_FLAGS = SHARED.flags;

// The viewport Lighthouse's mobile preset uses (a Moto G Power class phone).
export const MOBILE_VIEWPORT = {
  width: 412,
  height: 823,
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};

/** Launch one browser with a fresh profile; `close()` also removes the profile. */
export async function launchChromium() {
  const userDataDir = mkdtempSync(join(tmpdir(), "binhyen-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: false,
    userDataDir,
    args: CHROMIUM_FLAGS,
    ignoreDefaultArgs: ["--headless=new"],
    defaultViewport: null,
  });
  const close = async () => {
    await browser.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { browser, close };
}
