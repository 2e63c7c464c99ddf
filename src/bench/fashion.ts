import * as tf from '@tensorflow/tfjs';
import { loadFashionMnist } from '../data/fashionMnist';
import { BackendController } from '../engine/backendController';
import type { BackendName } from '../engine/backends';
import { yieldToEventLoop } from '../engine/schedule';
import { FashionRun } from '../labs/fashion/fashionRun';
import { lectureSettings } from '../labs/fashion/settings';
import { DATA_URL } from '../labs/fashion/useFashionData';

export interface FashionBenchLine {
  name: 'fashion_lecture';
  backend: BackendName;
  path: 'fused' | 'tfjs' | null;
  images: number;
  epochs: number;
  batch_size: number;
  /** From Train to the test accuracy: training plus `evaluate` on the 10,000 test images. */
  seconds: number;
  train_seconds: number;
  seconds_per_epoch: number;
  samples_per_second: number;
  test_accuracy: number | null;
  final_train_accuracy: number | null;
  tensors_leaked: number;
  /** The longest main-thread task while it ran (PerformanceObserver, tasks over 50 ms). */
  longest_task_ms: number;
  error?: string;
}

/**
 * The lecture's run (60,000 images, 10 epochs, batch 32, Adam 0.001) through the lab's own
 * FashionRun, the code behind its Train button, on one forced backend.
 */
export async function benchFashion(backend: BackendName, seed: number): Promise<FashionBenchLine> {
  const data = await loadFashionMnist(DATA_URL);
  const settings = lectureSettings();
  settings.model = { ...settings.model, seed };
  const controller = new BackendController(backend);
  await controller.prepare('bench', () => Promise.resolve(0));
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) =>
    list.getEntries().forEach((e) => tasks.push(e.duration)),
  );
  observer.observe({ type: 'longtask' });
  const before = tf.memory().numTensors;
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
  return {
    name: 'fashion_lecture',
    backend: controller.state.active ?? backend,
    path: tf.getBackend() === 'cpu' ? 'fused' : 'tfjs',
    images: state.trainCount,
    epochs,
    batch_size: settings.model.batchSize,
    seconds: Number(seconds.toFixed(2)),
    train_seconds: Number(train.toFixed(2)),
    seconds_per_epoch: Number((train / Math.max(1, epochs)).toFixed(2)),
    samples_per_second: Math.round(state.samplesSeen / Math.max(train, 1e-9)),
    test_accuracy: state.test ? Number(state.test.accuracy.toFixed(4)) : null,
    final_train_accuracy: state.epochs.at(-1)?.accuracy ?? null,
    tensors_leaked: tf.memory().numTensors - before,
    longest_task_ms: Math.round(Math.max(0, ...tasks)),
    ...(state.error || state.outcome?.status !== 'done'
      ? { error: state.error ?? `training ended: ${state.outcome?.status}` }
      : {}),
  };
}
