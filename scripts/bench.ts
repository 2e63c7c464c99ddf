/**
 * `npm run bench`: serves the production build (built into dist-bench/) with `vite preview`,
 * opens bench.html in headless Chromium and measures training there, through the labs' own
 * code. Prints one JSON line per benchmark on stdout, a table at the end and progress on stderr.
 * Every figure is the median of `--runs` (or `--fashion-runs`) runs, with its min and max.
 *
 *   xor       the lecture's XOR run (6,000 steps, SLP and MLP) per backend, fast and stock path
 *   steps     ms per update step of the lecture's Fashion model per backend, fast and stock path,
 *             at batch 1, 32, 64 and 256 (and all 60,000 with --full-batch)
 *   fashion   the lecture's Fashion-MNIST run (60,000 images, 10 epochs, batch 32, Adam 0.001),
 *             from Train to test accuracy, per backend of --fashion (fast path; --fashion-stock
 *             adds the stock path)
 *   memory    10 quick Fashion runs in a row on wasm: tensors leaked, wasm heap after each
 *   lab       the Train buttons on the lab pages themselves (charts and all): XOR and Fashion
 *   kernels   (only when asked) ms per fast wasm step in each kernel, per --step-batches
 *
 *   npm run bench -- --only steps,fashion --fashion wasm,cpu --fashion-runs 3 --fashion-stock
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { BROWSER_ARGS, findBrowser } from '../e2e/browser';
import type { BackendName } from '../src/engine/backends';
import type { FashionRunFigures } from '../src/bench/fashion';
import type { BenchPath } from '../src/bench/fashionData';
import { BENCH_BACKENDS, benchPlan, type BenchLine } from '../src/bench/spec';
import { spread } from '../src/bench/stats';
import type { StepSpec } from '../src/bench/steps';
import { DEFAULT_SEED } from '../src/labs/gates/settings';
import { DEFAULT_SEED as FASHION_SEED } from '../src/labs/fashion/settings';
import { benchFashionButton, benchGatesButton } from './bench/labPages';
import { freePort, startPreview, stopPreview } from './bench/server';

const OUT_DIR = 'dist-bench';
const PREFERRED_PORT = 4319;
const SECTIONS = ['xor', 'steps', 'fashion', 'memory', 'lab'] as const;
/** Sections only run when named in --only: they look into the engine, they are not targets. */
const EXTRA_SECTIONS = ['kernels'] as const;

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function list<T extends string>(option: string, text: string, allowed: readonly T[]): T[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length > 0)
    throw new Error(`--${option} takes a list of ${allowed.join(', ')}; got ${text}`);
  return items as T[];
}

function positive(option: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${option} must be a positive integer`);
  return n;
}

function parseCli() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', default: SECTIONS.join(',') },
      backends: { type: 'string', default: BENCH_BACKENDS.join(',') },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      steps: { type: 'string', default: BENCH_BACKENDS.join(',') },
      'step-batches': { type: 'string', default: '1,32,64,256' },
      'step-ms': { type: 'string', default: '1500' },
      'full-batch': { type: 'boolean', default: false },
      // The lecture's Fashion run takes 15 s on the fast wasm path and minutes elsewhere.
      fashion: { type: 'string', default: 'wasm' },
      'fashion-runs': { type: 'string', default: '3' },
      'fashion-stock': { type: 'boolean', default: false },
      'memory-runs': { type: 'string', default: '10' },
      'lab-backend': { type: 'string', default: 'auto' },
      'lab-runs': { type: 'string', default: '1' },
    },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer`);
  const batches = values['step-batches'].split(',').map((b) => positive('step-batches', b));
  if (values['full-batch']) batches.push(60_000);
  return {
    only: new Set<string>(list('only', values.only, [...SECTIONS, ...EXTRA_SECTIONS])),
    backends: list('backends', values.backends, BENCH_BACKENDS),
    runs: positive('runs', values.runs),
    seed,
    steps: list('steps', values.steps, BENCH_BACKENDS),
    batches,
    stepMs: positive('step-ms', values['step-ms']),
    fashion: list('fashion', values.fashion, BENCH_BACKENDS),
    fashionRuns: positive('fashion-runs', values['fashion-runs']),
    fashionStock: values['fashion-stock'],
    memoryRuns: positive('memory-runs', values['memory-runs']),
    labBackend: list('lab-backend', values['lab-backend'], ['auto', ...BENCH_BACKENDS])[0]!,
    labRuns: positive('lab-runs', values['lab-runs']),
  };
}

/** The paths to compare on a backend: its fast path where it has one, and the stock path. */
function pathsOf(backend: BackendName): BenchPath[] {
  return backend === 'webgl' ? ['stock'] : ['fast', 'stock'];
}

async function benchPage(browser: Browser, origin: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (err) => log(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning')
      log(`page ${msg.type()}: ${msg.text()}`);
  });
  await page.goto(`${origin}/bench.html`);
  await page.waitForFunction(() => typeof window.runStepBench === 'function');
  return page;
}

/** The lecture's Fashion run `runs` times, each in a fresh page as a student would start it. */
async function fashionLine(
  browser: Browser,
  origin: string,
  backend: BackendName,
  path: BenchPath,
  runs: number,
) {
  const figures: FashionRunFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await benchPage(browser, origin);
    const run = await page.evaluate(([b, s, p]) => window.runFashionBench(b, s, p), [
      backend,
      FASHION_SEED,
      path,
    ] as const);
    await page.close();
    log(`  run ${i + 1}: ${run.seconds} s (${run.path}), test accuracy ${run.test_accuracy}`);
    figures.push(run);
    if (run.error) break;
  }
  const last = figures.at(-1)!;
  const of = (key: keyof FashionRunFigures) => figures.map((f) => Number(f[key]));
  return {
    name: 'fashion_lecture',
    backend: last.backend,
    asked_path: path,
    path: last.path,
    ...(last.fallback_reason ? { fallback_reason: last.fallback_reason } : {}),
    images: last.images,
    epochs: last.epochs,
    batch_size: last.batch_size,
    steps: last.steps,
    runs: figures.length,
    ...spread('seconds', of('seconds'), 2),
    ...spread('train_seconds', of('train_seconds'), 2),
    ...spread('seconds_per_epoch', of('seconds_per_epoch'), 3),
    ...spread('steps_per_second', of('steps_per_second'), 0),
    ...spread('test_accuracy', of('test_accuracy'), 4),
    ...spread('longest_task_ms', of('longest_task_ms'), 0),
    long_tasks: figures.reduce((n, f) => n + f.long_tasks, 0),
    tensors_leaked: Math.max(...of('tensors_leaked')),
    ...(last.error ? { error: last.error } : {}),
  };
}

type Line = Record<string, unknown>;

function printLine(line: Line, lines: Line[]): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
  lines.push(line);
}

/** The machine's speed now, before and after the benchmarks: a shared machine's changes. */
async function calibration(browser: Browser, origin: string, lines: Line[]): Promise<void> {
  const page = await benchPage(browser, origin);
  const line = await page.evaluate(() => window.runCalibration());
  printLine(line, lines);
  log(
    `calibration: XNNPACK at ${String(line.gemm_gflops_best)} GFLOP/s (43–45 on an idle machine)`,
  );
  await page.close();
}

/** A readable summary of the main figures, after the JSON lines. */
function table(lines: Line[]): string {
  const rows = lines.map((l) => {
    const range = (k: string, unit = '') =>
      l[k] === undefined || l[k] === null
        ? ''
        : `${String(l[k])}${unit} [${String(l[`${k}_min`] ?? '')}–${String(l[`${k}_max`] ?? '')}]`;
    const what =
      l.name === 'fashion_step'
        ? `batch ${String(l.batch_size)}: ${range('ms_per_step', ' ms')}`
        : l.name === 'calibration'
          ? `XNNPACK ${String(l.gemm_gflops_best)} GFLOP/s (best; worst ${String(l.gemm_gflops_worst)})`
          : l.name === 'kernel_profile'
            ? `batch ${String(l.batch_size)}: ${String(l.ms_per_step)} ms/step = ${Object.entries(
                l.ms_per_step_by_kernel as Record<string, number>,
              )
                .map(([k, ms]) => `${k} ${ms}`)
                .join(' + ')}`
            : l.name === 'fashion_memory'
              ? `heap growth after run 1: ${String(l.heap_growth_after_first_run)} B, leaked ${String(l.tensors_leaked)}`
              : [
                  range('seconds', ' s'),
                  l.seconds_per_epoch !== undefined ? `${String(l.seconds_per_epoch)} s/epoch` : '',
                  l.steps_per_second !== undefined ? `${String(l.steps_per_second)} steps/s` : '',
                  l.test_accuracy !== undefined ? `acc ${String(l.test_accuracy)}` : '',
                  l.longest_task_ms !== undefined
                    ? `longest task ${String(l.longest_task_ms)} ms`
                    : '',
                ]
                  .filter(Boolean)
                  .join(', ');
    return [
      String(l.name),
      String(l.backend ?? ''),
      String(l.path ?? ''),
      l.error ? `ERROR ${String(l.error)}` : what,
    ];
  });
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ')).join('\n');
}

async function main(): Promise<number> {
  const cli = parseCli();
  if (!existsSync(fileURLToPath(new URL(`../${OUT_DIR}/bench.html`, import.meta.url)))) {
    throw new Error(
      `${OUT_DIR}/bench.html is missing: run \`vite build --outDir ${OUT_DIR}\` first (npm run bench does).`,
    );
  }
  let preview: ChildProcess | undefined;
  let browser: Browser | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping`);
    void Promise.allSettled([browser?.close(), stopPreview(preview)]).then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const started = performance.now();
  const lines: Line[] = [];
  const failed = (line: Line) => Boolean(line.error) && line.skipped !== true;
  try {
    const port = await freePort(PREFERRED_PORT);
    preview = await startPreview(port, OUT_DIR);
    const origin = `http://127.0.0.1:${port}`;
    log(`vite preview on ${origin}/`);
    browser = await chromium.launch({
      executablePath: findBrowser(),
      args: BROWSER_ARGS,
      headless: true,
    });
    log(`browser: ${browser.version()}`);

    {
      const page = await benchPage(browser, origin);
      const line = await page.evaluate(() => window.runCalibration());
      printLine(line, lines);
      log(
        `calibration: XNNPACK at ${String(line.gemm_gflops_best)} GFLOP/s (about 43–45 on an idle machine)`,
      );
      await page.close();
    }

    if (cli.only.has('xor')) {
      const page = await benchPage(browser, origin);
      for (const spec of benchPlan(cli.backends, cli.runs, cli.seed)) {
        log(`xor: ${spec.backend} ${spec.model} (${spec.path} path), warm-up + ${cli.runs} runs…`);
        const line: BenchLine = await page.evaluate((s) => window.runBench(s), spec);
        printLine(line as unknown as Line, lines);
      }
      await page.close();
    }

    if (cli.only.has('steps')) {
      for (const backend of cli.steps) {
        // A fresh page per backend: a backend's memory (WebGL textures) does not weigh on the next.
        const page = await benchPage(browser, origin);
        for (const path of pathsOf(backend)) {
          for (const batchSize of cli.batches) {
            log(`steps: ${backend} ${path} batch ${batchSize}…`);
            const spec: StepSpec = {
              backend,
              path,
              batchSize,
              runs: cli.runs,
              seed: FASHION_SEED,
              targetMs: cli.stepMs,
            };
            printLine(await page.evaluate((s) => window.runStepBench(s), spec), lines);
          }
        }
        await page.close();
      }
    }

    if (cli.only.has('fashion')) {
      for (const backend of cli.fashion) {
        for (const path of cli.fashionStock ? pathsOf(backend) : (['fast'] as const)) {
          log(`fashion: the lecture's run on ${backend} (${path} path), ${cli.fashionRuns} runs…`);
          printLine(await fashionLine(browser, origin, backend, path, cli.fashionRuns), lines);
        }
      }
    }

    if (cli.only.has('kernels')) {
      for (const batchSize of cli.batches) {
        log(`kernels: where a fast wasm step's time goes, batch ${batchSize}…`);
        const page = await benchPage(browser, origin);
        printLine(await page.evaluate((b) => window.runKernelProfile(b), batchSize), lines);
        await page.close();
      }
    }

    if (cli.only.has('memory')) {
      log(`memory: ${cli.memoryRuns} quick Fashion runs in a row on wasm…`);
      const page = await benchPage(browser, origin);
      printLine(
        await page.evaluate(([b, r]) => window.runMemoryBench(b, r), [
          'wasm',
          cli.memoryRuns,
        ] as const),
        lines,
      );
      await page.close();
    }

    if (cli.only.has('lab')) {
      log(`lab: the XOR Train button (auto backend), ${cli.runs} runs…`);
      printLine(await benchGatesButton(browser, origin, cli.runs), lines);
      log(
        `lab: the Fashion Train button (${cli.labBackend} backend, lecture settings), ${cli.labRuns} runs…`,
      );
      printLine(await benchFashionButton(browser, origin, cli.labBackend, cli.labRuns), lines);
    }
    await calibration(browser, origin, lines);
  } finally {
    await browser?.close().catch(() => {});
    await stopPreview(preview);
    log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  process.stderr.write(`\n${table(lines)}\n`);
  return lines.some(failed) ? 1 : 0;
}

// exitCode, not exit(): lets stdout drain when it is a pipe.
main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  },
);
