/**
 * The Train buttons themselves, as a student presses them: the lab pages with their charts,
 * in English. Wall time from the click to "finished", and the main-thread tasks over 50 ms
 * while training (a PerformanceObserver for long tasks, started before the page's own code).
 */
import type { Browser, Page } from '@playwright/test';
import { spread } from '../../src/bench/stats';

interface Press {
  seconds: number;
  tasks: number[];
  backend: string;
  status: string;
}

async function pressTrain(
  browser: Browser,
  url: string,
  button: RegExp,
  timeoutMs: number,
  read?: (page: Page) => Promise<Record<string, unknown>>,
): Promise<Press & { extra: Record<string, unknown> }> {
  const page = await browser.newPage();
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.goto(url);
    const train = page.getByRole('button', { name: button });
    await train.waitFor();
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll('button')].some(
          (b) => new RegExp(name).test(b.textContent ?? '') && !b.disabled,
        ),
      button.source,
      { timeout: 60_000 },
    );
    // A student reads before pressing Train: the page starts wasm meanwhile (a task of 60–110 ms
    // that belongs to the page load, not to training). It starts when the page is first idle.
    await page.evaluate(
      () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })),
    );
    await page
      .getByTestId('backend-status')
      .filter({ hasNotText: /starting wasm/ })
      .waitFor({ timeout: 60_000 });
    // Page load and first render are not training: count only what comes after the click.
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
    const t0 = performance.now();
    await train.click();
    await page.getByTestId('phase').filter({ hasText: 'finished' }).waitFor({ timeout: timeoutMs });
    const seconds = (performance.now() - t0) / 1000;
    const tasks = await page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    const status = (await page.getByTestId('backend-status').textContent()) ?? '';
    const backend = /training on (\w+)/.exec(status)?.[1] ?? '';
    return { seconds, tasks, backend, status, extra: read ? await read(page) : {} };
  } finally {
    await page.close();
  }
}

function summary(name: string, presses: Press[], steps: number) {
  const seconds = presses.map((p) => p.seconds);
  const longest = presses.map((p) => Math.round(Math.max(0, ...p.tasks)));
  return {
    name,
    backend: presses.at(-1)?.backend ?? '',
    backend_status: presses.at(-1)?.status ?? '',
    steps,
    runs: presses.length,
    ...spread('seconds', seconds, 3),
    steps_per_second: Math.round(steps / [...seconds].sort((a, b) => a - b)[seconds.length >> 1]!),
    ...spread('longest_task_ms', longest, 0),
    long_tasks: presses.reduce((n, p) => n + p.tasks.length, 0),
  };
}

/** The logic-gates lab: both lecture models on XOR, "auto" backend, full speed. */
export async function benchGatesButton(browser: Browser, origin: string, runs: number) {
  const presses: Press[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const press = await pressTrain(
      browser,
      `${origin}/?lang=en&gate=XOR&pace=full&backend=auto`,
      /Train both/,
      120_000,
    );
    if (i > 0) presses.push(press); // the first page load also warms the browser's caches
  }
  return summary('xor_lab_train_button', presses, 12_000);
}

/** The Fashion-MNIST lab with the lecture's settings: load, Train, and judge on the test set. */
export async function benchFashionButton(
  browser: Browser,
  origin: string,
  backend: string,
  runs: number,
) {
  const presses: (Press & { extra: Record<string, unknown> })[] = [];
  for (let i = 0; i < runs; i++) {
    presses.push(
      await pressTrain(
        browser,
        `${origin}/?lang=en&lab=fashion&backend=${backend}`,
        /^▶ Train$/,
        3_600_000,
        async (page) => ({
          test_accuracy: Number(await page.getByTestId('test-accuracy').textContent()),
        }),
      ),
    );
  }
  return {
    ...summary('fashion_lab_train_button', presses, 18_750),
    asked_backend: backend,
    ...spread(
      'test_accuracy',
      presses.map((p) => Number(p.extra.test_accuracy)),
      4,
    ),
    long_task_ms_all: presses.map((p) => p.tasks.map(Math.round)),
  };
}
