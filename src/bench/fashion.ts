import * as tf from '@tensorflow/tfjs';
import { BackendController } from '../engine/backendController';
import type { BackendName } from '../engine/backends';
import { logText } from '../engine/message';
import { yieldToEventLoop } from '../engine/schedule';
import { fashionImages } from '../data/fashionMnist';
import { FashionRun } from '../labs/fashion/fashionRun';
import { lectureSettings, splitCounts, type FashionSettings } from '../labs/fashion/settings';
import { fashionData, onPath, runnerFor, wasmHeapBytes, type BenchPath } from './fashionData';

/** One run of the Fashion lab's FashionRun, as its Train button starts it. */
export interface FashionRunFigures {
  backend: BackendName;
  path: string;
  fallback_reason?: string;
  images: number;
  epochs: number;
  batch_size: number;
  steps: number;
  /** From Train to the test accuracy: training plus `evaluate` on the 10,000 test images. */
  seconds: number;
  train_seconds: number;
  seconds_per_epoch: number;
  steps_per_second: number;
  samples_per_second: number;
  test_accuracy: number | null;
  final_train_accuracy: number | null;
  tensors_leaked: number;
  /** The longest main-thread task while it ran (PerformanceObserver, tasks over 50 ms). */
  longest_task_ms: number;
  long_tasks: number;
  /** The wasm heap before and after the run (null on other backends). */
  heap_bytes_before: number | null;
  heap_bytes_after: number | null;
  error?: string;
}

/** Trains and judges once on one forced backend, on the fast or the stock path. */
export async function fashionRunOnce(
  backend: BackendName,
  settings: FashionSettings,
  path: BenchPath,
): Promise<FashionRunFigures> {
  const data = await fashionData();
  const controller = new BackendController(backend);
  await controller.prepare('bench', () => Promise.resolve(0));
  return onPath(path, async () => {
    const counts = splitCounts(settings);
    const runner = runnerFor(settings.model, fashionImages(data.train, 0, counts.train));
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => tasks.push(e.duration)),
    );
    observer.observe({ type: 'longtask' });
    const before = tf.memory().numTensors;
    const heapBefore = wasmHeapBytes();
    const run = new FashionRun(controller);
    const started = performance.now();
    await run.start(settings, data);
    const seconds = (performance.now() - started) / 1000;
    const state = run.state;
    run.dispose();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await yieldToEventLoop();
    observer.disconnect();
    const train = (state.outcome?.elapsedMs ?? 0) / 1000;
    const epochs = state.epochs.length;
    const steps = state.outcome?.step ?? 0;
    const round = (x: number, digits: number) => Number(x.toFixed(digits));
    return {
      backend: controller.state.active ?? backend,
      ...runner,
      images: state.trainCount,
      epochs,
      batch_size: settings.model.batchSize,
      steps,
      seconds: round(seconds, 2),
      train_seconds: round(train, 2),
      seconds_per_epoch: round(train / Math.max(1, epochs), 2),
      steps_per_second: Math.round(steps / Math.max(train, 1e-9)),
      samples_per_second: Math.round(state.samplesSeen / Math.max(train, 1e-9)),
      test_accuracy: state.test ? round(state.test.accuracy, 4) : null,
      final_train_accuracy: state.epochs.at(-1)?.accuracy ?? null,
      tensors_leaked: tf.memory().numTensors - before,
      longest_task_ms: Math.round(Math.max(0, ...tasks)),
      long_tasks: tasks.length,
      heap_bytes_before: heapBefore,
      heap_bytes_after: wasmHeapBytes(),
      ...(state.error || state.outcome?.status !== 'done'
        ? {
            error: state.error ? logText(state.error) : `training ended: ${state.outcome?.status}`,
          }
        : {}),
    };
  });
}

/** A shorter run of the lecture's model: the first `trainCount` images, `epochs` epochs. */
export interface ShortRun {
  trainCount: number;
  epochs: number;
  seed: number;
}

export function benchFashionShort(
  backend: BackendName,
  run: ShortRun,
  path: BenchPath,
): Promise<FashionRunFigures> {
  const settings = lectureSettings();
  settings.trainCount = run.trainCount;
  settings.model = { ...settings.model, epochs: run.epochs, seed: run.seed };
  return fashionRunOnce(backend, settings, path);
}

/** The lecture's run (60,000 images, 10 epochs, batch 32, Adam 0.001) with the given seed. */
export function benchFashion(
  backend: BackendName,
  seed: number,
  path: BenchPath = 'fast',
): Promise<FashionRunFigures> {
  const settings = lectureSettings();
  settings.model = { ...settings.model, seed };
  return fashionRunOnce(backend, settings, path);
}
