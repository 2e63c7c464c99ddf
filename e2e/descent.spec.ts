import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/** The parts of the JSON export (src/runs/history/exportRuns.ts) this test reads. */
interface ExportedRun {
  name: string;
  color: string;
  trainCount: number;
  batchSize: number;
  status: string;
  updates: { loss: (number | null)[]; examples: number[]; seconds: number[] };
  epochs: { epoch: number; updates: number; valLoss: number | null }[];
}

const EPOCHS = 3;

/** The lab's default comparison (2,000 Fashion-MNIST images, 1,600 to train), a little shorter. */
async function trainDefault(page: Page, query = '') {
  await page.goto(`./?lab=descent&d.epochs=${EPOCHS}${query}`);
  const train = page.getByRole('button', { name: /Train the runs|학습 시작/ });
  await expect(train).toBeEnabled({ timeout: 30_000 });
  await train.click();
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'finished', {
    timeout: 110_000,
  });
}

async function exportedRuns(page: Page): Promise<ExportedRun[]> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '⤓ JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^training-lab-runs-.*\.json$/);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    runs: ExportedRun[];
  };
  return file.runs;
}

const meanAbsStep = (loss: (number | null)[]) => {
  const v = loss.filter((x): x is number => x !== null);
  let sum = 0;
  for (let i = 1; i < v.length; i++) sum += Math.abs(v[i]! - v[i - 1]!);
  return sum / Math.max(1, v.length - 1);
};

test('SGD, mini-batch and batch GD on Fashion-MNIST: one chart, the update counts, the noise', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await trainDefault(page);

  // Three runs on the chart, in three colours, named in the legend.
  const chart = page.getByTestId('runs-chart');
  await expect(chart.getByTestId('legend-run')).toHaveText([
    'Stochastic GD (b = 1)',
    'Mini-batch (b = 64)',
    'Batch GD (b = 1,600)',
  ]);
  const strokes = await chart
    .locator('.run-line path.recharts-curve')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke')));
  expect(new Set(strokes.filter((s) => s && s !== 'none')).size).toBe(3);

  // What the export says each run did.
  const runs = await exportedRuns(page);
  expect(runs.map((r) => r.batchSize)).toEqual([1, 64, 1600]);
  for (const run of runs) {
    expect(run.trainCount).toBe(1600);
    expect(run.status).toBe('done');
    expect(run.epochs).toHaveLength(EPOCHS);
    expect(run.updates.loss).toHaveLength(run.epochs.at(-1)!.updates);
    // Validation loss every epoch, from the held-out 400 images.
    for (const e of run.epochs) expect(e.valLoss).toBeGreaterThan(0);
  }
  const perEpoch = (run: ExportedRun) =>
    run.epochs.map((e, i) => e.updates - (i === 0 ? 0 : run.epochs[i - 1]!.updates));
  const [sgd, mini, batch] = runs as [ExportedRun, ExportedRun, ExportedRun];
  expect(perEpoch(batch)).toEqual(Array(EPOCHS).fill(1));
  expect(perEpoch(sgd)).toEqual(Array(EPOCHS).fill(1600));
  expect(perEpoch(mini)).toEqual(Array(EPOCHS).fill(25));
  // SGD's loss jumps from update to update; batch GD's falls smoothly.
  expect(meanAbsStep(sgd.updates.loss)).toBeGreaterThan(5 * meanAbsStep(batch.updates.loss));

  // The table shows the trade-off: 1 update per epoch against 1,600.
  const rows = page.getByTestId('stats-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('1,600');
  await expect(rows.nth(2).locator('td').nth(1)).toHaveText('1');

  // Switching the x-axis changes its label and its ticks.
  // Recharts draws the x-axis label first, then the y-axis one ("loss").
  const xLabel = chart.locator('.recharts-label').first();
  const ticks = () =>
    chart
      .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .allTextContents();
  await expect(xLabel).toHaveText('epochs');
  const epochTicks = await ticks();
  await chart.getByLabel('x-axis', { exact: true }).selectOption('updates');
  await expect(xLabel).toHaveText('weight updates');
  await expect.poll(ticks).not.toEqual(epochTicks);
  await chart.getByLabel('x-axis', { exact: true }).selectOption('seconds');
  await expect(xLabel).toHaveText('seconds of training');
});

test('a 2-D point set gets a decision map per run; runs can be added and removed', async ({
  page,
}) => {
  await page.goto('./?lab=descent&d.data=circles&d.epochs=20');
  const planned = page.getByTestId('planned-run');
  await expect(planned).toHaveCount(3);
  await page.getByRole('button', { name: /Add a run/ }).click();
  await expect(planned).toHaveCount(4);
  await expect(planned.nth(3)).toContainText('Mini-batch (b = 16)');
  await page.getByRole('button', { name: 'Remove Mini-batch (b = 64)' }).click();
  await expect(planned).toHaveCount(3);
  expect(new URL(page.url()).searchParams.get('d.runs')).toBe('1,all,16');

  await page.getByRole('button', { name: /Train the runs/ }).click();
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'finished', {
    timeout: 60_000,
  });
  const maps = page.getByTestId('decision-map');
  await expect(maps).toHaveCount(3);
  // Each map is drawn (many colours), not left blank.
  const colours = await maps.locator('canvas').evaluateAll((canvases) =>
    canvases.map((c) => {
      const { data } = (c as HTMLCanvasElement)
        .getContext('2d')!
        .getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    }),
  );
  for (const n of colours) expect(n).toBeGreaterThan(20);
  await expect(page.getByTestId('legend-run')).toHaveCount(3);
});

// Pictures to look at (SHOTS=1), in English and Korean, desktop and phone.
for (const lang of ['en', 'ko'] as const) {
  test(`screenshots, ${lang}`, async ({ page }) => {
    test.skip(!process.env.SHOTS, 'pictures only with SHOTS=1');
    test.setTimeout(240_000);
    await trainDefault(page, `&lang=${lang}`);
    await page.waitForTimeout(500);
    const loss = page.locator('section.card').nth(2);
    await loss.screenshot({ path: `e2e/screenshots/descent-${lang}-loss.png` });
    await page.screenshot({ path: `e2e/screenshots/descent-${lang}-desktop.png`, fullPage: true });
    await page.getByTestId('runs-chart').getByRole('combobox').first().selectOption('updates');
    await page.getByLabel(/log scale \(x-axis\)|로그 스케일 \(x축\)/).check();
    await loss.screenshot({ path: `e2e/screenshots/descent-${lang}-updates-logx.png` });
    await page.getByTestId('runs-chart').getByRole('combobox').first().selectOption('seconds');
    await page.getByLabel(/log scale \(x-axis\)|로그 스케일 \(x축\)/).uncheck();
    await loss.screenshot({ path: `e2e/screenshots/descent-${lang}-seconds.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let i = 0; i * 800 < height && i < 10; i++) {
      await page.evaluate((y) => window.scrollTo(0, y), i * 800);
      await page.screenshot({ path: `e2e/screenshots/descent-${lang}-phone-${i}.png` });
    }
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
      .toBeLessThanOrEqual(0);
  });
}

test('screenshots, decision maps', async ({ page }) => {
  test.skip(!process.env.SHOTS, 'pictures only with SHOTS=1');
  for (const data of ['spiral', 'gates']) {
    await page.goto(`./?lab=descent&d.data=${data}`);
    await page.getByRole('button', { name: /Train the runs/ }).click();
    await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'finished', {
      timeout: 60_000,
    });
    await page.screenshot({ path: `e2e/screenshots/descent-${data}.png`, fullPage: true });
    await page
      .getByTestId('runs-chart')
      .screenshot({ path: `e2e/screenshots/descent-${data}-chart.png` });
  }
});
