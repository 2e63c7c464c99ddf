import { describe, expect, test, vi } from 'vitest';
import { RunRecorder, type RecorderInit } from './recorder';
import type { EpochRow, RunRecord } from './record';
import type { RunHistory } from './store';
import { freshHistory } from './testing';

const INIT: RecorderInit = {
  lab: 'gates',
  name: 'XOR MLP [4]',
  config: { gate: 'XOR', batchSize: 1 },
  backend: 'cpu',
  trainCount: 4,
  batchSize: 1,
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One epoch of 4 updates, as the gates lab's trainer reports it. */
function trainEpoch(recorder: RunRecorder, e: number) {
  for (let b = 0; b < 4; b++) {
    const step = (e - 1) * 4 + b + 1;
    recorder.update(1 / step, step, step / 100);
  }
  recorder.epoch(epochRow(e));
}

/** The trainer hands the thread back to the page between stretches of steps. */
const yieldToPage = () => new Promise((resolve) => setImmediate(resolve));

/** Epochs `from`…`from + epochs - 1`, yielding after each (the worst case for saving). */
async function train(recorder: RunRecorder, epochs: number, from = 1) {
  for (let e = from; e < from + epochs; e++) {
    trainEpoch(recorder, e);
    await yieldToPage();
  }
}

const epochRow = (e: number): EpochRow => ({
  epoch: e,
  updates: e * 4,
  examples: e * 4,
  seconds: (e * 4) / 100,
  loss: 1 / e,
  accuracy: 0.5,
  valLoss: null,
  valAccuracy: null,
});

/** A history that records every put (a copy of the status and series lengths) and passes it on. */
function watched(history: RunHistory, putDelayMs = 0) {
  const puts: { status: string; updates: number; epochs: number }[] = [];
  let active = 0;
  let maxActive = 0;
  const spy: RunHistory = {
    ...history,
    list: (lab) => history.list(lab),
    get: (id) => history.get(id),
    put: async (record: RunRecord) => {
      active++;
      maxActive = Math.max(maxActive, active);
      puts.push({
        status: record.status,
        updates: record.updates.loss.length,
        epochs: record.epochs.length,
      });
      if (putDelayMs) await sleep(putDelayMs);
      await history.put(record);
      active--;
    },
  };
  return { spy, puts, maxActive: () => maxActive };
}

describe('RunRecorder', () => {
  test('is saved as "running" as soon as it starts', async () => {
    const { history } = await freshHistory();
    const recorder = new RunRecorder(history, { ...INIT, color: '#59a14f' });
    await recorder.flushed();
    const saved = await history.get(recorder.id);
    expect(saved).toMatchObject({
      id: recorder.id,
      lab: 'gates',
      name: 'XOR MLP [4]',
      color: '#59a14f',
      status: 'running',
      backend: 'cpu',
      trainCount: 4,
      batchSize: 1,
      epochs: [],
      final: {},
    });
    expect(saved!.updates.loss).toHaveLength(0);
    expect(Math.abs(saved!.startedAt - Date.now())).toBeLessThan(5000);
  });

  test('the live record has every update so far, in growing typed arrays, and is stable between changes', async () => {
    const { history } = await freshHistory();
    const recorder = new RunRecorder(history, INIT);
    for (let i = 0; i < 10_000; i++) recorder.update(i / 7, i + 1, i / 1000);
    const live = recorder.record;
    expect(recorder.record).toBe(live);
    expect(live.updates.loss).toBeInstanceOf(Float32Array);
    expect(live.updates.examples).toBeInstanceOf(Float64Array);
    expect(live.updates.loss).toHaveLength(10_000);
    expect(live.updates.loss[9999]).toBe(Math.fround(9999 / 7));
    expect(live.updates.examples[9999]).toBe(10_000);
    expect(live.updates.seconds[1234]).toBe(1.234);
    expect(live.durationMs).toBeCloseTo(9999, 6);
    recorder.update(0, 10_001, 10);
    expect(recorder.record).not.toBe(live);
    expect(recorder.record.updates.loss).toHaveLength(10_001);
    await recorder.finish('stopped', {});
  });

  test('saves at epoch ends at most once per interval, then in full at finish', async () => {
    const { history } = await freshHistory();
    const { spy, puts } = watched(history);
    let clock = 0;
    const recorder = new RunRecorder(spy, INIT, { now: () => clock });
    // 31 epochs, 100 ms apart: saves due at 1000, 2000 and 3000 ms only.
    for (let e = 1; e <= 31; e++) {
      clock = (e - 1) * 100;
      await train(recorder, 1, e);
    }
    await recorder.finish('done', { loss: 0.1 });
    expect(puts).toEqual([
      { status: 'running', updates: 0, epochs: 0 },
      { status: 'running', updates: 44, epochs: 11 },
      { status: 'running', updates: 84, epochs: 21 },
      { status: 'running', updates: 124, epochs: 31 },
      { status: 'done', updates: 124, epochs: 31 },
    ]);
  });

  test('a 1500-epoch run in a few milliseconds is saved a handful of times, not 1500', async () => {
    const { history } = await freshHistory();
    const { spy, puts } = watched(history);
    const recorder = new RunRecorder(spy, INIT);
    await train(recorder, 1500);
    await recorder.finish('done', { loss: 0.01, accuracy: 1 });
    expect(puts.length).toBeLessThanOrEqual(3);
    const saved = (await history.get(recorder.id))!;
    expect(saved.status).toBe('done');
    expect(saved.updates.loss).toHaveLength(6000);
    expect(saved.epochs).toHaveLength(1500);
    expect(saved.final).toEqual({ loss: 0.01, accuracy: 1 });
    expect(saved.durationMs).toBeCloseTo(60_000, 6);
  });

  test('epochs that come faster than the interval are saved when it has passed (the latest one)', async () => {
    const { history } = await freshHistory();
    const { spy, puts } = watched(history);
    const recorder = new RunRecorder(spy, INIT, { minSaveIntervalMs: 60 });
    await train(recorder, 10);
    expect(puts).toHaveLength(1);
    await sleep(150);
    await recorder.flushed();
    expect(puts).toEqual([
      { status: 'running', updates: 0, epochs: 0 },
      { status: 'running', updates: 40, epochs: 10 },
    ]);
    await recorder.finish('stopped', {});
  });

  test('a crash keeps what was recorded up to the last finished epoch, marked interrupted', async () => {
    const { history, reopen } = await freshHistory();
    const recorder = new RunRecorder(history, INIT, { minSaveIntervalMs: 0 });
    await train(recorder, 3);
    // Two updates of epoch 4, then the page dies.
    recorder.update(0.5, 13, 0.13);
    recorder.update(0.4, 14, 0.14);
    await recorder.flushed();

    const saved = (await (await reopen()).get(recorder.id))!;
    expect(saved.status).toBe('interrupted');
    expect(saved.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(Array.from(saved.updates.examples)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(saved.updates.loss[11]).toBe(Math.fround(1 / 12));
    expect(saved.durationMs).toBeCloseTo(120, 9);
    // Stored with buffers of their own size, not the growable arrays' spare capacity.
    expect(saved.updates.loss.buffer.byteLength).toBe(12 * 4);
  });

  test('saves never overlap, and a save that waits is replaced by a newer one', async () => {
    const { history } = await freshHistory();
    const { spy, puts, maxActive } = watched(history, 300);
    const recorder = new RunRecorder(spy, INIT, { minSaveIntervalMs: 0 });
    await train(recorder, 20);
    await recorder.finish('done', {});
    expect(maxActive()).toBe(1);
    // Epoch 1 came before the first save could start and replaced it; while that save took its
    // time, the 19 epoch saves and the final one collapsed into the last.
    expect(puts).toEqual([
      { status: 'running', updates: 4, epochs: 1 },
      { status: 'done', updates: 80, epochs: 20 },
    ]);
    expect((await history.get(recorder.id))!.status).toBe('done');
  });

  test('a failing save is logged and never reaches the training loop', async () => {
    const { history } = await freshHistory();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken: RunHistory = {
      ...history,
      put: () => Promise.reject(new Error('QuotaExceededError')),
    };
    const recorder = new RunRecorder(broken, INIT, { minSaveIntervalMs: 0 });
    await expect(train(recorder, 3)).resolves.toBeUndefined();
    await expect(recorder.finish('done', {})).resolves.toBeUndefined();
    expect(error).toHaveBeenCalled();
    expect(String(error.mock.calls[0]![0])).toContain(recorder.id);
    error.mockRestore();
  });

  test('after finish nothing more is recorded; finishing twice saves once', async () => {
    const { history } = await freshHistory();
    const { spy, puts } = watched(history);
    const recorder = new RunRecorder(spy, INIT);
    await train(recorder, 2);
    const first = recorder.finish('diverged', { loss: null });
    expect(recorder.finish('done', {})).toBe(first);
    recorder.update(1, 100, 1);
    recorder.epoch(epochRow(3));
    await first;
    expect(recorder.record.status).toBe('diverged');
    expect(recorder.record.updates.loss).toHaveLength(8);
    expect(puts.filter((p) => p.status !== 'running')).toEqual([
      { status: 'diverged', updates: 8, epochs: 2 },
    ]);
  });

  test('runs get distinct default colours; a blank name falls back to the lab', async () => {
    const { history } = await freshHistory();
    const a = new RunRecorder(history, INIT);
    const b = new RunRecorder(history, { ...INIT, name: '   ' });
    expect(a.record.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(b.record.color).not.toBe(a.record.color);
    expect(b.record.name).toBe('gates');
    expect(a.id).not.toBe(b.id);
    await Promise.all([a.finish('done', {}), b.finish('done', {})]);
  });
});
