import { defineConfig } from '@playwright/test';
import { BROWSER_ARGS, findBrowser } from './e2e/browser';

// E2E_PORT and E2E_DIST let several people (or agents) test side by side on one machine, each
// with its own build: `vite build --outDir dist-me && E2E_DIST=dist-me E2E_PORT=4180 npx playwright test`.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  // shots.spec.ts only takes pictures to look at: `npm run screenshots`.
  testIgnore: process.env.SHOTS ? [] : ['**/shots.spec.ts'],
  outputDir: process.env.E2E_DIST ? `test-results-${process.env.E2E_DIST}` : 'test-results',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: { executablePath: findBrowser(), args: BROWSER_ARGS },
    viewport: { width: 1280, height: 800 },
    trace: 'off',
  },
  // The tests run against the production build, served as a static site would serve it.
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
