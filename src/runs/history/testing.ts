/** Helpers for the run history's unit tests. Not part of the app. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { EpochRow, RunRecord } from './record';
import { openRunHistory, type RunHistory } from './store';

let counter = 0;

/** A small finished gates run with `updates` updates in epochs of 4, every value distinct. */
export function sampleRun(overrides: Partial<RunRecord> = {}, updates = 8): RunRecord {
  counter++;
  const epochs: EpochRow[] = [];
  for (let e = 1; e <= Math.floor(updates / 4); e++) {
    epochs.push({
      epoch: e,
      updates: e * 4,
      examples: e * 4,
      seconds: e * 0.25,
      loss: 1 / (e + 1),
      accuracy: e % 2 === 0 ? 0.75 : null,
      valLoss: null,
      valAccuracy: null,
    });
  }
  return {
    id: `run-${counter}`,
    lab: 'gates',
    name: `XOR MLP [4] #${counter}`,
    color: '#4e79a7',
    config: {
      gate: 'XOR',
      hidden: [{ units: 4, activation: 'sigmoid' }],
      optimizer: { kind: 'sgd', learningRate: 0.1 },
      batchSize: 1,
      epochs: 1500,
    },
    backend: 'cpu',
    trainCount: 4,
    batchSize: 1,
    startedAt: 1_700_000_000_000 + counter,
    durationMs: 1234.5,
    status: 'done',
    updates: {
      loss: Float32Array.from({ length: updates }, (_, i) => 0.7 / (i + 1)),
      examples: Float64Array.from({ length: updates }, (_, i) => i + 1),
      seconds: Float64Array.from({ length: updates }, (_, i) => (i + 1) / 16),
    },
    epochs,
    final: { loss: 0.125, accuracy: 1, valLoss: null },
    ...overrides,
  };
}

/** A history in a fresh in-memory IndexedDB, and a way to open it again ("after a reload"). */
export async function freshHistory(): Promise<{
  history: RunHistory;
  reopen: () => Promise<RunHistory>;
}> {
  const factory = new IDBFactory();
  const name = `runs-test-${++counter}`;
  const reopen = () => openRunHistory(factory, name);
  return { history: await reopen(), reopen };
}
