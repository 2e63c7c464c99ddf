import { expect, test, type Page } from '@playwright/test';

const open = (page: Page, query = '') => page.goto(`./?lab=tensors${query}`);
const value = (page: Page) => page.getByRole('textbox', { name: /^Value/ });
const picture = (page: Page) => page.getByTestId('picture');

async function choose(page: Page, label: 'Function' | 'dtype', option: string) {
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
}

test('the lecture’s input_data is a 4×2 grid: shape (4, 2), rank 2, float32', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await open(page);
  await expect(value(page)).toHaveValue('[[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]');
  await expect(page.getByTestId('python-call')).toHaveText(
    'x = tf.constant([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])',
  );
  await expect(page.getByTestId('shape-js')).toHaveText('[4, 2]');
  await expect(page.getByTestId('shape-python')).toHaveText('(4, 2)');
  await expect(page.getByTestId('rank')).toHaveText('2');
  await expect(page.getByTestId('dtype')).toHaveText('tf.float32');
  await expect(page.getByTestId('size')).toHaveText('8');
  await expect(page.getByTestId('printout')).toHaveText(
    '>>> print(x)\ntf.Tensor(\n[[0. 0.]\n [0. 1.]\n [1. 0.]\n [1. 1.]], shape=(4, 2), dtype=float32)',
  );
  // The picture: 8 cells in 4 rows of 2, with their values.
  const cells = picture(page).getByTestId('cell');
  await expect(cells).toHaveCount(8);
  const boxes = await cells.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return [Math.round(r.left), Math.round(r.top)] as const;
    }),
  );
  expect(new Set(boxes.map(([, top]) => top)).size).toBe(4);
  expect(new Set(boxes.map(([left]) => left)).size).toBe(2);
  await expect(cells).toHaveText(['0.0', '0.0', '0.0', '1.0', '1.0', '0.0', '1.0', '1.0']);
  await expect(page.getByRole('list', { name: 'Axes' }).getByRole('listitem')).toHaveText([
    /^axis 0: 4/,
    /^axis 1: 2/,
  ]);
  await page.screenshot({ path: 'e2e/screenshots/tensors-desktop.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('tf.cast of 1.7 to int32 gives 1; tf.constant refuses it like TensorFlow', async ({
  page,
}) => {
  await open(page);
  await value(page).fill('1.7');
  await choose(page, 'Function', 'tf.cast');
  await choose(page, 'dtype', 'tf.int32');
  await expect(page.getByTestId('python-call')).toHaveText(
    'x = tf.cast(tf.constant(1.7), tf.int32)',
  );
  await expect(page.getByTestId('printout')).toContainText('tf.Tensor(1, shape=(), dtype=int32)');
  await expect(page.getByTestId('cast-before')).toHaveText(
    'tf.Tensor(1.7, shape=(), dtype=float32)',
  );
  await expect(page.getByTestId('cast-after')).toHaveText('tf.Tensor(1, shape=(), dtype=int32)');
  await expect(page.getByTestId('cast-changes')).toHaveText('1.7 → 1');
  await expect(page.getByText('A tensor is immutable')).toBeVisible();
  await expect(picture(page).getByTestId('cell')).toHaveText(['1']);

  await choose(page, 'Function', 'tf.constant');
  await expect(page.getByTestId('tf-error')).toContainText(
    'TypeError: Cannot convert 1.7 to EagerTensor of dtype int32',
  );
  await expect(picture(page)).toHaveCount(0);
});

test('the lecture’s tf.cast example and the rank-4 drawing', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'ints → float32' }).click();
  await expect(page.getByTestId('cast-before')).toContainText('[[0 0]\n [0 1]');
  await expect(page.getByTestId('cast-after')).toContainText('[[0. 0.]\n [0. 1.]');
  await expect(page.getByTestId('cast-changes')).toHaveText(/0 → 0\.0\s*1 → 1\.0/);

  await page.getByRole('button', { name: 'rank 4 [3, 2, 4, 5]' }).click();
  await expect(page.getByTestId('shape-js')).toHaveText('[3, 2, 4, 5]');
  await expect(page.getByTestId('rank')).toHaveText('4');
  await expect(page.getByTestId('size')).toHaveText('120');
  await expect(picture(page).getByTestId('cell')).toHaveCount(120);
  await expect(picture(page).locator('.t-stack')).toHaveCount(3);
  await expect(picture(page).locator('.t-sheet')).toHaveCount(6);
  await picture(page).screenshot({ path: 'e2e/screenshots/tensors-rank4.png' });
});

test('bad input: ragged arrays, unbalanced brackets and text say what is wrong', async ({
  page,
}) => {
  await open(page);
  const error = page.getByTestId('parse-error');
  await page.getByRole('button', { name: 'ragged' }).click();
  await expect(error).toContainText('row [1] has 1 element, but row [0] has 2');
  await expect(page.getByText('No tensor yet')).toBeVisible();

  await value(page).fill('[[1, 2], [3, 4]');
  await expect(error).toContainText('the [ at column 1 is never closed');
  await value(page).fill('[[1, 2], [3, 4]]]');
  await expect(error).toContainText('the ] at column 17 has no [ to close');
  await value(page).fill('[1, two]');
  await expect(error).toContainText('"two" at column 5 is not a number');
  await value(page).fill('[[1, 2], [3, 4]]');
  await expect(error).toHaveCount(0);
  await expect(page.getByTestId('shape-python')).toHaveText('(2, 2)');
});

test('10 million elements: a quick "too large" message, and the page keeps working', async ({
  page,
}) => {
  await open(page);
  const huge = `[${'0,'.repeat(10_000_000)}0]`;
  const start = Date.now();
  await value(page).fill(huge);
  await expect(page.getByTestId('parse-error')).toContainText(
    'this value has 10,000,001 elements; the limit here is 100,000',
    { timeout: 20_000 },
  );
  const ms = Date.now() - start;
  console.log(`10M elements: message after ${ms} ms`);
  expect(ms).toBeLessThan(10_000);
  // The text box shows only the start of it: the browser never lays out 20 MB of text.
  await expect(value(page)).toHaveValue(/characters in all: too long to show here/);
  await page.screenshot({ path: 'e2e/screenshots/tensors-desktop-too-large.png' });
  // Still responsive: an example replaces the value at once.
  const click = Date.now();
  await page.getByRole('button', { name: 'and_labels' }).click();
  await expect(page.getByTestId('shape-python')).toHaveText('(4,)');
  expect(Date.now() - click).toBeLessThan(5_000);
  await expect(page.getByTestId('parse-error')).toHaveCount(0);
});

test('a link opens the experiment it names; a big tensor draws only its first cells', async ({
  page,
}) => {
  await open(page, '&t.fn=cast&t.dtype=bool&t.value=%5B0.0%2C%202.5%2C%20-1%5D');
  await expect(page.getByTestId('cast-after')).toHaveText(
    'tf.Tensor([False  True  True], shape=(3,), dtype=bool)',
  );
  const big = `[${Array.from({ length: 300 }, (_, i) => `[${Array.from({ length: 40 }, (_, j) => i - j).join(', ')}]`).join(', ')}]`;
  await choose(page, 'Function', 'tf.constant');
  await choose(page, 'dtype', 'as given (inferred)');
  await value(page).fill(big);
  await expect(page.getByTestId('shape-python')).toHaveText('(300, 40)');
  await expect(picture(page).getByTestId('cell')).toHaveCount(256);
  await expect(page.getByTestId('picture-note')).toHaveText(
    'Showing the first 256 of 12,000 values (16 of 300 along axis 0, 16 of 40 along axis 1).',
  );
  await expect(page.getByTestId('printout')).toContainText('...');
  expect(page.url()).not.toContain('t.value');
});

/** Screens of a phone-sized page, top to bottom. */
async function phoneScreens(page: Page, name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let i = 0; i * 800 < height && i < 8; i++) {
    await page.evaluate((y) => window.scrollTo(0, y), i * 800);
    await page.screenshot({ path: `e2e/screenshots/${name}-${i}.png` });
  }
}

test('phone, 390×844: nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await expect(picture(page).getByTestId('cell')).toHaveCount(8);
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect(await width()).toBeLessThanOrEqual(390);
  await phoneScreens(page, 'tensors-phone');
  await page.getByRole('button', { name: 'rank 4 [3, 2, 4, 5]' }).click();
  await expect(picture(page).getByTestId('cell')).toHaveCount(120);
  expect(await width()).toBeLessThanOrEqual(390);
  await picture(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/tensors-phone-rank4.png' });
  await page.getByRole('button', { name: '1.7 → int32' }).click();
  await expect(page.getByTestId('cast-changes')).toContainText('1.7 → 1');
  expect(await width()).toBeLessThanOrEqual(390);
  await page.getByRole('region', { name: 'Casting' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/tensors-phone-cast.png' });
});

test('desktop screenshots of the cast, an error and a big tensor', async ({ page }) => {
  await open(page, '&t.fn=cast&t.dtype=int32&t.value=%5B1.7%2C%20-1.7%2C%202.5%2C%200.4%5D');
  await expect(page.getByTestId('cast-changes')).toContainText('-1.7 → -1');
  await page.screenshot({ path: 'e2e/screenshots/tensors-desktop-cast.png', fullPage: true });
  await page.getByRole('button', { name: 'rank 4 [3, 2, 4, 5]' }).click();
  await expect(picture(page).getByTestId('cell')).toHaveCount(120);
  await page.screenshot({ path: 'e2e/screenshots/tensors-desktop-rank4.png', fullPage: true });
  await value(page).fill('[[1, 2],\n [3, 4, 5]]');
  await expect(page.getByTestId('parse-error')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/tensors-desktop-error.png' });
  await choose(page, 'dtype', 'tf.float32');
  await value(page).fill(
    `[${Array.from({ length: 30 }, (_, i) => `[${Array.from({ length: 50 }, (_, j) => Math.sin(i * j) * 3).join(', ')}]`).join(', ')}]`,
  );
  await expect(page.getByTestId('picture-note')).toBeVisible();
  await page.getByRole('region', { name: 'Picture' }).screenshot({
    path: 'e2e/screenshots/tensors-desktop-big.png',
  });
});
