import type { Plugin } from 'vite';

/**
 * Makes tfjs-backend-wasm 4.22's threaded build survive minification.
 *
 * Its pthread workers rebuild the Emscripten factory from the factory's source text
 * (`wasmFactoryThreadedSimd.toString()`). That function reads `_scriptDir` from the closure
 * around it, guarded by `typeof _scriptDir !== "undefined"`, which keeps a worker (where the
 * closure is gone) safe. A minifier sees the closure variable, renames it and drops the guard,
 * and every worker then dies on "e is not defined", leaving the backend waiting for ever. This
 * declares `_scriptDir` inside the factory, with the value the closure gives it in a browser.
 *
 * Both patches are checked by scripts/vite/tfjsWasmThreads.test.ts; a tfjs build that no longer
 * has these lines stops the build.
 */
const FILE = /tfjs-backend-wasm-threaded-simd\.js$/;
const FACTORY_START =
  'function(WasmBackendModuleThreadedSimd) {\n  WasmBackendModuleThreadedSimd = WasmBackendModuleThreadedSimd || {};\n';
const OWN_SCRIPT_DIR =
  "var _scriptDir = typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : undefined;\n";

/*
 * tfjs's C++ caps XNNPACK's threads at half of `emscripten_num_logical_cores()` (assuming two
 * hyper-threads a core), which is one thread on a 2-core laptop whatever `setThreadsCount` asks.
 * Reporting twice the logical cores lifts the cap to all of them; src/engine/wasmThreads.ts
 * picks the count.
 */
const CORES = 'return navigator["hardwareConcurrency"]}';
const CORES_DOUBLED = 'return 2*navigator["hardwareConcurrency"]}';

export function tfjsWasmThreads(): Plugin {
  return {
    name: 'training-lab:tfjs-wasm-threads',
    transform(code, id) {
      if (!FILE.test(id.split('?')[0]!)) return null;
      const at = code.indexOf(FACTORY_START);
      if (at < 0 || code.indexOf(FACTORY_START, at + 1) >= 0)
        throw new Error(`${id}: the threaded wasm factory is not where tfjs 4.22 has it`);
      const end = at + FACTORY_START.length;
      const patched = code.slice(0, end) + OWN_SCRIPT_DIR + code.slice(end);
      if (patched.split(CORES).length !== 2)
        throw new Error(`${id}: navigator.hardwareConcurrency is not read where tfjs 4.22 does`);
      return { code: patched.replace(CORES, CORES_DOUBLED), map: null };
    },
  };
}
