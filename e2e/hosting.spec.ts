import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic, type StaticSite } from './staticServer';

// The production build, as a teacher would host it: `dist/` copied under a course site's /lab/.
const DIST = resolve(process.env.E2E_DIST ?? 'dist');

let site: StaticSite;

test.beforeAll(async () => {
  if (!existsSync(`${DIST}/sw.js`))
    throw new Error('No production build in dist/: run `npm run build` (npm run test:e2e does).');
  site = await serveStatic(DIST, '/lab/');
});

test.afterAll(async () => {
  await site?.close().catch(() => {});
});

const model = (page: Page, n: 1 | 2) => page.getByTestId(`model-${n}`);

async function trainGates(page: Page) {
  await page.getByRole('button', { name: 'Train both' }).click();
  await expect(page.getByTestId('phase')).toHaveText('finished', { timeout: 90_000 });
  await expect(model(page, 1).getByTestId('accuracy')).toHaveText('accuracy 4/4 = 1.00');
  await expect(model(page, 2).getByTestId('accuracy')).toHaveText('accuracy 4/4 = 1.00');
}

test('the build works under a sub-path, and after one visit it trains offline', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);

  // (a) Under /lab/: the app, its chunks and the tfjs .wasm files load from relative URLs.
  await page.goto(`${site.url}?lab=gates&gate=AND&pace=full`);
  await trainGates(page);
  await expect(model(page, 1).getByTestId('result-row').nth(3)).toHaveText(
    /^1 AND 1 => 0\.\d\d => 1 ✓/,
  );

  // (b) The service worker installs (the app is precached), then controls the page after a reload.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(site.url);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

  // Opening the Fashion-MNIST lab once caches its four data files.
  await page.goto(`${site.url}?lab=fashion`);
  await expect(page.getByTestId('data-printout')).toContainText(
    'Train data shape (60000, 28, 28)',
    {
      timeout: 60_000,
    },
  );
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const cache = await caches.open('training-lab-fashion-mnist');
        return (await cache.keys()).map((r) => r.url.split('/').pop()).sort();
      }),
    )
    .toEqual([
      't10k-images-idx3-ubyte.gz',
      't10k-labels-idx1-ubyte.gz',
      'train-images-idx3-ubyte.gz',
      'train-labels-idx1-ubyte.gz',
    ]);
  expect(site.missing).toEqual([]);

  // The network goes: the server stops and the browser is offline.
  await site.close();
  await context.setOffline(true);

  await page.reload();
  await expect(page.getByTestId('data-printout')).toContainText(
    'Train data shape (60000, 28, 28)',
    {
      timeout: 60_000,
    },
  );
  await expect(page.getByTestId('data-printout')).toContainText('Test data shape (10000, 28, 28)');

  // The logic-gates lab still trains, on the wasm backend too (its .wasm file comes from the cache).
  await page.goto(`${site.url}?lab=gates&gate=AND&pace=full&backend=wasm`);
  await trainGates(page);
  await expect(page.getByTestId('backend-status')).toContainText('training on wasm');
});
