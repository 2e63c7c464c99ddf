import { growableFloat32, growableFloat64 } from './growable';
import { newRunId } from './ids';
import { cleanName } from './limits';
import { nextRunColor } from './palette';
import type { EpochRow, RunLab, RunRecord, RunStatus } from './record';
import type { RunHistory } from './store';

export interface RecorderInit {
  lab: RunLab;
  name: string;
  /** A default from the palette when not given. */
  color?: string;
  config: RunRecord['config'];
  backend: string;
  trainCount: number;
  batchSize: number;
}

export interface RecorderOptions {
  /** The least time between two saves at epoch ends (the first and the last save are not held back). */
  minSaveIntervalMs?: number;
  /** The clock for that interval (tests). */
  now?: () => number;
}

export const SAVE_INTERVAL_MS = 1000;

let lastStart = 0;
/** Date.now(), but later than any run started before on this page: two models started together still list in order. */
function startTime(): number {
  lastStart = Math.max(Date.now(), lastStart + 1);
  return lastStart;
}

type FinalStatus = Exclude<RunStatus, 'running' | 'interrupted'>;

/**
 * Records one training run into the history while it trains: every update into typed arrays, every
 * epoch as a row. Saved when it starts (status "running"), at epoch ends at most about once a
 * second (cut to the last finished epoch, which is what a crash leaves), and in full at `finish`.
 * Saves never overlap (a newer one replaces a save still waiting) and never throw: a failed save
 * is logged and training goes on.
 */
export class RunRecorder {
  readonly id: string;
  private readonly base: Omit<RunRecord, 'status' | 'durationMs' | 'final' | 'updates' | 'epochs'>;
  private readonly loss = growableFloat32();
  private readonly examples = growableFloat64();
  private readonly seconds = growableFloat64();
  private readonly epochs: EpochRow[] = [];
  /** How many updates had been recorded when the last epoch row came. */
  private updatesAtEpoch = 0;
  private status: RunStatus = 'running';
  private final: RunRecord['final'] = {};
  private durationMs = 0;
  private live: RunRecord | null = null;
  private finished: Promise<void> | null = null;

  private readonly interval: number;
  private readonly now: () => number;
  private lastSaveAt: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private waiting: (() => RunRecord) | null = null;

  constructor(
    private readonly history: RunHistory,
    init: RecorderInit,
    options: RecorderOptions = {},
  ) {
    this.interval = options.minSaveIntervalMs ?? SAVE_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
    this.id = newRunId();
    this.base = {
      id: this.id,
      lab: init.lab,
      name: cleanName(init.name) ?? init.lab,
      color: init.color ?? nextRunColor(),
      config: init.config,
      backend: init.backend,
      trainCount: init.trainCount,
      batchSize: init.batchSize,
      startedAt: startTime(),
    };
    this.lastSaveAt = this.now();
    void this.save(() => this.snapshot(0, 0, 0));
  }

  /** The run as recorded so far; the series are views, not copies. The same object until the next change. */
  get record(): RunRecord {
    this.live ??= {
      ...this.base,
      status: this.status,
      durationMs: this.durationMs,
      final: this.final,
      updates: {
        loss: this.loss.view(),
        examples: this.examples.view(),
        seconds: this.seconds.view(),
      },
      epochs: this.epochs.slice(),
    };
    return this.live;
  }

  /** One weight update: its batch loss, training examples seen so far, training seconds so far. */
  update(loss: number, examples: number, seconds: number): void {
    if (this.finished) return;
    this.loss.push(loss);
    this.examples.push(examples);
    this.seconds.push(seconds);
    this.durationMs = Math.max(this.durationMs, seconds * 1000);
    this.live = null;
  }

  epoch(row: EpochRow): void {
    if (this.finished) return;
    this.epochs.push({ ...row });
    this.updatesAtEpoch = this.loss.length;
    this.durationMs = Math.max(this.durationMs, row.seconds * 1000);
    this.live = null;
    const wait = this.lastSaveAt + this.interval - this.now();
    if (wait <= 0) this.saveToLastEpoch();
    else this.timer ??= setTimeout(() => this.saveToLastEpoch(), wait);
  }

  /**
   * Ends the recording and saves it in full; later calls return the same promise. `durationMs`
   * is the run's own time, when known: it runs on past the last update's stamp.
   */
  finish(status: FinalStatus, final: RunRecord['final'], durationMs = 0): Promise<void> {
    if (this.finished) return this.finished;
    this.clearTimer();
    this.durationMs = Math.max(this.durationMs, durationMs);
    this.status = status;
    this.final = { ...final };
    this.live = null;
    const updates = this.loss.length;
    const epochs = this.epochs.length;
    const duration = this.durationMs;
    this.finished = this.save(() => this.snapshot(updates, epochs, duration));
    return this.finished;
  }

  /** Resolves when every save asked for so far has been made (or has failed and been logged). */
  flushed(): Promise<void> {
    return this.queue;
  }

  private saveToLastEpoch(): void {
    this.clearTimer();
    if (this.finished) return;
    this.lastSaveAt = this.now();
    const updates = this.updatesAtEpoch;
    const epochs = this.epochs.length;
    const duration = this.epochs[epochs - 1]!.seconds * 1000;
    void this.save(() => this.snapshot(updates, epochs, duration));
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Queues a save. `make` runs when the save starts, so a save that waits behind a slow one is
   * replaced by a newer one instead of piling up. Recorded values never change once pushed, so
   * building the record late still gives exactly the state that was asked for.
   */
  private save(make: () => RunRecord): Promise<void> {
    const alreadyQueued = this.waiting !== null;
    this.waiting = make;
    if (!alreadyQueued) {
      this.queue = this.queue.then(async () => {
        const next = this.waiting;
        this.waiting = null;
        if (!next) return;
        try {
          await this.history.put(next());
        } catch (err) {
          console.error(`run ${this.id} could not be saved; training goes on`, err);
        }
      });
    }
    return this.queue;
  }

  /** The first `updates` updates and `epochs` epochs, copied into buffers of their own size. */
  private snapshot(updates: number, epochs: number, durationMs: number): RunRecord {
    return {
      ...this.base,
      status: this.status,
      durationMs,
      final: this.final,
      updates: {
        loss: this.loss.copy(updates),
        examples: this.examples.copy(updates),
        seconds: this.seconds.copy(updates),
      },
      epochs: this.epochs.slice(0, epochs),
    };
  }
}
