import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './config';
import { Emitter } from './events';
import { evaluateModel, type Evaluation } from './evaluate';
import { accuracyKind } from './loss';
import type { BuiltModel } from './model';
import { createRng, identityOrder, shuffleInPlace } from './rng';
import { now, yieldToEventLoop } from './schedule';
import { createStepRunner, type BatchSpec, type StepRunner, type TrainData } from './stepRunner';
import { errorMessage } from './errors';

export type { TrainData } from './stepRunner';

export interface BatchEnd {
  epoch: number;
  batch: number;
  /** Weight updates so far, this one included. */
  step: number;
  size: number;
  loss: number;
  accuracy: number | null;
  elapsedMs: number;
}

export interface EpochEnd {
  epoch: number;
  step: number;
  /** The mean of the epoch's batch losses, as Keras reports it. */
  loss: number;
  accuracy: number | null;
  /** On the validation data, with the weights at the end of the epoch (null without one). */
  valLoss: number | null;
  valAccuracy: number | null;
  elapsedMs: number;
}

export type TrainStatus =
  'idle' | 'running' | 'paused' | 'done' | 'stopped' | 'diverged' | 'failed';

export interface TrainOutcome {
  status: 'done' | 'stopped' | 'diverged' | 'failed';
  /** Updates made; for "diverged", the step whose loss was not finite. */
  step: number;
  epoch: number;
  elapsedMs: number;
  loss: number | null;
  error?: string;
}

export type TrainerEvents = {
  batchEnd: BatchEnd;
  epochEnd: EpochEnd;
  status: TrainStatus;
  end: TrainOutcome;
};

export interface TrainerOptions {
  /** How long one stretch of steps may hold the thread before yielding, in ms. */
  timeBudgetMs?: number;
  /** "tfjs" forces the stock path even where a fast one applies (for tests and benchmarks). */
  path?: 'auto' | 'tfjs';
  /** Slows training down to this many epochs per second, to watch it learn; null is full speed. */
  epochsPerSecond?: number | null;
  /** Held-out examples, evaluated at the end of every epoch (Keras's `validation_data`). */
  validation?: TrainData;
}

type Settings = Pick<
  ModelConfig,
  'batchSize' | 'epochs' | 'shuffle' | 'seed' | 'loss' | 'output' | 'hidden' | 'optimizer'
>;

interface PendingGroup {
  batches: BatchSpec[];
  /** [loss, correct] per batch: a tensor still on the backend, or numbers already read. */
  result: tf.Tensor | Float32Array;
}

/** A group of steps runs between checks of the clock; it grows while groups are quick. */
const GROUP_TARGET_MS = 2;
const MAX_GROUP = 4096;

/**
 * Trains a built model on typed-array data with Keras's `fit` semantics (shuffle each epoch,
 * last partial batch, mean epoch loss), as an event source with pause, resume and stop.
 * Losses are read back once per stretch of steps, not per step.
 */
export class Trainer extends Emitter<TrainerEvents> {
  private statusValue: TrainStatus = 'idle';
  private stopRequested = false;
  private resumeGate: { promise: Promise<void>; open: () => void } | null = null;
  private readonly budgetMs: number;
  private pace: { epochsPerSecond: number; fromTime: number; fromStep: number } | null = null;
  private paceRequest: number | null;
  private stepsDone = 0;
  private readonly validation: TrainData | null;
  private readonly model: BuiltModel['model'];
  readonly runner: StepRunner;

  constructor(
    built: BuiltModel,
    private readonly settings: Settings,
    private readonly data: TrainData,
    options: TrainerOptions = {},
  ) {
    super();
    this.budgetMs = options.timeBudgetMs ?? 12;
    this.runner = createStepRunner(built, settings, data, options.path ?? 'auto');
    this.paceRequest = options.epochsPerSecond ?? null;
    this.validation =
      options.validation && options.validation.count > 0 ? options.validation : null;
    this.model = built.model;
  }

  /** Changes the pace, also mid-run; null trains at full speed. Elapsed times exclude pacing waits. */
  setPace(epochsPerSecond: number | null): void {
    this.paceRequest = epochsPerSecond;
    this.pace = epochsPerSecond
      ? { epochsPerSecond, fromTime: now(), fromStep: this.stepsDone }
      : null;
  }

  /** How many more steps the pace allows now (Infinity at full speed). */
  private stepsAllowed(batchesPerEpoch: number): number {
    if (!this.pace) return Infinity;
    const { epochsPerSecond, fromTime, fromStep } = this.pace;
    const allowed =
      fromStep + Math.floor(((now() - fromTime) / 1000) * epochsPerSecond * batchesPerEpoch) + 1;
    return allowed - this.stepsDone;
  }

  get status(): TrainStatus {
    return this.statusValue;
  }

  pause(): void {
    if (this.statusValue !== 'running' || this.resumeGate) return;
    let open = () => {};
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.resumeGate = { promise, open };
  }

  resume(): void {
    const gate = this.resumeGate;
    this.resumeGate = null;
    gate?.open();
  }

  stop(): void {
    this.stopRequested = true;
    this.resume();
  }

  private setStatus(status: TrainStatus): void {
    this.statusValue = status;
    this.emit('status', status);
  }

  async run(): Promise<TrainOutcome> {
    if (this.statusValue !== 'idle') throw new Error('A Trainer runs once; make a new one.');
    this.setStatus('running');
    const { batchSize, epochs, shuffle, seed } = this.settings;
    const { count } = this.data;
    const batchesPerEpoch = Math.ceil(count / batchSize);
    const rand = createRng(seed ^ 0x5bd1e995);
    const accKind = accuracyKind(this.settings);

    const pending: PendingGroup[] = [];
    let elapsedMs = 0;
    let stretchStart = now();
    let step = 0;
    let epochLossSum = 0;
    let epochCorrect = 0;
    let epochSeen = 0;
    let lastLoss: number | null = null;
    const divergence: { at: { step: number; epoch: number; loss: number } | null } = { at: null };
    const validation = this.validation;
    const valByEpoch = new Map<number, Evaluation>();

    const flush = async () => {
      if (pending.length === 0) return;
      const groups = pending.splice(0, pending.length);
      const tensors = groups.flatMap((g) => (g.result instanceof Float32Array ? [] : [g.result]));
      let read: Float32Array = new Float32Array(0);
      if (tensors.length > 0) {
        const packed = tensors.length === 1 ? tensors[0]! : tf.concat(tensors);
        read = (await packed.data()) as Float32Array;
        if (packed !== tensors[0]) packed.dispose();
        tensors.forEach((t) => t.dispose());
      }
      let offset = 0;
      const elapsed = elapsedMs + (now() - stretchStart);
      for (const g of groups) {
        let values: Float32Array;
        if (g.result instanceof Float32Array) values = g.result;
        else {
          values = read.subarray(offset, offset + g.batches.length * 2);
          offset += g.batches.length * 2;
        }
        for (let i = 0; i < g.batches.length; i++) {
          const b = g.batches[i]!;
          const loss = values[2 * i]!;
          const correct = values[2 * i + 1]!;
          if (!Number.isFinite(loss)) {
            divergence.at = { step: b.step, epoch: b.epoch, loss };
            return;
          }
          const size = b.rows.length;
          lastLoss = loss;
          const accuracy = accKind ? correct / size : null;
          this.emit('batchEnd', {
            epoch: b.epoch,
            batch: b.batch,
            step: b.step,
            size,
            loss,
            accuracy,
            elapsedMs: elapsed,
          });
          epochLossSum += loss;
          epochCorrect += correct;
          epochSeen += size;
          if (b.lastOfEpoch) {
            const val = valByEpoch.get(b.epoch);
            valByEpoch.delete(b.epoch);
            this.emit('epochEnd', {
              epoch: b.epoch,
              step: b.step,
              loss: epochLossSum / (b.batch + 1),
              accuracy: accKind ? epochCorrect / epochSeen : null,
              valLoss: val?.loss ?? null,
              valAccuracy: val?.accuracy ?? null,
              elapsedMs: elapsed,
            });
            epochLossSum = epochCorrect = epochSeen = 0;
          }
        }
      }
    };

    const finish = (
      status: TrainOutcome['status'],
      epoch: number,
      error?: string,
    ): TrainOutcome => {
      pending.forEach((g) => g.result instanceof Float32Array || g.result.dispose());
      pending.length = 0;
      this.runner.dispose?.();
      const outcome: TrainOutcome = {
        status,
        step: divergence.at?.step ?? step,
        epoch,
        elapsedMs,
        loss: divergence.at?.loss ?? lastLoss,
        ...(error ? { error } : {}),
      };
      this.setStatus(status);
      this.emit('end', outcome);
      return outcome;
    };

    if (count === 0) return finish('failed', 0, 'there are no training examples');

    // Each epoch gets its own order array, so a group may span an epoch boundary.
    let epoch = 1;
    let batch = 0;
    let order = identityOrder(count);
    if (shuffle) shuffleInPlace(order, rand);
    let groupSize = 1;
    this.setPace(this.paceRequest);
    const nextBatch = (): BatchSpec | null => {
      if (epoch > epochs) return null;
      const start = batch * batchSize;
      const spec: BatchSpec = {
        epoch,
        batch,
        step: ++step,
        rows: order.subarray(start, Math.min(start + batchSize, count)),
        lastOfEpoch: batch === batchesPerEpoch - 1,
      };
      if (++batch === batchesPerEpoch) {
        batch = 0;
        epoch++;
        if (epoch <= epochs) {
          order = order.slice();
          if (shuffle) shuffleInPlace(order, rand);
        }
      }
      return spec;
    };

    try {
      // Start in a task of its own: whoever called run() may have work of its own in this one.
      await yieldToEventLoop();
      stretchStart = now();
      for (;;) {
        if (this.resumeGate || this.stopRequested) {
          await flush();
          elapsedMs += now() - stretchStart;
          if (divergence.at) return finish('diverged', divergence.at.epoch);
          if (this.resumeGate && !this.stopRequested) {
            this.setStatus('paused');
            await this.resumeGate.promise;
            if (!this.stopRequested) this.setStatus('running');
            this.setPace(this.paceRequest);
          }
          stretchStart = now();
          if (this.stopRequested) return finish('stopped', Math.min(epoch, epochs));
        }
        const allowed = this.stepsAllowed(batchesPerEpoch);
        if (allowed <= 0) {
          await flush();
          elapsedMs += now() - stretchStart;
          if (divergence.at) return finish('diverged', divergence.at.epoch);
          await new Promise((resolve) => setTimeout(resolve, 8));
          stretchStart = now();
          continue;
        }
        const batches: BatchSpec[] = [];
        for (let k = 0; k < Math.min(groupSize, allowed); k++) {
          const spec = nextBatch();
          if (!spec) break;
          batches.push(spec);
          // Validation needs the weights as they are at the end of the epoch.
          if (spec.lastOfEpoch && validation) break;
        }
        if (batches.length === 0) break;
        const groupStart = now();
        pending.push({ batches, result: this.runner.run(batches) });
        this.stepsDone = step;
        const groupMs = now() - groupStart;
        if (groupMs < GROUP_TARGET_MS / 2) groupSize = Math.min(MAX_GROUP, groupSize * 2);
        else if (groupMs > GROUP_TARGET_MS * 2) groupSize = Math.max(1, groupSize >> 1);
        const last = batches[batches.length - 1]!;
        if (last.lastOfEpoch && validation) {
          // Evaluated in chunks that yield to the page; counted in the run's time, as in Keras.
          valByEpoch.set(last.epoch, await evaluateModel(this.model, validation, this.settings));
        }
        if (now() - stretchStart >= this.budgetMs) {
          await flush();
          elapsedMs += now() - stretchStart;
          if (divergence.at) return finish('diverged', divergence.at.epoch);
          await yieldToEventLoop();
          stretchStart = now();
        }
      }
      await flush();
      elapsedMs += now() - stretchStart;
      if (divergence.at) return finish('diverged', divergence.at.epoch);
      return finish('done', epochs);
    } catch (err) {
      elapsedMs += now() - stretchStart;
      return finish('failed', Math.min(epoch, epochs), errorMessage(err));
    }
  }
}
