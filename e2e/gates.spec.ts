import { expect, test, type Page } from '@playwright/test';

const finished = (page: Page) =>
  expect(page.getByTestId('phase')).toHaveText('finished', { timeout: 90_000 });
const model = (page: Page, n: 1 | 2) => page.getByTestId(`model-${n}`);

async function train(page: Page, query: string) {
  await page.goto(`./?${query}`);
  await page.getByRole('button', { name: 'Train both' }).click();
  await finished(page);
}

test('AND: both the SLP and the MLP get all four inputs right', async ({ page }) => {
  await train(page, 'gate=AND&pace=full');
  for (const n of [1, 2] as const) {
    await expect(model(page, n).getByTestId('accuracy')).toHaveText('accuracy 4/4 = 1.00');
    await expect(model(page, n).getByTestId('result-row')).toHaveText([
      /^0 AND 0 => 0\.\d\d => 0 ✓/,
      /^0 AND 1 => 0\.\d\d => 0 ✓/,
      /^1 AND 0 => 0\.\d\d => 0 ✓/,
      /^1 AND 1 => 0\.\d\d => 1 ✓/,
    ]);
  }
  await expect(page.getByTestId('backend-status')).toContainText(/training on (cpu|wasm|webgl)/);
});

test('XOR with the documented seed 8: the MLP solves it, the SLP cannot', async ({ page }) => {
  await train(page, 'gate=XOR&pace=full&m1.seed=8&m2.seed=8');
  await expect(model(page, 1)).toContainText('Model 1: SLP');
  await expect(model(page, 2)).toContainText('Model 2: MLP [4]');
  await expect(model(page, 2).getByTestId('accuracy')).toHaveText('accuracy 4/4 = 1.00');
  await expect(model(page, 2).getByTestId('result-row').nth(3)).toHaveText(
    /^1 XOR 1 => 0\.\d\d => 0 ✓/,
  );
  await expect(model(page, 1).getByTestId('accuracy')).not.toHaveText('accuracy 4/4 = 1.00');
  await expect(model(page, 1).getByTestId('result-row').filter({ hasText: '✗' })).not.toHaveCount(
    0,
  );
  // The decision map shows it: the MLP's map is blue (1) at (1, 0) and red (0) at (1, 1).
  const colours = await model(page, 2)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d')!;
      const at = (x: number, y: number) => {
        const px = (v: number) => Math.round(((v + 0.25) / 1.5) * canvas.width);
        const [r, , b] = ctx.getImageData(px(x), canvas.height - px(y), 1, 1).data;
        return b! > r! ? 'blue' : 'red';
      };
      // Next to each point, not on it (the points are drawn on top).
      return [at(0.12, 0.12), at(0.88, 0.12), at(0.12, 0.88), at(0.88, 0.88)];
    });
  expect(colours).toEqual(['red', 'blue', 'blue', 'red']);
  await page.screenshot({ path: 'e2e/screenshots/gates-xor-desktop.png', fullPage: true });
});

test('the results and the decision map update live while training, and Stop ends the run', async ({
  page,
}) => {
  await page.goto('./?gate=XOR&pace=60');
  await page.getByRole('button', { name: 'Train both' }).click();
  await expect(page.getByTestId('phase')).toHaveText('running');
  await expect(model(page, 2).getByTestId('result-row')).toHaveCount(4);
  await expect(page.getByText(/^epoch (\d{2,}) \/ 1500$/)).toBeVisible();
  await page.getByRole('button', { name: /Stop/ }).click();
  await finished(page);
  const status = await model(page, 2).getByTestId('model-status').textContent();
  const epoch = Number(/stopped at epoch (\d+)/.exec(status ?? '')?.[1]);
  expect(epoch).toBeGreaterThan(0);
  expect(epoch).toBeLessThan(1500);
  await expect(page.getByRole('button', { name: 'Train both' })).toBeEnabled();
});

test('pause holds the run still and resume finishes it', async ({ page }) => {
  await page.goto('./?gate=AND&pace=300');
  await page.getByRole('button', { name: 'Train both' }).click();
  await expect(page.getByText(/^epoch \d{2,} \/ 1500$/)).toBeVisible();
  await page.getByRole('button', { name: /Pause/ }).click();
  await expect(page.getByTestId('phase')).toHaveText('paused');
  const before = await page.getByText(/^epoch \d+ \/ 1500$/).textContent();
  await page.waitForTimeout(700);
  await expect(page.getByText(/^epoch \d+ \/ 1500$/)).toHaveText(before!);
  await page.getByRole('button', { name: /Resume/ }).click();
  await finished(page);
  await expect(page.getByText('epoch 1500 / 1500')).toBeVisible();
  await expect(model(page, 1).getByTestId('model-status')).toContainText('done');
});

test('a shared link reopens the same experiment', async ({ page, context }) => {
  await page.goto('./');
  await page.getByRole('group', { name: 'Gate' }).getByRole('button', { name: 'NAND' }).click();
  const m2 = model(page, 2);
  await m2.getByLabel(/^Hidden layers/).focus();
  await page.keyboard.press('ArrowRight');
  await m2.getByLabel('Optimizer').selectOption('adam');
  await m2.getByRole('group', { name: 'Batch size' }).getByRole('button', { name: '2' }).click();
  await model(page, 1).getByLabel(/^Seed/).fill('42');
  // The address follows the controls.
  await expect(page).toHaveURL(/gate=NAND/);
  await expect(page).toHaveURL(/m1\.seed=42/);
  const shared = page.url();

  const other = await context.newPage();
  await other.goto(shared);
  await expect(
    other.getByRole('group', { name: 'Gate' }).getByRole('button', { name: 'NAND' }),
  ).toHaveAttribute('aria-pressed', 'true');
  const o2 = model(other, 2);
  await expect(o2).toContainText('Model 2: MLP [4, 4]');
  await expect(o2.getByLabel('Optimizer')).toHaveValue('adam');
  await expect(
    o2.getByRole('group', { name: 'Batch size' }).getByRole('button', { name: '2' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(model(other, 1).getByLabel(/^Seed/)).toHaveValue('42');
  await expect(other.getByTestId('url-notice')).toHaveCount(0);
});

test('a link with bad values opens with them clamped and a notice', async ({ page }) => {
  await page.goto('./?gate=FOO&m1.epochs=999999&m2.lr=abc&m2.layers=4,300&m1.batch=0');
  const notice = page.getByTestId('url-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('gate');
  await expect(notice).toContainText('m1.epochs: 999999 is above the maximum 5000; using 5000');
  await expect(notice).toContainText('m2.lr: not a number is not valid');
  await expect(notice).toContainText(
    'm2.layers (hidden layer 2): 300 is above the maximum 16; using 16',
  );
  await expect(notice).toContainText('m1.batch: 0 is below the minimum 1; using 1');
  await expect(model(page, 1).getByText(/^Epochs/)).toContainText('5000');
  await expect(model(page, 2).getByText(/^Units in hidden layer 2/)).toContainText('16');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(notice).toHaveCount(0);
});

test('repeat over seeds: the SLP never solves XOR, the MLP often does', async ({ page }) => {
  await page.goto('./?gate=XOR&backend=cpu');
  const panel = page.getByRole('region', { name: 'Repeat over seeds' });
  await panel.getByLabel(/^Seeds/).fill('5');
  await panel.getByRole('button', { name: 'Repeat over 5 seeds' }).click();
  await expect(panel.getByText('run 10 / 10')).toBeVisible({ timeout: 90_000 });
  const rows = panel.getByTestId('sweep-row');
  await expect(rows.nth(0)).toContainText('SLP');
  await expect(rows.nth(0)).toContainText('0 of 5');
  await expect(rows.nth(1)).toContainText(/MLP \[4\] · 1500 epochs\s*[1-5] of 5/);
});

test('the backend can be forced, and the choice is shown', async ({ page }) => {
  await train(page, 'gate=OR&pace=full&backend=cpu');
  await expect(page.getByTestId('backend-status')).toContainText('training on cpu');
  await expect(page.getByTestId('backend-status')).toContainText('chosen by you');
  await expect(model(page, 2).getByTestId('accuracy')).toHaveText('accuracy 4/4 = 1.00');

  await train(page, 'gate=OR&pace=full&backend=wasm&m1.epochs=300&m2.epochs=300');
  await expect(page.getByTestId('backend-status')).toContainText('training on wasm');
});

test('auto explains its choice; WebGL here is software and is skipped', async ({ page }) => {
  // The lecture's run takes the CPU backend a few milliseconds: measuring others would cost more.
  await train(page, 'gate=AND&pace=full&backend=auto');
  const status = page.getByTestId('backend-status');
  await expect(status).toContainText(
    /auto: the whole run takes cpu about \d+ ms \(\d+ µs\/step\), so the other backends were not measured/,
  );
  await expect(status).toContainText('WebGL skipped: software renderer');
});

test('losing the WebGL context mid-run falls back to another backend and says so', async ({
  page,
}) => {
  await page.goto('./?gate=AND&pace=60&backend=webgl&m1.epochs=200&m2.epochs=200');
  await page.getByRole('button', { name: 'Train both' }).click();
  await expect(page.getByTestId('backend-status')).toContainText('training on webgl', {
    timeout: 60_000,
  });
  await expect(page.getByText(/^epoch [1-9]\d* \/ 200$/)).toBeVisible({ timeout: 60_000 });
  const lost = await page.evaluate(() =>
    (
      window as unknown as { __trainingLab: { loseWebGLContext(): boolean } }
    ).__trainingLab.loseWebGLContext(),
  );
  expect(lost).toBe(true);
  await expect(page.getByTestId('backend-status')).toContainText(
    /webgl stopped working \(the WebGL context was lost\); restarted on (wasm|cpu)/,
  );
  await finished(page);
  await expect(model(page, 1).getByTestId('accuracy')).toHaveText('accuracy 4/4 = 1.00');
});

test('reads well on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await train(page, 'gate=XOR&pace=full');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e/screenshots/gates-xor-phone.png', fullPage: true });
});

test('the experiment as Keras and TensorFlow.js code, in step with the controls', async ({
  page,
}) => {
  await page.goto('./?gate=AND');
  const code = page.getByRole('region', { name: 'Code' });
  await code.getByText(/The code of this experiment/).click();
  const panel = code.getByRole('tabpanel');
  await expect(panel).toContainText('tf.keras.optimizers.SGD(learning_rate=0.1)');
  await expect(panel).toContainText('def and_classifier_example():');
  await expect(panel).toContainText('MLP(hidden_layer_conf=[4], num_output_nodes=1)');

  await model(page, 2).getByLabel('Optimizer').selectOption('adam');
  await expect(panel).toContainText('tf.keras.optimizers.Adam(');

  const download = page.waitForEvent('download');
  await code.getByRole('button', { name: 'Download and_classifier.py' }).click();
  expect((await download).suggestedFilename()).toBe('and_classifier.py');

  await code.getByRole('tab', { name: 'JavaScript · TensorFlow.js' }).click();
  await expect(code.getByRole('tabpanel')).toContainText('tf.sequential()');
});

test('a downloaded model loads back and predicts the same; a model of another shape is refused', async ({
  page,
}, testInfo) => {
  await train(page, 'gate=AND&pace=full');
  const rows = model(page, 2).getByTestId('result-row');
  const before = await rows.allTextContents();
  expect(before).toHaveLength(4);

  // tfjs saves a model as two downloads: the JSON and the weights.
  const downloads: import('@playwright/test').Download[] = [];
  const saved = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      downloads.push(download);
      if (downloads.length === 2) resolve();
    });
  });
  await model(page, 2).getByRole('button', { name: 'Download model' }).click();
  await saved;
  const files: string[] = [];
  for (const download of downloads) {
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    files.push(path);
  }
  expect(files.map((f) => f.split('/').pop()).sort()).toEqual([
    'and_mlp.json',
    'and_mlp.weights.bin',
  ]);

  await page.goto('./?gate=AND&pace=full');
  await expect(model(page, 2).getByTestId('result-row')).toHaveCount(0);
  await model(page, 2).getByLabel('Load model…').setInputFiles(files);
  await expect(model(page, 2).getByTestId('model-status')).toHaveText('loaded from and_mlp.json');
  await expect(model(page, 2).getByTestId('result-row')).toHaveText(before);
  await expect(model(page, 2).getByRole('button', { name: 'Download model' })).toBeVisible();

  await model(page, 1).getByLabel('Load model…').setInputFiles(files);
  await expect(model(page, 1).getByRole('alert')).toHaveText(
    "Could not load the model: the file's model has hidden layers [4], this model has []: change this model's settings to match, or choose another file",
  );
  await expect(model(page, 1).getByTestId('result-row')).toHaveCount(0);
});
