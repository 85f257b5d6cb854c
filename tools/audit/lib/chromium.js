// Debian's headless Chromium with the flags this closed network needs. Nothing here downloads a browser.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

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

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

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
