import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';

/**
 * XNNPACK's threads in tfjs's threaded wasm build (which runs when the page is cross-origin
 * isolated): all cores up to four, half of them beyond (hyper-threads share a core's
 * arithmetic). tfjs itself takes half the logical cores, one thread on a 2-core laptop;
 * scripts/vite/tfjsWasmThreads.ts lifts that cap.
 */
export function wasmThreadCount(logicalCores: number): number {
  const cores = Math.max(1, Math.floor(logicalCores) || 1);
  return Math.max(Math.min(cores, 4), Math.floor(cores / 2));
}

/** How the wasm backend computes: its threads, and whether the page can share memory with them. */
export interface WasmThreads {
  threads: number;
  isolated: boolean;
}

/** The wasm backend's threads once it has started, else null. */
export function wasmThreads(): WasmThreads | null {
  try {
    return { threads: getThreadsCount(), isolated: globalThis.crossOriginIsolated === true };
  } catch {
    return null; // not started yet
  }
}
