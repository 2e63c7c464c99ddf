/**
 * `npm run bench`: serves the production build with `vite preview`, opens bench.html in headless
 * Chromium and trains the lecture's XOR models there, as the gates lab's Train button does.
 * Prints one JSON line per benchmark on stdout; progress goes to stderr.
 *
 *   npm run bench -- --backends cpu,wasm --runs 5 --seed 8 --fashion wasm
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { BROWSER_ARGS, findBrowser } from '../e2e/browser';
import type { BackendName } from '../src/engine/backends';
import { BENCH_BACKENDS, benchPlan, type BenchLine } from '../src/bench/spec';
import { DEFAULT_SEED } from '../src/labs/gates/settings';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PREFERRED_PORT = 4319;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function parseCli() {
  const { values } = parseArgs({
    options: {
      backends: { type: 'string', default: BENCH_BACKENDS.join(',') },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      // The lecture's Fashion-MNIST run takes minutes per backend: one run each, its own list.
      fashion: { type: 'string', default: BENCH_BACKENDS.join(',') },
    },
  });
  const backends = values.backends.split(',').map((b) => b.trim());
  const unknown = backends.filter((b) => !(BENCH_BACKENDS as readonly string[]).includes(b));
  if (unknown.length > 0 || backends.length === 0) {
    throw new Error(
      `--backends takes a list of ${BENCH_BACKENDS.join(', ')}; got ${values.backends}`,
    );
  }
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer`);
  const fashion = values.fashion
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (fashion.some((b) => !(BENCH_BACKENDS as readonly string[]).includes(b))) {
    throw new Error(
      `--fashion takes a list of ${BENCH_BACKENDS.join(', ')} (or nothing); got ${values.fashion}`,
    );
  }
  return { backends: backends as BackendName[], runs, seed, fashion: fashion as BackendName[] };
}

/** `port` if it is free on 127.0.0.1, else one the OS picks. */
function freePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      port === 0 ? reject(new Error('no free port')) : resolve(freePort(0)),
    );
    server.listen(port, '127.0.0.1', () => {
      const { port: got } = server.address() as AddressInfo;
      server.close(() => resolve(got));
    });
  });
}

async function startPreview(port: number): Promise<ChildProcess> {
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
  const child = spawn(process.execPath, [vite, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      if ((await fetch(`http://127.0.0.1:${port}/bench.html`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopPreview(child);
  throw new Error(`vite preview did not answer on port ${port}:\n${output}`);
}

async function stopPreview(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The Train button itself, as a student presses it: the lab page, "auto" backend, full speed,
 * both models. Measures the wall time from the click to "finished" and the longest main-thread
 * task while training (a PerformanceObserver for long tasks, which reports tasks over 50 ms).
 */
async function benchTrainButton(browser: Browser, port: number, runs: number): Promise<object> {
  const seconds: number[] = [];
  let longest = 0;
  let longTasks = 0;
  let backend = '';
  for (let i = 0; i < runs + 1; i++) {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.goto(`http://127.0.0.1:${port}/?gate=XOR&pace=full&backend=auto`);
    await page.getByRole('button', { name: 'Train both' }).waitFor();
    // Page load and first render are not training: count only what comes after the click.
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Train both' }).click();
    await page.getByTestId('phase').filter({ hasText: 'finished' }).waitFor({ timeout: 120_000 });
    const took = (performance.now() - t0) / 1000;
    const tasks = await page.evaluate(
      () => (window as unknown as { longTasks: number[] }).longTasks,
    );
    backend =
      /training on (\w+)/.exec(
        (await page.getByTestId('backend-status').textContent()) ?? '',
      )?.[1] ?? '';
    await page.close();
    if (i === 0) continue; // the first page load also warms the browser's caches
    seconds.push(took);
    longest = Math.max(longest, ...tasks, 0);
    longTasks += tasks.length;
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1]!;
  return {
    name: 'xor_lab_train_button',
    backend,
    path: backend === 'cpu' ? 'fused' : 'tfjs',
    steps: 12000,
    runs,
    seconds: Number(median.toFixed(3)),
    seconds_min: Number(sorted[0]!.toFixed(3)),
    seconds_max: Number(sorted[sorted.length - 1]!.toFixed(3)),
    steps_per_second: Math.round(12000 / median),
    longest_task_ms: Math.round(longest),
    long_tasks: longTasks,
  };
}

async function main(): Promise<number> {
  const { backends, runs, seed, fashion } = parseCli();
  if (!existsSync(fileURLToPath(new URL('../dist/bench.html', import.meta.url)))) {
    throw new Error('dist/bench.html is missing: run `vite build` first (npm run bench does).');
  }
  let preview: ChildProcess | undefined;
  let browser: Browser | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping`);
    void Promise.allSettled([browser?.close(), stopPreview(preview)]).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const started = performance.now();
  let failures = 0;
  try {
    const port = await freePort(PREFERRED_PORT);
    preview = await startPreview(port);
    log(`vite preview on http://127.0.0.1:${port}/`);
    browser = await chromium.launch({
      executablePath: findBrowser(),
      args: BROWSER_ARGS,
      headless: true,
    });
    log(`browser: ${browser.version()}`);
    const page = await browser.newPage();
    page.on('pageerror', (err) => log(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning')
        log(`page ${msg.type()}: ${msg.text()}`);
    });
    await page.goto(
      `http://127.0.0.1:${port}/bench.html?backends=${backends.join(',')}&runs=${runs}`,
    );
    await page.waitForFunction(() => typeof window.runBench === 'function');
    for (const spec of benchPlan(backends, runs, seed)) {
      log(`${spec.backend} ${spec.model} (${spec.path} path): warm-up + ${runs} runs…`);
      const t0 = performance.now();
      const line: BenchLine = await page.evaluate((s) => window.runBench(s), spec);
      process.stdout.write(`${JSON.stringify(line)}\n`);
      const took = ((performance.now() - t0) / 1000).toFixed(1);
      if ('error' in line) {
        log(`${line.skipped ? 'skipped' : 'FAILED'}: ${line.error} (${took} s)`);
        if (!line.skipped) failures++;
      } else {
        log(`${line.path}: median ${line.seconds} s, ${line.us_per_step} µs/step (${took} s)`);
      }
    }
    log(`the lab's Train button (auto backend, both models, full speed): ${runs} runs…`);
    process.stdout.write(`${JSON.stringify(await benchTrainButton(browser, port, runs))}\n`);
    for (const backend of fashion) {
      log(`Fashion-MNIST, the lecture's run (60,000 images, 10 epochs, batch 32) on ${backend}…`);
      const t0 = performance.now();
      const fresh = await browser.newPage();
      await fresh.goto(`http://127.0.0.1:${port}/bench.html`);
      await fresh.waitForFunction(() => typeof window.runFashionBench === 'function');
      const line = await fresh.evaluate(([b, s]) => window.runFashionBench(b, s), [
        backend,
        1,
      ] as const);
      await fresh.close();
      process.stdout.write(`${JSON.stringify(line)}\n`);
      log(
        `${line.seconds} s, test accuracy ${line.test_accuracy} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );
      if (line.error) failures++;
    }
  } finally {
    await browser?.close().catch(() => {});
    await stopPreview(preview);
    log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return failures > 0 ? 1 : 0;
}

// exitCode, not exit(): lets stdout drain when it is a pipe.
main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  },
);
