import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const rows = (page: Page) => page.getByTestId('run-row');
const nameField = (page: Page, name: string) =>
  page.getByRole('textbox', { name: `Name of “${name}” (type to rename)` });

/** Trains the two gates models briefly (SLP and MLP [4]) and opens the Runs tab. */
async function trainGatesThenOpenRuns(page: Page) {
  await page.goto('./?lab=gates&gate=AND&pace=full&m1.epochs=200&m2.epochs=200&m2.lr=0.5');
  await page.getByRole('button', { name: 'Train both' }).click();
  await expect(page.getByTestId('phase')).toHaveText('finished', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(rows(page)).toHaveCount(2);
}

test('every gates run is listed with its status and settings, and still is after a reload', async ({
  page,
}) => {
  await trainGatesThenOpenRuns(page);
  // Newest first; both models ran to the end.
  await expect(rows(page).getByTestId('run-status')).toHaveText(['done', 'done']);
  await expect(nameField(page, 'AND SLP')).toHaveValue('AND SLP');
  await expect(nameField(page, 'AND MLP [4]')).toHaveValue('AND MLP [4]');
  const mlp = rows(page).filter({ has: nameField(page, 'AND MLP [4]') });
  // The settings in which the two runs differ: the hidden layer and the learning rate.
  await expect(mlp).toContainText('hidden=[4 sigmoid], lr=0.5');
  await expect(mlp).toContainText('800'); // 200 epochs × 4 updates
  await expect(page.getByTestId('legend-run')).toHaveCount(2);

  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).getByTestId('run-status')).toHaveText(['done', 'done']);
});

test('a run cut short by a reload is kept up to its last saved epoch, marked interrupted', async ({
  page,
}) => {
  await page.goto('./?lab=gates&gate=XOR&pace=60');
  await page.getByRole('button', { name: 'Train both' }).click();
  // At 60 epochs a second, 130 epochs take over two seconds: the run has been saved by then.
  await expect(page.getByText(/^epoch (1[3-9]\d|[2-9]\d\d) \/ 1500$/).first()).toBeVisible();
  await page.goto('./?lab=runs');
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).getByTestId('run-status')).toHaveText(['⚠ interrupted', '⚠ interrupted']);
  const epochs = await rows(page).first().locator('td').nth(10).textContent();
  expect(Number(epochs)).toBeGreaterThanOrEqual(30);
  expect(Number(epochs)).toBeLessThan(1500);
  await page.screenshot({ path: 'e2e/screenshots/runs-interrupted.png', fullPage: true });
});

test('rename survives a reload; export, delete and import bring the runs back; a bad file changes nothing', async ({
  page,
}) => {
  await trainGatesThenOpenRuns(page);
  const slp = nameField(page, 'AND SLP');
  await slp.fill('my perceptron');
  await slp.press('Enter');
  await expect(nameField(page, 'my perceptron')).toBeVisible();
  await page.reload();
  await expect(nameField(page, 'my perceptron')).toHaveValue('my perceptron');

  // Both runs are ticked (as every new run is): export them.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'JSON (to import again)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^training-lab-runs-[\d-]+\.json$/);
  const file = test.info().outputPath('runs.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('training-lab-runs');
  expect(exported.runs.map((r: { name: string }) => r.name).sort()).toEqual([
    'AND MLP [4]',
    'my perceptron',
  ]);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete (2)' }).click();
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByText(/^No runs yet/)).toBeVisible();

  const importer = page.getByLabel('Import JSON…');
  await importer.setInputFiles(file);
  await expect(page.getByText('Imported 2 runs from runs.json.')).toHaveRole('status');
  await expect(rows(page)).toHaveCount(2);
  await expect(nameField(page, 'my perceptron')).toBeVisible();

  await importer.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "training-lab-runs", "version": 1, "runs": [{"id": 7}]}'),
  });
  await expect(page.getByRole('alert')).toContainText(
    'Could not import broken.json: it is damaged or was edited. Nothing was changed.',
  );
  await importer.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('my runs, {not json'),
  });
  await expect(page.getByRole('alert')).toContainText('it is not a JSON file');
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
});

test('unticked runs leave the chart; the chart downloads as a PNG', async ({ page }) => {
  await trainGatesThenOpenRuns(page);
  await expect(page.getByTestId('runs-count')).toHaveText('2 of 2 runs on the chart');
  await page.getByRole('checkbox', { name: 'Show “AND SLP” on the chart' }).uncheck();
  await expect(page.getByTestId('legend-run')).toHaveCount(1);
  await expect(page.getByTestId('runs-count')).toHaveText('1 of 2 runs on the chart');
  await page.getByRole('checkbox', { name: 'Show all runs on the chart' }).check();
  await expect(page.getByTestId('legend-run')).toHaveCount(2);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Chart as PNG' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const file = test.info().outputPath('chart.png');
  await download.saveAs(file);
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Width and height from the IHDR chunk: the chart at twice its size, with the legend below.
  expect(png.readUInt32BE(16)).toBeGreaterThan(800);
  expect(png.readUInt32BE(20)).toBeGreaterThan(500);
});

test('a Fashion-MNIST run is recorded with its validation and test results', async ({ page }) => {
  await page.goto('./?lab=fashion&f.n=3000&f.epochs=2&f.val=0.1');
  await expect(page.getByTestId('data-printout')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '▶ Train' }).click();
  await expect(page.getByTestId('phase')).toHaveText('finished', { timeout: 120_000 });
  const testAccuracy = Number(await page.getByTestId('test-accuracy').textContent());
  await page.getByRole('button', { name: 'Runs', exact: true }).click();
  await expect(rows(page)).toHaveCount(1);
  const cells = rows(page).first().locator('td');
  await expect(cells.nth(3)).toHaveText('Fashion-MNIST');
  await expect(cells.nth(4)).toHaveText('done');
  // 2,700 images in batches of 32: 85 updates an epoch.
  await expect(cells.nth(9)).toHaveText('170');
  await expect(cells.nth(10)).toHaveText('2');
  expect(Number(await cells.nth(12).textContent())).toBeGreaterThan(0); // validation loss
  expect(Number(await cells.nth(14).textContent())).toBeCloseTo(testAccuracy, 2);
});

test('screenshots of the Runs tab, wide and narrow, in English and Korean', async ({ page }) => {
  await trainGatesThenOpenRuns(page);
  await page.screenshot({ path: 'e2e/screenshots/runs-desktop-en.png', fullPage: true });
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: '실행 기록', exact: true })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/runs-desktop-ko.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing sticks out sideways on a phone once the chart has followed the new width.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'e2e/screenshots/runs-mobile-ko.png', fullPage: true });
  await page.getByRole('button', { name: 'English' }).click();
  await page.screenshot({ path: 'e2e/screenshots/runs-mobile-en.png', fullPage: true });
});
