import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

const HOW_TO_INSTALL = `No Chromium or Chrome found for the end-to-end tests. Install one:
  Debian/Ubuntu: sudo apt-get install -y chromium   (Ubuntu: chromium-browser, or Google Chrome)
  macOS:         brew install --cask chromium        (or install Google Chrome)
  Windows:       install Google Chrome
  anywhere:      npx playwright install chromium
or point CHROMIUM_PATH at a Chromium/Chrome executable.`;

/** CHROMIUM_PATH, then a system Chromium/Chrome, then Playwright's own download. */
export function findBrowser(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.\n${HOW_TO_INSTALL}`);
    return fromEnv;
  }
  const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
  if (system) return system;
  const bundled = (() => {
    try {
      return chromium.executablePath();
    } catch {
      return '';
    }
  })();
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error(HOW_TO_INSTALL);
}

/** Flags for a quiet, offline, headless Chromium; SwiftShader gives WebGL without a GPU. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
