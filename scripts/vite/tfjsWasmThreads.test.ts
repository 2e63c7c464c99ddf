import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { tfjsWasmThreads } from './tfjsWasmThreads';

const FILE = fileURLToPath(
  new URL(
    '../../node_modules/@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js',
    import.meta.url,
  ),
);

function transform(code: string, id: string): string | null {
  const hook = tfjsWasmThreads().transform as (code: string, id: string) => { code: string } | null;
  return hook(code, id)?.code ?? null;
}

/** The factory the pthread workers rebuild from its text, from the module as the bundle has it. */
function factoryOf(code: string): (...args: unknown[]) => unknown {
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(code, { module, exports: module.exports });
  return module.exports as unknown as (...args: unknown[]) => unknown;
}

test('the threaded factory gets its own _scriptDir, so its text runs in a worker', () => {
  const original = readFileSync(FILE, 'utf8');
  const patched = transform(original, FILE)!;
  // A worker evaluates the factory's text alone: every _scriptDir it reads must be its own.
  const own = factoryOf(patched).toString();
  const unpatched = factoryOf(original).toString();
  expect(own).toMatch(/^function\(WasmBackendModuleThreadedSimd\) \{\n.*\nvar _scriptDir = /);
  expect(unpatched).not.toMatch(/var _scriptDir\b/);
  expect(unpatched).toMatch(/_scriptDir/); // what a minifier would rename in the closure
});

test('XNNPACK may have as many threads as logical cores (tfjs allows half)', () => {
  const patched = transform(readFileSync(FILE, 'utf8'), FILE)!;
  expect(patched).toContain('return 2*navigator["hardwareConcurrency"]}');
  expect(patched).not.toContain('return navigator["hardwareConcurrency"]}');
});

test('other files pass untouched; a changed tfjs build stops the build', () => {
  expect(transform('var x = 1;', '/x/other.js')).toBeNull();
  expect(() => transform('var x = 1;', FILE)).toThrow(/not where tfjs 4.22 has it/);
  const withoutCores = readFileSync(FILE, 'utf8').replace('navigator["hardwareConcurrency"]', 'n');
  expect(() => transform(withoutCores, FILE)).toThrow(/hardwareConcurrency/);
});
