import type { FashionMnist } from '../../data/fashionMnist';
import type { BackendController } from '../../engine/backendController';
import type { BackendName } from '../../engine/backends';
import type { TrainData } from '../../engine/batch';
import type { ModelConfig } from '../../engine/config';
import { evaluateModel } from '../../engine/evaluate';
import { measureStepMs } from '../../engine/measure';
import { argmaxRows, confusionMatrix } from '../../engine/metrics';
import { buildModel, type BuiltModel } from '../../engine/model';
import { yieldToEventLoop } from '../../engine/schedule';
import { Trainer, type EpochEnd, type TrainOutcome, type TrainStatus } from '../../engine/trainer';
import { fallBackFrom, runWatched } from '../../engine/watchedRun';
import { ThrottledStore } from '../../runs/store';
import { splitCounts, type FashionSettings } from './settings';
import { errorMessage } from '../../engine/errors';

const PIXELS = 28 * 28;

/** The first `count` images from `start` of a split, as engine data (bytes scaled by 1/255). */
export function imageData(split: FashionMnist['train'], start: number, count: number): TrainData {
  return {
    x: split.images.subarray(start * PIXELS, (start + count) * PIXELS),
    y: split.labels.subarray(start, start + count),
    count,
    xShape: [28, 28],
    yShape: [1],
    xScale: 1 / 255,
  };
}

export interface TestResults {
  loss: number;
  accuracy: number;
  /** Softmax outputs, 10 per test image. */
  probabilities: Float32Array;
  predicted: Int32Array;
  confusion: Uint32Array;
}

export type FashionPhase = 'idle' | 'preparing' | 'running' | 'paused' | 'evaluating' | 'finished';

export interface FashionRunState {
  phase: FashionPhase;
  status: TrainStatus;
  backend: BackendName | null;
  error: string | null;
  /** What this run trains: the settings as they were when Train was pressed. */
  config: ModelConfig | null;
  trainCount: number;
  validationCount: number;
  batchesPerEpoch: number;
  epoch: number;
  batch: number;
  step: number;
  samplesSeen: number;
  elapsedMs: number;
  /** The loss of every update step, in order. */
  batchLosses: number[];
  epochs: EpochEnd[];
  outcome: TrainOutcome | null;
  /** 0 to 1 while the test set is being evaluated. */
  testProgress: number;
  test: TestResults | null;
  /** The first Dense layer's kernel, [784, units], for the weight pictures. */
  firstLayer: { kernel: Float32Array; units: number } | null;
}

const IDLE: FashionRunState = {
  phase: 'idle',
  status: 'idle',
  backend: null,
  error: null,
  config: null,
  trainCount: 0,
  validationCount: 0,
  batchesPerEpoch: 0,
  epoch: 0,
  batch: 0,
  step: 0,
  samplesSeen: 0,
  elapsedMs: 0,
  batchLosses: [],
  epochs: [],
  outcome: null,
  testProgress: 0,
  test: null,
  firstLayer: null,
};

/**
 * One training run of the image classifier, then its judgement on the test set: the lecture's
 * `fit` and `evaluate`/`predict`, as a store the page subscribes to.
 */
export class FashionRun extends ThrottledStore<FashionRunState> {
  private built: BuiltModel | null = null;
  private trainer: Trainer | null = null;
  private generation = 0;

  constructor(private readonly backend: BackendController) {
    super(IDLE);
  }

  async start(settings: FashionSettings, data: FashionMnist): Promise<void> {
    const generation = ++this.generation;
    this.trainer?.stop();
    this.free();
    const config = settings.model;
    const counts = splitCounts(settings);
    const train = imageData(data.train, 0, counts.train);
    const validation = imageData(data.train, counts.train, counts.validation);
    const test = imageData(data.test, 0, data.test.count);
    this.update({
      ...IDLE,
      phase: 'preparing',
      config,
      trainCount: counts.train,
      validationCount: counts.validation,
      batchesPerEpoch: Math.ceil(counts.train / config.batchSize),
    });
    await yieldToEventLoop();
    let backend: BackendName;
    try {
      // Timed on a slice of the data, with the batch size capped so a full-batch run is measured quickly.
      const probe = { ...config, batchSize: Math.min(config.batchSize, 512) };
      const sample = imageData(data.train, 0, Math.min(counts.train, 2048));
      backend = await this.backend.prepare(`fashion:${JSON.stringify(probe)}`, () =>
        measureStepMs(probe, sample, 150, 64),
      );
    } catch (err) {
      this.update({ phase: 'idle', error: errorMessage(err) });
      return;
    }
    if (generation !== this.generation) return;

    const built = (this.built = buildModel(config));
    const trainer = (this.trainer = new Trainer(built, config, train, {
      validation: counts.validation > 0 ? validation : undefined,
    }));
    const batchLosses: number[] = [];
    const epochs: EpochEnd[] = [];
    let samplesSeen = 0;
    trainer.on('batchEnd', (b) => {
      batchLosses.push(b.loss);
      samplesSeen += b.size;
      this.update(
        {
          epoch: b.epoch,
          batch: b.batch + 1,
          step: b.step,
          samplesSeen,
          elapsedMs: b.elapsedMs,
          batchLosses,
        },
        false,
      );
    });
    trainer.on('epochEnd', (e) => {
      epochs.push(e);
      this.update({ epochs: [...epochs] }, false);
    });
    trainer.on('status', (status) => {
      const phase =
        status === 'paused' ? 'paused' : status === 'running' ? 'running' : this.state.phase;
      this.update({ status, phase });
    });
    this.update({ phase: 'running', backend });
    const { outcomes, brokenBy } = await runWatched([trainer]);
    if (generation !== this.generation) return;
    const outcome = outcomes?.[0] ?? null;
    this.update({
      outcome,
      step: outcome?.step ?? this.state.step,
      elapsedMs: outcome?.elapsedMs ?? 0,
      batchLosses: [...batchLosses],
    });
    if (brokenBy) {
      const error = await fallBackFrom(this.backend, backend, brokenBy);
      if (error) this.update({ phase: 'finished', error });
      else if (generation === this.generation) await this.start(settings, data);
      return;
    }
    if (outcome?.status === 'done' || outcome?.status === 'stopped') {
      await this.judge(generation, built, config, test);
    }
    if (generation === this.generation) this.update({ phase: 'finished' });
  }

  /** `model.evaluate` and `model.predict` on the test images, the confusion matrix, the weights. */
  private async judge(generation: number, built: BuiltModel, config: ModelConfig, test: TrainData) {
    this.update({ phase: 'evaluating', testProgress: 0 });
    const evaluation = await evaluateModel(built.model, test, config, {
      keepOutputs: true,
      onProgress: (done, total) => this.update({ testProgress: done / total }, false),
    });
    if (generation !== this.generation) return;
    const probabilities = evaluation.outputs!;
    const predicted = argmaxRows(probabilities, test.count, config.output.units);
    const kernelVar = built.model.trainableWeights[0]!.read();
    const kernel = (await kernelVar.data()) as Float32Array;
    if (generation !== this.generation) return;
    this.update({
      test: {
        loss: evaluation.loss,
        accuracy: evaluation.accuracy ?? 0,
        probabilities,
        predicted,
        confusion: confusionMatrix(test.y, predicted, config.output.units),
      },
      firstLayer: { kernel: Float32Array.from(kernel), units: kernelVar.shape[1]! },
    });
  }

  pause(): void {
    this.trainer?.pause();
  }

  resume(): void {
    this.trainer?.resume();
  }

  stop(): void {
    this.trainer?.stop();
  }

  private free(): void {
    try {
      this.built?.dispose();
    } catch {
      // Weights on a backend that broke (a lost WebGL context) are gone already.
    }
    this.built = null;
  }

  dispose(): void {
    this.generation++;
    this.trainer?.stop();
    setTimeout(() => this.free(), 0);
  }
}
