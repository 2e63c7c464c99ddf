import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { startBackend } from './fashionData';
import { round } from './stats';

/**
 * How fast this machine is right now: XNNPACK's matrix product (256×784 by 784×128, the
 * lecture's first layer at batch 256) on the wasm backend, best of 10 rounds of 10. On a shared
 * machine every other figure moves with it; about 43–45 GFLOP/s where nothing else runs.
 */
export async function calibrate(): Promise<Record<string, unknown>> {
  const problem = await startBackend('wasm');
  if (problem) return { name: 'calibration', error: problem, skipped: true };
  const a = tf.randomNormal([1, 256, 784]);
  const b = tf.randomNormal([1, 784, 128]);
  const product = () =>
    tf.tidy(() => {
      tf.engine().runKernel(tf.BatchMatMul, { a, b }, { transposeA: false, transposeB: false });
    });
  try {
    for (let i = 0; i < 20; i++) product();
    const rounds: number[] = [];
    for (let k = 0; k < 10; k++) {
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) product();
      rounds.push((performance.now() - t0) / 10);
    }
    const gflops = (ms: number) => round((2 * 256 * 784 * 128) / ms / 1e6, 1);
    return {
      name: 'calibration',
      backend: 'wasm',
      gemm_gflops_best: gflops(Math.min(...rounds)),
      gemm_gflops_worst: gflops(Math.max(...rounds)),
      hardware_concurrency: navigator.hardwareConcurrency,
      wasm_threads: getThreadsCount(),
      cross_origin_isolated: globalThis.crossOriginIsolated === true,
    };
  } finally {
    a.dispose();
    b.dispose();
  }
}
