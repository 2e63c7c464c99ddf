import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { inEnglish, rejectionInEnglish } from '../test/english';
import { registerFakeBackend, removeFakeBackends, setCpuBackend } from '../test/helpers';
import { BackendController, type BackendState } from './backendController';
import type { BackendName } from './backends';

beforeAll(setCpuBackend);
afterEach(async () => {
  vi.restoreAllMocks();
  await removeFakeBackends();
});

function measuring(ms: Partial<Record<BackendName, number>>) {
  const calls: BackendName[] = [];
  return {
    calls,
    measure: async (backend: BackendName) => {
      calls.push(backend);
      const v = ms[backend];
      if (v === undefined) throw new Error(`no timing for ${backend}`);
      return v;
    },
  };
}

describe('BackendController in Node', () => {
  test('starts idle, with WebGL reported unavailable (no canvas)', () => {
    const c = new BackendController('auto');
    expect(c.state).toMatchObject({ choice: 'auto', active: null, busy: false, notices: [] });
    expect(c.state.webgl.available).toBe(false);
  });

  test("choice 'cpu': activates cpu, says 'chosen by you', measures nothing", async () => {
    const c = new BackendController('cpu');
    const changes: BackendState[] = [];
    c.on('change', (s) => changes.push(s));
    const m = measuring({ cpu: 1 });
    expect(await c.prepare('gates', m.measure)).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(c.state).toMatchObject({ active: 'cpu', busy: false, notices: [] });
    expect(inEnglish(c.state.reason!)).toBe('chosen by you');
    expect(m.calls).toEqual([]);
    expect(changes[0]!.busy).toBe(true);
    expect(changes.at(-1)!.busy).toBe(false);
  });

  test("choice 'auto': the fastest backend that starts in Node (cpu), measured once per model", async () => {
    const c = new BackendController('auto');
    const m = measuring({ cpu: 2, wasm: 0.5, webgl: 0.1 });
    expect(await c.prepare('gates', m.measure)).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(m.calls).toEqual(['cpu']);
    expect(c.state.active).toBe('cpu');
    const reason = inEnglish(c.state.reason!);
    expect(reason).toMatch(/^auto: fastest measured \(cpu 2\.00 ms\/step\)/);
    expect(reason).toContain('wasm failed to start');
    expect(reason).toContain('WebGL unavailable');
    // Cached for the same model; a new model is measured again.
    expect(await c.prepare('gates', m.measure)).toBe('cpu');
    expect(m.calls).toEqual(['cpu']);
    await c.prepare('fashion', m.measure);
    expect(m.calls).toEqual(['cpu', 'cpu']);
  });

  test("choice 'auto' with a second backend that starts: picks and activates the faster one", async () => {
    registerFakeBackend('wasm');
    const c = new BackendController('auto');
    const m = measuring({ cpu: 2, wasm: 0.5 });
    expect(await c.prepare('gates', m.measure)).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(c.state.active).toBe('wasm');
    // When the cached winner can no longer start, it measures again.
    await removeFakeBackends();
    expect(await c.prepare('gates', m.measure)).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(m.calls.filter((b) => b === 'cpu')).toHaveLength(2);
  });

  test("choice 'wasm' or 'webgl' in Node falls back to cpu and says so", async () => {
    for (const choice of ['wasm', 'webgl'] as const) {
      const c = new BackendController(choice);
      expect(await c.prepare('gates', measuring({}).measure)).toBe('cpu');
      expect(tf.getBackend()).toBe('cpu');
      expect(c.state.active).toBe('cpu');
      expect(c.state.notices.map(inEnglish)).toEqual([
        `${choice} failed to start; training on cpu instead`,
      ]);
      expect(c.state.reason).toBe(c.state.notices[0]);
    }
  });

  test('setChoice changes the choice and clears old notices', async () => {
    const c = new BackendController('wasm');
    await c.prepare('gates', measuring({}).measure);
    expect(c.state.notices).toHaveLength(1);
    c.setChoice('cpu');
    expect(c.state).toMatchObject({ choice: 'cpu', notices: [] });
    await c.prepare('gates', measuring({}).measure);
    expect(inEnglish(c.state.reason!)).toBe('chosen by you');
  });

  test('fallback after a mid-run failure moves to the next backend that starts, and does not go back', async () => {
    registerFakeBackend('wasm');
    const c = new BackendController('auto');
    const m = measuring({ cpu: 2, wasm: 0.5 });
    expect(await c.prepare('gates', m.measure)).toBe('wasm');
    expect(m.calls.sort()).toEqual(['cpu', 'wasm']);
    expect(await c.fallback('wasm', 'out of memory')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(c.state.active).toBe('cpu');
    expect(inEnglish(c.state.notices.at(-1)!)).toBe(
      'wasm stopped working (out of memory); restarted on cpu',
    );
    // The decision for wasm is forgotten: the next prepare measures again, without the broken wasm.
    expect(await c.prepare('gates', m.measure)).toBe('cpu');
    expect(m.calls).toHaveLength(3);
    expect(m.calls.at(-1)).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });

  test("a chosen backend that broke is not started again (choice 'wasm')", async () => {
    registerFakeBackend('wasm');
    const c = new BackendController('wasm');
    expect(await c.prepare('gates', measuring({}).measure)).toBe('wasm');
    expect(inEnglish(c.state.reason!)).toBe('chosen by you');
    expect(await c.fallback('wasm', 'context lost')).toBe('cpu');
    expect(await c.prepare('gates', measuring({}).measure)).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(c.state.active).toBe('cpu');
  });

  test('fallback throws when nothing else can start', async () => {
    const c = new BackendController('cpu');
    await c.prepare('gates', measuring({}).measure);
    expect(await rejectionInEnglish(c.fallback('cpu', 'broken'))).toBe(
      'cpu stopped working (broken) and no other backend could start.',
    );
  });

  test('warmUp starts wasm ahead of Train, then makes the backend that was active so again', async () => {
    const wasm = registerFakeBackend('wasm', { startMs: 20 });
    const c = new BackendController('auto');
    const warming: boolean[] = [];
    c.on('change', (s) => warming.push(s.warming));
    await c.warmUp();
    await c.warmUp();
    expect(wasm.starts()).toBe(1);
    expect(warming).toEqual([true, false]);
    expect(tf.getBackend()).toBe('cpu');
    expect(c.state.active).toBeNull();
  });

  test('warmUp leaves wasm alone when the choice is another backend', async () => {
    const wasm = registerFakeBackend('wasm');
    const c = new BackendController('cpu');
    await c.warmUp();
    expect(wasm.starts()).toBe(0);
    expect(tf.getBackend()).toBe('cpu');
  });

  test("a Train during the warm-up waits for it: the warm-up cannot switch the run's backend back", async () => {
    registerFakeBackend('wasm', { startMs: 30 });
    const c = new BackendController('wasm');
    const warming = c.warmUp();
    await new Promise((resolve) => setTimeout(resolve, 5)); // wasm is starting
    expect(await c.prepare('fashion', measuring({}).measure)).toBe('wasm');
    await warming;
    expect(tf.getBackend()).toBe('wasm');
    expect(c.state.active).toBe('wasm');
  });

  test('warmUp does nothing once a lab has picked its backend: it would switch a run away from it', async () => {
    registerFakeBackend('wasm');
    const c = new BackendController('auto');
    expect(await c.prepare('gates', measuring({ cpu: 1, wasm: 2 }).measure)).toBe('cpu');
    const warming: boolean[] = [];
    c.on('change', (s) => warming.push(s.warming));
    await c.warmUp();
    expect(warming).toEqual([]);
    expect(tf.getBackend()).toBe('cpu');
  });

  test('claim waits for a warm-up under way, and no warm-up starts after it', async () => {
    registerFakeBackend('wasm', { startMs: 30 });
    const c = new BackendController('auto');
    void c.warmUp();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(c.state.warming).toBe(true);
    await c.claim();
    expect(c.state.warming).toBe(false);
    expect(tf.getBackend()).toBe('cpu');

    const later = new BackendController('auto');
    const warming: boolean[] = [];
    later.on('change', (s) => warming.push(s.warming));
    await later.claim();
    await later.warmUp();
    expect(warming).toEqual([]);
  });
});
