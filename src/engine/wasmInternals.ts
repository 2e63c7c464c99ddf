import * as tf from '@tensorflow/tfjs';
import { simdBatch, type SimdBatch } from './simdBatch';
import { simdLayer, type SimdLayer } from './simdLayer';
import { simdUpdater, type SimdUpdater } from './simdUpdate';

/*
 * What the fast wasm path uses of tfjs-backend-wasm 4.22 beyond its public API, in one place:
 * `makeOutput`, `typedArrayFromHeap` and the Emscripten module's memory (`asm.memory`, or
 * `wasmMemory` in the threaded build). wasmCheck.ts checks that these are there and behave as
 * expected before the fast path is used.
 */

/** The parts of tfjs-backend-wasm 4.22's BackendWasm that the kernels use. */
export interface WasmInternals {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  /** The Emscripten module: the plain builds export their memory, the threaded one imports it. */
  wasm: { HEAPU8: Uint8Array; asm?: { memory?: unknown }; wasmMemory?: unknown };
}

/** The active backend as the kernels see it, or why it does not look like tfjs's wasm backend. */
export function wasmInternals(backend: tf.KernelBackend): WasmInternals | string {
  const b = backend as unknown as Partial<WasmInternals>;
  if (typeof b.makeOutput !== 'function') return 'the wasm backend has no makeOutput';
  if (typeof b.typedArrayFromHeap !== 'function')
    return 'the wasm backend has no typedArrayFromHeap';
  if (!(b.wasm?.HEAPU8 instanceof Uint8Array)) return 'the wasm backend has no HEAPU8';
  return b as WasmInternals;
}

/** The backend's WebAssembly memory, or null if it does not expose it. */
function memoryOf(backend: WasmInternals): WebAssembly.Memory | null {
  const memory = backend.wasm.asm?.memory ?? backend.wasm.wasmMemory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}

/** `make(memory)` once per backend, or why it cannot be made. */
function perBackend<T extends object>(make: (memory: WebAssembly.Memory) => T | string) {
  const made = new WeakMap<WasmInternals, T | string>();
  return (backend: WasmInternals): T | string => {
    let value = made.get(backend);
    if (value === undefined) {
      const memory = memoryOf(backend);
      value = memory ? make(memory) : 'the wasm backend does not expose its memory';
      made.set(backend, value);
    }
    return value;
  };
}

/** The SIMD optimizer updates on this backend's memory, or why there are none. */
export const wasmSimdUpdater: (backend: WasmInternals) => SimdUpdater | string =
  perBackend(simdUpdater);

/** The SIMD passes of ReLU layers on this backend's memory, or why there are none. */
export const wasmSimdLayer: (backend: WasmInternals) => SimdLayer | string = perBackend(simdLayer);

/** The SIMD conversion of byte batches on this backend's memory, or why there is none. */
export const wasmSimdBatch: (backend: WasmInternals) => SimdBatch | string = perBackend(simdBatch);

/** The size of the wasm heap in bytes (it grows, never shrinks), or null off the wasm backend. */
export function wasmHeapBytes(): number | null {
  if (tf.getBackend() !== 'wasm') return null;
  const internals = wasmInternals(tf.backend());
  return typeof internals === 'string' ? null : internals.wasm.HEAPU8.byteLength;
}

/**
 * A float32 view of a tensor's data in the heap. Views go stale when the heap grows (any
 * allocation may grow it), so a kernel takes them only after making all its outputs.
 */
export function view(backend: WasmInternals, info: tf.TensorInfo): Float32Array {
  const values = backend.typedArrayFromHeap(info);
  if (!(values instanceof Float32Array)) throw new Error(`expected float32, got ${info.dtype}`);
  return values;
}
