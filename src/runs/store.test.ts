import { describe, expect, test } from 'vitest';
import { ThrottledStore } from './store';

class Counter extends ThrottledStore<{ n: number; phase: string }> {
  constructor() {
    super({ n: 0, phase: 'idle' }, 20);
  }
  bump(urgent: boolean) {
    this.update({ n: this.state.n + 1 }, urgent);
  }
  setPhase(phase: string) {
    this.update({ phase });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ThrottledStore', () => {
  test('progress is coalesced into one publication per interval; the state is always current', async () => {
    const store = new Counter();
    const seen: number[] = [];
    store.on('change', (s) => seen.push(s.n));
    for (let i = 0; i < 100; i++) store.bump(false);
    expect(store.state.n).toBe(100);
    expect(seen).toEqual([]);
    await sleep(40);
    expect(seen).toEqual([100]);
  });

  test('an urgent change is published at once and carries the pending progress with it', async () => {
    const store = new Counter();
    const seen: string[] = [];
    store.on('change', (s) => seen.push(`${s.phase}:${s.n}`));
    store.bump(false);
    store.bump(false);
    store.setPhase('running');
    expect(seen).toEqual(['running:2']);
    await sleep(40);
    expect(seen).toEqual(['running:2']); // the pending timer was cancelled, nothing is sent twice
  });
});
