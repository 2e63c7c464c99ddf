import { expect, test, type Page } from '@playwright/test';

// Screenshots to look at, not a test of behaviour: `npm run screenshots` (skipped by `npm test`).
const finished = /finished/;

test('desktop, 1280×800', async ({ page }) => {
  await page.goto('./?gate=XOR&pace=full');
  await page.getByRole('button', { name: 'Train both' }).click();
  await expect(page.getByTestId('phase')).toHaveText(finished);
  await page.screenshot({ path: 'e2e/screenshots/desktop-top.png' });
  await page.getByRole('region', { name: 'Loss chart' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/desktop-chart.png' });
  await page.screenshot({ path: 'e2e/screenshots/desktop-full.png', fullPage: true });
  const repeat = page.getByRole('region', { name: 'Repeat over seeds' });
  await repeat.getByRole('button', { name: 'Repeat over 10 seeds' }).click();
  await expect(repeat.getByText('run 20 / 20')).toBeVisible({ timeout: 60_000 });
  await repeat.screenshot({ path: 'e2e/screenshots/desktop-repeat.png' });
});

test('phone, 390×844', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?gate=XOR&pace=full');
  await page.getByRole('button', { name: 'Train both' }).click();
  await expect(page.getByTestId('phase')).toHaveText(finished);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let i = 0; i * 800 < height; i++) {
    await page.evaluate((y) => window.scrollTo(0, y), i * 800);
    await page.screenshot({ path: `e2e/screenshots/phone-${i}.png` });
  }
});

test('Fashion-MNIST, desktop and phone', async ({ page }) => {
  await page.goto('./?lab=fashion&f.n=6000&f.epochs=2&f.val=0.1');
  await expect(page.getByTestId('data-printout')).toBeVisible();
  await page.getByRole('button', { name: '▶ Train' }).click();
  await expect(page.getByTestId('phase')).toHaveText('running');
  await page.waitForTimeout(2500);
  await page
    .getByRole('region', { name: 'Training' })
    .screenshot({ path: 'e2e/screenshots/fashion-training.png' });
  await expect(page.getByTestId('phase')).toHaveText(finished, { timeout: 120_000 });
  for (const name of ['The data', 'The model', 'Training', 'Judging the model']) {
    await page
      .getByRole('region', { name, exact: true })
      .screenshot({ path: `e2e/screenshots/fashion-${name.toLowerCase().replace(/ /g, '-')}.png` });
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let i = 0; i * 800 < height && i < 12; i++) {
    await page.evaluate((y) => window.scrollTo(0, y), i * 800);
    await page.screenshot({ path: `e2e/screenshots/fashion-phone-${i}.png` });
  }
});

test('Tensors, desktop and phone', async ({ page }) => {
  await page.goto('./?lab=tensors');
  await expect(page.getByText('(4, 2)').first()).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/tensors-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'e2e/screenshots/tensors-phone.png', fullPage: true });
});

// The same labs in Korean (a browser whose language is Korean), to check that Korean text fits.
test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });

  /** The whole page at 1280 px, then a phone's screens, top to bottom. */
  async function shoot(page: Page, name: string) {
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    await page.screenshot({ path: `e2e/screenshots/ko-${name}-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let i = 0; i * 800 < height && i < 14; i++) {
      await page.evaluate((y) => window.scrollTo(0, y), i * 800);
      await page.screenshot({ path: `e2e/screenshots/ko-${name}-phone-${i}.png` });
    }
  }

  test('logic gates', async ({ page }) => {
    await page.goto('./?gate=XOR&pace=full');
    await page.getByRole('button', { name: '둘 다 학습' }).click();
    await expect(page.getByTestId('phase')).toHaveText('완료');
    await shoot(page, 'gates');
  });

  test('tensors', async ({ page }) => {
    await page.goto('./?lab=tensors');
    await page.getByRole('button', { name: '1.7 → int32' }).click();
    await expect(page.getByTestId('cast-changes')).toContainText('1.7 → 1');
    await shoot(page, 'tensors');
  });

  test('Fashion-MNIST', async ({ page }) => {
    await page.goto('./?lab=fashion&f.n=3000&f.epochs=2&f.val=0.1');
    await expect(page.getByTestId('data-printout')).toBeVisible();
    await page.getByRole('button', { name: '▶ 학습' }).click();
    await expect(page.getByTestId('phase')).toHaveText('완료', { timeout: 120_000 });
    await shoot(page, 'fashion');
  });
});
