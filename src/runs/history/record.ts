/**
 * A recorded training run, as the run history keeps it (IndexedDB), lists it (the runs table),
 * draws it (the runs chart) and exports it (CSV, JSON). Plain data: no React, no tfjs.
 */

/** The labs that record runs. */
export type RunLab = 'gates' | 'fashion' | 'descent';

/**
 * "running" is only ever seen in storage while a run is under way; a record still "running" when
 * the app starts belonged to a page that crashed or was closed: it becomes "interrupted".
 */
export type RunStatus = 'running' | 'done' | 'stopped' | 'diverged' | 'failed' | 'interrupted';

/** JSON-safe values, for a lab's configuration. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One entry per weight update, in order; parallel arrays, all of the same length. */
export interface UpdateSeries {
  /** The batch's training loss. */
  loss: Float32Array;
  /** Training examples seen so far, this batch included (epoch = examples / trainCount). */
  examples: Float64Array;
  /** Training seconds so far (paused and paced waits excluded), at the end of this update. */
  seconds: Float64Array;
}

export interface EpochRow {
  /** 1-based. */
  epoch: number;
  /** Weight updates so far, the epoch's last included. */
  updates: number;
  examples: number;
  seconds: number;
  /** Mean of the epoch's batch losses (Keras's). */
  loss: number;
  accuracy: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
}

export interface RunRecord {
  /** Unique (crypto.randomUUID()). */
  id: string;
  lab: RunLab;
  /** Shown in the runs table and legend; the student may rename it. */
  name: string;
  /** A CSS colour, e.g. '#1f77b4'; the student may change it. */
  color: string;
  /** The lab's full configuration, enough to say what differs between two runs. */
  config: { [key: string]: Json };
  /** The tfjs backend that trained it ('cpu', 'wasm', 'webgl'). */
  backend: string;
  /** Training examples per epoch (N). */
  trainCount: number;
  /** Batch size (b); updates per full epoch = ceil(N / b). */
  batchSize: number;
  /** Date.now() when training started. */
  startedAt: number;
  /** Training time so far, in ms. */
  durationMs: number;
  status: RunStatus;
  updates: UpdateSeries;
  epochs: EpochRow[];
  /** Final metrics by name (loss, valLoss, accuracy, valAccuracy, testAccuracy…); null = not measured. */
  final: { [metric: string]: number | null };
}
