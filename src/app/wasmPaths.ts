import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { wasmThreadCount } from '../engine/wasmThreads';

/** Vite fingerprints the .wasm files and serves them beside the app, at any base path. */
setWasmPaths({
  'tfjs-backend-wasm.wasm': plain,
  'tfjs-backend-wasm-simd.wasm': simd,
  'tfjs-backend-wasm-threaded-simd.wasm': threaded,
});

// tfjs's threaded build (when the page is cross-origin isolated) runs XNNPACK on this many threads.
setThreadsCount(wasmThreadCount(navigator.hardwareConcurrency));
