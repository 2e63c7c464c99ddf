import { expect, test } from '@playwright/test';

test('a classroom link hides what it says, and only that', async ({ page }) => {
  await page.goto(
    './?lab=gates&gate=XOR&tabs_hide=true&code_hide=true&repeat_hide=true&epochs_hide=true&model1_hide=true',
  );
  await expect(page.getByRole('region', { name: 'Model 2' })).toBeVisible();
  // Hidden: the other labs' tabs, the code, the seed sweep, model 1, every epochs control.
  await expect(page.getByRole('navigation', { name: 'Labs' }).getByRole('button')).toHaveCount(1);
  await expect(page.getByText('The code of this experiment', { exact: false })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Repeat over seeds' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Model 1' })).toHaveCount(0);
  await expect(page.getByLabel(/^Epochs/)).toHaveCount(0);
  // Kept: the rest of model 2's settings, and the students are told why things are missing.
  await expect(
    page.getByRole('region', { name: 'Model 2' }).getByLabel(/^Learning rate/),
  ).toHaveCount(1);
  await expect(page.getByText('Some controls are hidden by your teacher’s link.')).toBeVisible();
  // It still trains.
  await page.getByRole('button', { name: /Train both/ }).click();
  await expect(page.getByTestId('phase')).toHaveText('finished', { timeout: 90_000 });
});

test('without hide options everything is there', async ({ page }) => {
  await page.goto('./?lab=gates');
  await expect(page.getByRole('navigation', { name: 'Labs' }).getByRole('button')).not.toHaveCount(
    1,
  );
  await expect(page.getByRole('region', { name: 'Repeat over seeds' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Model 1' })).toBeVisible();
  await expect(page.getByLabel(/^Epochs/)).toHaveCount(2);
  await expect(page.getByText('Some controls are hidden by your teacher’s link.')).toHaveCount(0);
});

test('a teacher builds the link by ticking controls; the link keeps the settings', async ({
  page,
}) => {
  await page.goto('./?lab=gates&gate=OR&m2.lr=0.5');
  await page.getByText('For teachers: a classroom link').click();
  const panel = page.locator('.classroom-link');
  await panel.getByLabel('the code').check();
  await panel.getByLabel('repeat over seeds').check();
  const link = await panel.getByLabel('Classroom link').inputValue();
  const query = new URL(link).searchParams;
  expect(query.get('code_hide')).toBe('true');
  expect(query.get('repeat_hide')).toBe('true');
  expect(query.get('gate')).toBe('OR');
  expect(query.get('m2.lr')).toBe('0.5');
  await page.goto(link);
  await expect(page.getByRole('region', { name: 'Repeat over seeds' })).toHaveCount(0);
  await expect(
    page.getByRole('group', { name: 'Gate' }).getByRole('button', { name: 'OR', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true');
});

test('the guide walks through the lecture’s steps, and stays closed once closed', async ({
  page,
}) => {
  await page.goto('./?lab=gates');
  const guide = page.getByTestId('guide');
  await expect(guide).toContainText('Step 1 of 5');
  await expect(guide).toContainText('AND with a single-layer perceptron');
  await guide.getByRole('button', { name: 'Next' }).click();
  await expect(guide).toContainText('Step 2 of 5');
  await expect(guide).toContainText('Now XOR');
  await guide.getByRole('button', { name: 'Hide the guide' }).click();
  await expect(guide).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Model 1' })).toBeVisible();
  await expect(page.getByTestId('guide')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the guide' }).click();
  await expect(page.getByTestId('guide')).toContainText('Step 1 of 5');
});
