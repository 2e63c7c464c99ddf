import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-wasm';
import '../app/wasmPaths';
import { gateData } from '../data/gates';
import { activateBackend, probeWebGL, type BackendName } from '../engine/backends';
import type { ModelConfig } from '../engine/config';
import type { StepPath } from '../engine/stepRunner';
import { buildModel } from '../engine/model';
import { Trainer } from '../engine/trainer';
import { trainGate } from '../labs/gates/evaluate';
import { calibrate } from './calibrate';
import { benchFashion, benchFashionShort } from './fashion';
import { profileKernels } from './kernels';
import { benchMemory } from './memory';
import { benchSteps } from './steps';
import { DEFAULT_SEED, lectureModel } from '../labs/gates/settings';
import {
  BENCH_BACKENDS,
  benchPlan,
  MODELS,
  PYTORCH_SECONDS,
  type BenchLine,
  type BenchSpec,
} from './spec';
import { errorMessage } from '../engine/errors';

const GATE = 'XOR';
const WARMUP_MS = 500;
const MAX_WARMUP_RUNS = 20;

/** The step runner the Trainer picks for this config on the active backend. */
function runnerKind(config: ModelConfig, path: BenchSpec['path']): StepPath {
  const built = buildModel(config);
  try {
    return new Trainer(built, config, gateData(GATE), { path }).runner.kind;
  } finally {
    built.dispose();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits: number) => Number(x.toFixed(digits));

async function runBench(spec: BenchSpec): Promise<BenchLine> {
  const config = (seed: number) => lectureModel([...MODELS[spec.model]], seed);
  const { epochs, batchSize } = config(spec.seed);
  const steps = epochs * Math.ceil(gateData(GATE).count / batchSize);
  const base = {
    name: `${GATE.toLowerCase()}_lecture_${spec.model}`,
    backend: spec.backend,
    path: (spec.path === 'auto' ? spec.backend : 'tfjs') as StepPath | BackendName,
    steps,
    runs: spec.runs,
    ...(spec.backend === 'webgl' ? { renderer: probeWebGL().renderer } : {}),
  };
  if (!(await activateBackend(spec.backend)) || tf.getBackend() !== spec.backend) {
    const error = `backend ${spec.backend} could not start (tf.getBackend() = ${tf.getBackend()})`;
    return { ...base, error, skipped: true };
  }
  try {
    const path = runnerKind(config(spec.seed), spec.path);
    const train = (seed: number) => trainGate(config(seed), GATE, { path: spec.path });
    // Warm-up (shaders, wasm, JIT): one run, more while they are quick; a 10 ms fused run is
    // not yet optimised by V8 after one run.
    let warmupRuns = 0;
    const warmupStart = performance.now();
    do {
      await train(spec.seed);
      warmupRuns++;
    } while (performance.now() - warmupStart < WARMUP_MS && warmupRuns < MAX_WARMUP_RUNS);
    const seconds: number[] = [];
    const trainSeconds: number[] = [];
    const seeds: number[] = [];
    let solved = 0;
    let leaked = 0;
    for (let i = 0; i < spec.runs; i++) {
      const seed = spec.seed + i;
      const before = tf.memory().numTensors;
      const start = performance.now();
      const result = await train(seed);
      seconds.push((performance.now() - start) / 1000);
      leaked = Math.max(leaked, tf.memory().numTensors - before);
      const { status, step, error } = result.outcome;
      if (status !== 'done' || step !== steps) {
        throw new Error(`seed ${seed}: ${status} after ${step} steps${error ? `: ${error}` : ''}`);
      }
      trainSeconds.push(result.outcome.elapsedMs / 1000);
      seeds.push(seed);
      if (result.solved) solved++;
    }
    if (tf.getBackend() !== spec.backend) throw new Error(`backend changed to ${tf.getBackend()}`);
    const mid = median(seconds);
    return {
      ...base,
      path,
      seconds: round(mid, 4),
      seconds_min: round(Math.min(...seconds), 4),
      seconds_max: round(Math.max(...seconds), 4),
      steps_per_second: Math.round(steps / mid),
      us_per_step: round((mid / steps) * 1e6, 1),
      train_seconds: round(median(trainSeconds), 4),
      warmup_runs: warmupRuns,
      solved,
      tensors_leaked: leaked,
      seeds,
      pytorch_seconds: PYTORCH_SECONDS[spec.model],
      vs_pytorch: round(mid / PYTORCH_SECONDS[spec.model], 2),
    };
  } catch (err) {
    return { ...base, error: errorMessage(err), skipped: false };
  }
}

window.runBench = runBench;
window.runCalibration = calibrate;
window.runFashionBench = benchFashion;
window.runFashionShort = benchFashionShort;
window.runStepBench = benchSteps;
window.runMemoryBench = benchMemory;
window.runKernelProfile = profileKernels;

// By hand: bench.html?run&backends=cpu,wasm&runs=3 runs the whole plan and prints JSON lines.
const query = new URLSearchParams(location.search);
if (query.has('run')) {
  const out = document.getElementById('out')!;
  const backends = (query.get('backends') ?? BENCH_BACKENDS.join(','))
    .split(',')
    .filter((b): b is BackendName => (BENCH_BACKENDS as readonly string[]).includes(b));
  const runs = Number(query.get('runs') ?? 3);
  const seed = Number(query.get('seed') ?? DEFAULT_SEED);
  void (async () => {
    for (const spec of benchPlan(backends, runs, seed)) {
      out.textContent += `${JSON.stringify(await runBench(spec))}\n`;
    }
    out.textContent += 'done\n';
  })();
}
