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

test('a downloaded model loads back and predicts the same; a wrong or damaged file is refused', async ({
  page,
}, testInfo) => {
  const query = '&f.n=1000&f.epochs=1&backend=cpu';
  await openWithData(page, query);
  const files = page.getByRole('group', { name: 'Model files' });
  // Nothing to download before training.
  await expect(files.getByRole('button', { name: 'Download model' })).toHaveCount(0);
  await page.getByRole('button', { name: '▶ Train' }).click();
  await expect(page.getByTestId('phase')).toHaveText('finished', { timeout: 120_000 });
  const accuracy = await page.getByTestId('test-accuracy').textContent();
  const predictions = page
    .getByRole('list', { name: 'Test images with their predicted class' })
    .locator('li');
  const before = await predictions.allTextContents();
  expect(before).toHaveLength(25);

  // tfjs saves a model as two downloads: the JSON and the weights.
  const downloads: import('@playwright/test').Download[] = [];
  const saved = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      downloads.push(download);
      if (downloads.length === 2) resolve();
    });
  });
  await files.getByRole('button', { name: 'Download model' }).click();
  await saved;
  const paths: string[] = [];
  for (const download of downloads) {
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    paths.push(path);
  }
  expect(paths.map((f) => f.split('/').pop()).sort()).toEqual([
    'fashion_mnist_classifier.json',
    'fashion_mnist_classifier.weights.bin',
  ]);

  // A fresh page, nothing trained: the loaded model is judged at once, as the trained one was.
  await openWithData(page, query);
  await expect(page.getByTestId('test-accuracy')).toHaveCount(0);
  await files.getByLabel('Load model…').setInputFiles(paths);
  await expect(files.getByTestId('model-loaded-from')).toHaveText(
    'Loaded from fashion_mnist_classifier.json',
  );
  await expect(page.getByTestId('test-accuracy')).toHaveText(accuracy!);
  await expect(predictions).toHaveText(before);
  await expect(page.getByTestId('judged-model')).toContainText('fashion_mnist_classifier.json');
  await expect(page.getByRole('region', { name: 'Confusion matrix' })).toBeVisible();
  await expect(files.getByRole('button', { name: 'Download model' })).toBeVisible();

  // A damaged weights file is refused, and the loaded model stays.
  const [json, weights] = paths.sort() as [string, string];
  const bytes = readFileSync(weights);
  await files.getByLabel('Load model…').setInputFiles([
    {
      name: 'fashion_mnist_classifier.json',
      mimeType: 'application/json',
      buffer: readFileSync(json),
    },
    {
      name: 'fashion_mnist_classifier.weights.bin',
      mimeType: 'application/octet-stream',
      buffer: bytes.subarray(0, 4000),
    },
  ]);
  await expect(files.getByRole('alert')).toHaveText(
    `Could not load the model: fashion_mnist_classifier.weights.bin has 4,000 bytes, but fashion_mnist_classifier.json describes ${bytes.length.toLocaleString('en')}: the file is damaged or belongs to another model`,
  );
  await expect(page.getByTestId('test-accuracy')).toHaveText(accuracy!);
  await expect(files.getByTestId('model-loaded-from')).toBeVisible();

  // A model of another shape than the lab's settings is refused, in English and in Korean.
  await openWithData(page, `${query}&f.layers=64`);
  await files.getByLabel('Load model…').setInputFiles(paths);
  await expect(files.getByRole('alert')).toHaveText(
    "Could not load the model: the file's model has hidden layers [128, 128], this model has [64]: change the model’s settings (step 2) to match the file, or choose another file",
  );
  await expect(page.getByTestId('test-accuracy')).toHaveCount(0);
  await expect(files.getByTestId('model-loaded-from')).toHaveCount(0);
  await openWithData(page, `${query}&f.layers=64&lang=ko`);
  await page
    .getByRole('group', { name: '모델 파일' })
    .getByLabel('모델 불러오기…')
    .setInputFiles(paths);
  await expect(page.getByRole('group', { name: '모델 파일' }).getByRole('alert')).toHaveText(
    '모델을 불러올 수 없습니다: 은닉층이 다릅니다: 파일의 모델은 [128, 128], 이 모델은 [64]: 모델 설정(2단계)을 파일에 맞게 바꾸거나 다른 파일을 고르세요',
  );
});
