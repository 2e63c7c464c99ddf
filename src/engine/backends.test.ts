import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { inEnglish, rejectionInEnglish } from '../test/english';
import { registerFakeBackend, removeFakeBackends, setCpuBackend } from '../test/helpers';
import {
  activateBackend,
  chooseFastest,
  fallbackOrder,
  isSoftwareRenderer,
  probeWebGL,
  type BackendName,
  type WebGLInfo,
} from './backends';

beforeAll(setCpuBackend);
afterEach(async () => {
  vi.restoreAllMocks();
  await removeFakeBackends();
});

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const GPU: WebGLInfo = {
  available: true,
  renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
  software: false,
};
const SOFTWARE: WebGLInfo = { available: true, renderer: SWIFTSHADER, software: true };
const NONE: WebGLInfo = { available: false, renderer: 'no canvas here', software: false };

/** A measure function with fixed timings that also checks the backend was active while measured. */
function fakeMeasure(ms: Partial<Record<BackendName, number | Error>>) {
  const calls: BackendName[] = [];
  const activeDuring: string[] = [];
  const measure = async (backend: BackendName) => {
    calls.push(backend);
    activeDuring.push(tf.getBackend());
    const value = ms[backend];
    if (value instanceof Error) throw value;
    if (value === undefined) throw new Error(`no timing for ${backend}`);
    return value;
  };
  return { measure, calls, activeDuring };
}

describe('isSoftwareRenderer', () => {
  test.each([
    [SWIFTSHADER, true],
    ['Google SwiftShader', true],
    ['llvmpipe (LLVM 15.0.7, 256 bits)', true],
    ['Mesa softpipe', true],
    ['Microsoft Basic Render Driver', true],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['Apple M1', false],
    ['ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)', false],
    ['AMD Radeon Pro 5500M OpenGL Engine', false],
  ])('%s → %s', (renderer, software) => {
    expect(isSoftwareRenderer(renderer)).toBe(software);
  });
});

describe('fallbackOrder', () => {
  test('starts with the given backend, then the rest, cpu last', () => {
    expect(fallbackOrder('webgl')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(fallbackOrder('wasm')).toEqual(['wasm', 'webgl', 'cpu']);
    expect(fallbackOrder('cpu')).toEqual(['cpu', 'wasm', 'webgl']);
    for (const b of ['cpu', 'wasm', 'webgl'] as const)
      expect(new Set(fallbackOrder(b)).size).toBe(3);
  });
});

describe('probeWebGL and activateBackend in Node', () => {
  test('no canvas in Node: WebGL is unavailable', () => {
    expect(probeWebGL()).toEqual({ available: false, renderer: 'no canvas here', software: false });
  });

  test('cpu starts; wasm and webgl are not registered in Node and report false instead of throwing', async () => {
    expect(await activateBackend('cpu')).toBe(true);
    expect(await activateBackend('wasm')).toBe(false);
    expect(await activateBackend('webgl')).toBe(false);
    expect(tf.getBackend()).toBe('cpu');
  });

  test('a backend whose start-up fails reports false (tfjs only warns)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    registerFakeBackend('wasm', { fails: true });
    expect(await activateBackend('wasm')).toBe(false);
    registerFakeBackend('webgl');
    expect(await activateBackend('webgl')).toBe(true);
    expect(tf.getBackend()).toBe('webgl');
  });

  test('a backend that never finishes starting reports false after the timeout, and another starts', async () => {
    registerFakeBackend('wasm', { hangs: true });
    expect(await activateBackend('wasm', 50)).toBe(false);
    expect(tf.findBackendFactory('wasm')).toBeNull();
    expect(await activateBackend('cpu', 1000)).toBe(true);
    expect(tf.getBackend()).toBe('cpu');
  });
});

describe('chooseFastest', () => {
  test('measures each candidate while it is active and picks the smallest ms/step', async () => {
    registerFakeBackend('wasm');
    registerFakeBackend('webgl');
    const m = fakeMeasure({ cpu: 5, wasm: 1.25, webgl: 0.8 });
    const decision = await chooseFastest(GPU, m.measure);
    expect(decision.backend).toBe('webgl');
    expect(m.calls.sort()).toEqual(['cpu', 'wasm', 'webgl']);
    expect(m.activeDuring.sort()).toEqual(['cpu', 'wasm', 'webgl']);
    expect(decision.measurements).toEqual([
      { backend: 'webgl', msPerStep: 0.8 },
      { backend: 'wasm', msPerStep: 1.25 },
      { backend: 'cpu', msPerStep: 5 },
    ]);
    expect(inEnglish(decision.reason)).toContain('fastest measured');
    expect(inEnglish(decision.reason)).toMatch(
      /webgl 800 µs\/step.*wasm 1\.25 ms\/step.*cpu 5\.00 ms\/step/,
    );
  });

  test('a run that takes the first backend under 250 ms in all is not measured on the others', async () => {
    registerFakeBackend('wasm');
    const m = fakeMeasure({ cpu: 0.01, wasm: 0.001 });
    const quick = await chooseFastest(SOFTWARE, m.measure, ['cpu', 'wasm', 'webgl'], 6000);
    expect(quick.backend).toBe('cpu');
    expect(m.calls).toEqual(['cpu']);
    expect(inEnglish(quick.reason)).toBe(
      'the whole run takes cpu about 60 ms (10 µs/step), so the other backends were not measured; WebGL skipped: software renderer, no GPU',
    );
    // A longer run is worth measuring: wasm wins.
    const long = await chooseFastest(SOFTWARE, m.measure, ['cpu', 'wasm', 'webgl'], 30_000);
    expect(long.backend).toBe('wasm');
    expect(m.calls).toEqual(['cpu', 'cpu', 'wasm']);
  });

  test('the winner is the fastest whatever the order of candidates', async () => {
    registerFakeBackend('wasm');
    registerFakeBackend('webgl');
    for (const timings of [
      { cpu: 0.1, wasm: 2, webgl: 3 },
      { cpu: 2, wasm: 0.3, webgl: 3 },
    ]) {
      const want = (Object.entries(timings) as [BackendName, number][]).sort(
        (a, b) => a[1] - b[1],
      )[0]![0];
      expect(
        (await chooseFastest(GPU, fakeMeasure(timings).measure, ['webgl', 'cpu', 'wasm'])).backend,
      ).toBe(want);
    }
  });

  test('skips WebGL on a software renderer, even when it would measure fastest, and says why', async () => {
    registerFakeBackend('wasm');
    registerFakeBackend('webgl');
    const m = fakeMeasure({ cpu: 5, wasm: 2, webgl: 0.1 });
    const decision = await chooseFastest(SOFTWARE, m.measure);
    expect(decision.backend).toBe('wasm');
    expect(m.calls).not.toContain('webgl');
    expect(inEnglish(decision.reason)).toMatch(/WebGL skipped: software renderer/);
    expect(decision.measurements.map((x) => x.backend)).toEqual(['wasm', 'cpu']);
  });

  test('skips unavailable WebGL and says why', async () => {
    const m = fakeMeasure({ cpu: 5, webgl: 0.1 });
    const decision = await chooseFastest(NONE, m.measure, ['cpu', 'webgl']);
    expect(decision.backend).toBe('cpu');
    expect(m.calls).toEqual(['cpu']);
    expect(inEnglish(decision.reason)).toMatch(/WebGL unavailable/);
  });

  test('records backends that fail to start or fail while measuring, and picks among the rest', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    registerFakeBackend('wasm', { fails: true });
    registerFakeBackend('webgl');
    const m = fakeMeasure({ cpu: 9, wasm: 0.1, webgl: new Error('context lost') });
    const decision = await chooseFastest(GPU, m.measure);
    expect(decision.backend).toBe('cpu');
    expect(m.calls).not.toContain('wasm');
    expect(decision.measurements).toEqual([{ backend: 'cpu', msPerStep: 9 }]);
    expect(inEnglish(decision.reason)).toContain('wasm failed to start');
    expect(inEnglish(decision.reason)).toContain('webgl failed: context lost');
  });

  test('in plain Node only cpu starts: it wins, and wasm is reported as failed', async () => {
    const m = fakeMeasure({ cpu: 3, wasm: 1 });
    const decision = await chooseFastest(probeWebGL(), m.measure);
    expect(decision.backend).toBe('cpu');
    expect(m.calls).toEqual(['cpu']);
    expect(inEnglish(decision.reason)).toContain('wasm failed to start');
  });

  test('throws, listing the failures, when no backend can train', async () => {
    const m = fakeMeasure({ cpu: new Error('out of memory') });
    expect(await rejectionInEnglish(chooseFastest(NONE, m.measure))).toMatch(
      /No backend could train this model.*cpu failed: out of memory/,
    );
  });
});
