import { describe, expect, test } from 'vitest';
import { freshHistory, sampleRun } from './testing';

describe('run history (IndexedDB)', () => {
  test('a run survives a reopen exactly, typed arrays included', async () => {
    const { history, reopen } = await freshHistory();
    const run = sampleRun({ final: { loss: 0.125, testAccuracy: null } }, 12);
    run.updates.loss[3] = Number.NaN;
    await history.put(run);
    const again = await (await reopen()).get(run.id);
    expect(again).toEqual(run);
    expect(again!.updates.loss).toBeInstanceOf(Float32Array);
    expect(again!.updates.examples).toBeInstanceOf(Float64Array);
    expect(again!.updates.seconds).toBeInstanceOf(Float64Array);
    expect(Number.isNaN(again!.updates.loss[3])).toBe(true);
  });

  test('lists runs oldest first, all labs or one', async () => {
    const { history } = await freshHistory();
    const late = sampleRun({ startedAt: 3000, lab: 'fashion' });
    const early = sampleRun({ startedAt: 1000 });
    const middle = sampleRun({ startedAt: 2000, lab: 'descent' });
    const last = sampleRun({ startedAt: 4000 });
    for (const r of [late, early, middle, last]) await history.put(r);
    expect((await history.list()).map((r) => r.id)).toEqual(
      [early, middle, late, last].map((r) => r.id),
    );
    expect((await history.list('gates')).map((r) => r.id)).toEqual([early.id, last.id]);
    expect((await history.list('fashion')).map((r) => r.id)).toEqual([late.id]);
    expect(await history.get('no-such-run')).toBeUndefined();
  });

  test('opening marks runs still "running" as interrupted, and leaves the others alone', async () => {
    const { history, reopen } = await freshHistory();
    const crashed = sampleRun({ status: 'running' });
    const stopped = sampleRun({ status: 'stopped' });
    await history.put(crashed);
    await history.put(stopped);
    expect((await history.get(crashed.id))!.status).toBe('running');
    const after = await reopen();
    expect((await after.get(crashed.id))!.status).toBe('interrupted');
    expect(await after.get(stopped.id)).toEqual(stopped);
    // Nothing else about the interrupted run changes.
    expect({ ...(await after.get(crashed.id))!, status: 'running' }).toEqual(crashed);
  });

  test('rename, recolour and delete, each announced to subscribers', async () => {
    const { history, reopen } = await freshHistory();
    const a = sampleRun();
    const b = sampleRun();
    const c = sampleRun();
    for (const r of [a, b, c]) await history.put(r);
    let changes = 0;
    const unsubscribe = history.subscribe(() => changes++);

    await history.rename(a.id, '  batch 1, lr 0.1  ');
    await history.setColor(b.id, '#e15759');
    await history.remove([a.id, c.id]);
    expect(changes).toBe(3);
    unsubscribe();
    await history.rename(b.id, 'not counted');
    expect(changes).toBe(3);

    const reopened = await reopen();
    expect(await reopened.get(a.id)).toBeUndefined();
    expect(await reopened.get(c.id)).toBeUndefined();
    expect(await reopened.get(b.id)).toEqual({ ...b, name: 'not counted', color: '#e15759' });
    await reopened.rename(b.id, 'kept');
    expect((await reopened.get(b.id))!.name).toBe('kept');
  });

  test('a rename is trimmed and capped; blank names and unsafe colours are refused and change nothing', async () => {
    const { history } = await freshHistory();
    const run = sampleRun();
    await history.put(run);
    await history.rename(run.id, '  x'.padEnd(500, 'y'));
    expect((await history.get(run.id))!.name).toBe('x'.padEnd(200, 'y'));
    await expect(history.rename(run.id, '   ')).rejects.toThrow(RangeError);
    for (const bad of ['red; background: url(x)', '"><script>', 'url(http://x)', ''])
      await expect(history.setColor(run.id, bad)).rejects.toThrow(RangeError);
    expect((await history.get(run.id))!.color).toBe(run.color);
    // A run that is not there: nothing happens, nothing appears.
    await history.rename('gone', 'name');
    await history.setColor('gone', '#000000');
    expect(await history.get('gone')).toBeUndefined();
  });

  test('importing never overwrites: a taken id (or one twice in the file) gets a fresh one', async () => {
    const { history } = await freshHistory();
    const here = sampleRun({ name: 'here' });
    await history.put(here);
    const copy = { ...here, name: 'imported copy' };
    const other = sampleRun({ name: 'other' });
    expect(await history.importRuns([copy, other, { ...other, name: 'other again' }])).toBe(3);
    const all = await history.list();
    expect(all).toHaveLength(4);
    expect(new Set(all.map((r) => r.id)).size).toBe(4);
    expect(await history.get(here.id)).toEqual(here);
    expect((await history.get(other.id))!.name).toBe('other');
    expect(all.map((r) => r.name).sort()).toEqual([
      'here',
      'imported copy',
      'other',
      'other again',
    ]);
    const renamedCopy = all.find((r) => r.name === 'imported copy')!;
    expect({ ...renamedCopy, id: here.id, name: 'here' }).toEqual(here);
  });

  test('another tab sees a change (BroadcastChannel)', async () => {
    const { history, reopen } = await freshHistory();
    const otherTab = await reopen();
    const seen = new Promise<void>((resolve) => otherTab.subscribe(resolve));
    await history.put(sampleRun());
    await seen;
    expect(await otherTab.list()).toHaveLength(1);
  });
});
