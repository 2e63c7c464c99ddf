import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const DATA_DIR = 'public/data/fashion-mnist';
const FILES = [
  'train-images-idx3-ubyte.gz',
  'train-labels-idx1-ubyte.gz',
  't10k-images-idx3-ubyte.gz',
  't10k-labels-idx1-ubyte.gz',
];

async function openWithData(page: Page, query = '') {
  await page.goto(`./?lab=fashion${query}`);
  await expect(page.getByTestId('data-printout')).toBeVisible({ timeout: 30_000 });
}

/** Distinct colours drawn on a canvas: a blank or one-colour canvas has one. */
async function canvasColours(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    });
}

test('the data as the lecture prints and plots it', async ({ page }) => {
  await openWithData(page);
  const printout = page.getByTestId('data-printout');
  await expect(printout).toContainText('Train data shape (60000, 28, 28)');
  await expect(printout).toContainText('Train labels [9 0 0 ... 3 0 5]');
  await expect(printout).toContainText('Test data shape (10000, 28, 28)');
  await expect(page.getByText(/plt\.imshow\(train_images\[0\]\).*Ankle boot/)).toBeVisible();
  expect(await canvasColours(page, 'figure.one-image canvas')).toBeGreaterThan(20);
  const grid = page.getByRole('list', { name: 'The first 25 training images' });
  await expect(grid.locator('canvas')).toHaveCount(25);
  await expect(grid).toContainText('Ankle boot');
  await expect(grid).toContainText('T-shirt/top');
  // Stepping to the next image changes the picture and its class.
  await page.getByRole('button', { name: 'Next image' }).click();
  await expect(page.getByText(/plt\.imshow\(train_images\[1\]\).*T-shirt\/top/)).toBeVisible();
  await expect(page.getByText('after (float32, 0.0 to 1.0)')).toBeVisible();
});

test('a short run learns, and its predictions, confusion matrix and charts are drawn', async ({
  page,
}) => {
  await openWithData(page, '&f.n=3000&f.epochs=1&f.val=0.1');
  await expect(page.getByText('Total params')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Model summary' })).toContainText('118,282');
  await page.getByRole('button', { name: '▶ Train' }).click();
  await expect(page.getByTestId('phase')).toHaveText('finished', { timeout: 120_000 });

  const accuracy = Number(await page.getByTestId('test-accuracy').textContent());
  expect(accuracy).toBeGreaterThan(0.5); // chance is 0.1

  const predictions = page.getByRole('list', { name: 'Test images with their predicted class' });
  await expect(predictions.locator('canvas')).toHaveCount(25);
  await expect(page.getByTestId('prediction-page')).toHaveText('1–25 of 10,000');

  // The confusion matrix counts every test image once.
  const matrix = page.getByRole('region', { name: 'Confusion matrix' }).locator('table');
  const cells = await matrix.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.querySelectorAll('td'))
        .slice(0, 10)
        .map((td) => Number(td.textContent?.replace(/[^\d]/g, '') || 0)),
    ),
  );
  expect(cells).toHaveLength(10);
  expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
  const diagonal = cells.reduce((sum, row, i) => sum + row[i]!, 0);
  expect(diagonal / 10_000).toBeCloseTo(accuracy, 3);

  // "Only mistakes" shows exactly the off-diagonal images.
  await page.getByLabel('only mistakes').check();
  await expect(page.getByTestId('prediction-count')).toHaveText(
    `${(10_000 - diagonal).toLocaleString('en')} images`,
  );

  // Each chart has a drawn line.
  for (const name of ['Loss per update', 'Loss per epoch', 'Accuracy per epoch']) {
    const chart = page.getByRole('figure', { name });
    await expect(
      chart.locator('.recharts-line path, .recharts-line-dots circle').first(),
    ).toBeVisible();
  }
  expect(await canvasColours(page, '[aria-label="First layer weights"] canvas')).toBeGreaterThan(
    20,
  );
  await expect(page.getByRole('region', { name: 'Probabilities of one image' })).toContainText(
    '(true)',
  );
  // Everything fits a phone's width (wide tables scroll inside their own box).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
});

test('without data on the server, the lab says how to get it and takes the files instead', async ({
  page,
}) => {
  await page.route('**/data/fashion-mnist/**', (route) =>
    route.fulfill({ status: 404, body: 'not here' }),
  );
  await page.goto('./?lab=fashion');
  const missing = page.getByTestId('data-missing');
  await expect(missing).toBeVisible();
  await expect(missing).toContainText('npm run data');
  await expect(missing).toContainText('dataset-fashion-mnist');
  await missing
    .getByLabel('Fashion-MNIST files')
    .setInputFiles(FILES.map((f) => `${DATA_DIR}/${f}`));
  await expect(page.getByTestId('data-printout')).toContainText('Train data shape (60000, 28, 28)');
  await expect(page.getByText('Loaded from your files')).toBeVisible();
});

test('a truncated file is refused with a message that names it', async ({ page }) => {
  await page.route('**/data/fashion-mnist/**', (route) => route.fulfill({ status: 404 }));
  await page.goto('./?lab=fashion');
  const labels = readFileSync(`${DATA_DIR}/t10k-labels-idx1-ubyte.gz`);
  await page.getByLabel('Fashion-MNIST files').setInputFiles([
    ...FILES.slice(0, 3).map((name) => ({
      name,
      mimeType: 'application/gzip',
      buffer: readFileSync(`${DATA_DIR}/${name}`),
    })),
    {
      name: 't10k-labels-idx1-ubyte.gz',
      mimeType: 'application/gzip',
      buffer: labels.subarray(0, labels.length / 2),
    },
  ]);
  const error = page.getByTestId('data-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('t10k-labels-idx1-ubyte.gz');
});
