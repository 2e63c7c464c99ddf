import { expect, test } from '@playwright/test';

/*
 * The fast training path in the browser: the Fashion lab's Train button trains on it (wasm), and
 * a short run reaches the accuracy of tfjs's own (stock) path. The figures come from the lab
 * page and from bench.html, which runs the lab's FashionRun on either path.
 */

const RUN = { trainCount: 3000, epochs: 1, seed: 1 };

test('the Fashion lab trains on the fast wasm path and learns as the stock path does', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('./bench.html');
  await page.waitForFunction(() => typeof window.runFashionShort === 'function');
  const fast = await page.evaluate((run) => window.runFashionShort('wasm', run, 'fast'), RUN);
  const stock = await page.evaluate((run) => window.runFashionShort('wasm', run, 'stock'), RUN);
  expect(fast.error).toBeUndefined();
  expect(stock.error).toBeUndefined();
  expect([fast.backend, fast.path, fast.fallback_reason]).toEqual(['wasm', 'wasm', undefined]);
  expect([stock.backend, stock.path]).toEqual(['wasm', 'tfjs']);
  expect(fast.steps).toBe(94);
  expect(fast.tensors_leaked).toBe(0);
  expect(stock.tensors_leaked).toBe(0);
  // Chance is 0.1. Float32 sums in another order make the runs drift apart a little, no more.
  expect(fast.test_accuracy!).toBeGreaterThan(0.6);
  expect(Math.abs(fast.test_accuracy! - stock.test_accuracy!)).toBeLessThan(0.02);

  // The lab itself, with the same settings: the same code on the same backend.
  await page.goto(
    `./?lang=en&lab=fashion&backend=wasm&f.n=${RUN.trainCount}&f.epochs=${RUN.epochs}&f.val=0`,
  );
  await expect(page.getByTestId('data-printout')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '▶ Train' }).click();
  const phase = page.getByTestId('phase');
  await expect(phase).toHaveText('finished', { timeout: 120_000 });
  await expect(phase).toHaveAttribute('data-path', 'wasm');
  await expect(page.getByTestId('path-note')).toHaveCount(0);
  await expect(page.getByTestId('backend-status')).toContainText('training on wasm');
  // The server sends the cross-origin isolation headers: XNNPACK runs on every core (up to 4).
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('wasm-threads')).toHaveText(
    `WebAssembly on ${Math.max(Math.min(cores, 4), Math.floor(cores / 2))} threads`,
  );
  const accuracy = Number(await page.getByTestId('test-accuracy').textContent());
  expect(accuracy).toBeCloseTo(fast.test_accuracy!, 4);
});

test('a training lab starts wasm in the background, then gives the page back its CPU backend', async ({
  page,
}) => {
  // The status can show "starting wasm" for a fraction of a second: record every text it shows.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { backendTexts: seen });
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="backend-status"] strong')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto('./?lang=en&gate=XOR&backend=auto');
  const status = page.getByTestId('backend-status');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { backendTexts: string[] }).backendTexts))
    .toEqual([
      'not started yet',
      'not started yet (starting wasm in the background…)',
      'not started yet',
    ]);
  await expect(status).toContainText('not started yet');
  // Tensors are made on the CPU backend again, as before the warm-up.
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: 'Tensors' })
    .click();
  await expect(page.getByText(/Made with tfjs on the cpu backend/)).toBeVisible();
  // The first Train starts at once on the warmed backend and trains.
  await page
    .getByRole('navigation', { name: 'Labs' })
    .getByRole('button', { name: 'Logic gates' })
    .click();
  await page.getByRole('button', { name: /Train both/ }).click();
  await expect(page.getByTestId('phase')).toHaveText('finished', { timeout: 60_000 });
  await expect(status).toContainText('training on');
});
