import type * as tf from '@tensorflow/tfjs';
import { fashionImages, type FashionMnist } from '../../data/fashionMnist';
import type { BackendController } from '../../engine/backendController';
import type { BackendName } from '../../engine/backends';
import type { TrainData } from '../../engine/batch';
import type { ModelConfig } from '../../engine/config';
import { evaluateModel } from '../../engine/evaluate';
import { measureStepMs } from '../../engine/measure';
import { argmaxRows, confusionMatrix } from '../../engine/metrics';
import { buildModel, createOptimizer, type BuiltModel } from '../../engine/model';
import {
  checkLoadedModel,
  downloadModel,
  loadModelFiles,
  modelFiles,
  type ModelFile,
} from '../../engine/modelFiles';
import { yieldToEventLoop } from '../../engine/schedule';
import type { StepPath } from '../../engine/stepRunner';
import { Trainer, type EpochEnd, type TrainOutcome, type TrainStatus } from '../../engine/trainer';
import { fallBackFrom, runWatched } from '../../engine/watchedRun';
import { ThrottledStore } from '../../runs/store';
import { browserRunHistory } from '../../runs/history/browser';
import { TrainerRecording } from '../../runs/history/fromTrainer';
import { RunRecorder, type RecorderInit } from '../../runs/history/recorder';
import { splitCounts, type FashionSettings } from './settings';
import { errorText, message, MessageError, type Text } from '../../engine/message';

export interface TestResults {
  loss: number;
  accuracy: number;
  /** Softmax outputs, 10 per test image. */
  probabilities: Float32Array;
  predicted: Int32Array;
  confusion: Uint32Array;
}

export type FashionPhase = 'idle' | 'preparing' | 'running' | 'paused' | 'evaluating' | 'finished';

/** The phases in which a run is on: no model can be loaded then. */
const BUSY: readonly FashionPhase[] = ['preparing', 'running', 'paused', 'evaluating'];

export interface FashionRunState {
  phase: FashionPhase;
  status: TrainStatus;
  backend: BackendName | null;
  error: Text | null;
  /** What this run trains: the settings as they were when Train was pressed (or a model loaded). */
  config: ModelConfig | null;
  /** The .json file the model was loaded from, or null if it was trained here. */
  loadedFrom: string | null;
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
  /** How the steps are computed: the fast path of the backend ("wasm", "fused") or "tfjs". */
  path: StepPath | null;
  /** Why the backend's fast path is off, when its start-up check failed (English, technical). */
  pathNote: string | null;
}

const IDLE: FashionRunState = {
  phase: 'idle',
  status: 'idle',
  backend: null,
  error: null,
  config: null,
  loadedFrom: null,
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
  path: null,
  pathNote: null,
};

/** What the run history keeps of a run: the model and the data it saw. */
function recordInit(
  settings: FashionSettings,
  trainCount: number,
  backend: BackendName,
): RecorderInit {
  const { model, validationShare } = settings;
  const shape = model.hidden.map((h) => h.units).join(', ');
  return {
    lab: 'fashion',
    name: `Fashion-MNIST [${shape}]`,
    config: { ...model, trainCount: settings.trainCount, validationShare },
    backend,
    trainCount,
    batchSize: model.batchSize,
  };
}

type Judgement = Pick<FashionRunState, 'test' | 'firstLayer'>;

/** `model.evaluate` and `model.predict` on the test images, the confusion matrix, the weights. */
async function judgement(
  model: tf.LayersModel,
  config: ModelConfig,
  test: TrainData,
  onProgress?: (done: number, total: number) => void,
): Promise<Judgement> {
  const evaluation = await evaluateModel(model, test, config, { keepOutputs: true, onProgress });
  const probabilities = evaluation.outputs!;
  const predicted = argmaxRows(probabilities, test.count, config.output.units);
  const kernelVar = model.trainableWeights[0]!.read();
  const kernel = (await kernelVar.data()) as Float32Array;
  return {
    test: {
      loss: evaluation.loss,
      accuracy: evaluation.accuracy ?? 0,
      probabilities,
      predicted,
      confusion: confusionMatrix(test.y, predicted, config.output.units),
    },
    firstLayer: { kernel: Float32Array.from(kernel), units: kernelVar.shape[1]! },
  };
}

/**
 * One training run of the image classifier, then its judgement on the test set: the lecture's
 * `fit` and `evaluate`/`predict`, as a store the page subscribes to.
 */
export class FashionRun extends ThrottledStore<FashionRunState> {
  private built: BuiltModel | null = null;
  private trainer: Trainer | null = null;
  private generation = 0;

  constructor(private readonly backend: BackendController) {
    // Progress 4 times a second: each publish re-renders the charts, which costs the training time.
    super(IDLE, 250);
  }

  async start(settings: FashionSettings, data: FashionMnist): Promise<void> {
    const generation = ++this.generation;
    this.trainer?.stop();
    this.free();
    const config = settings.model;
    const counts = splitCounts(settings);
    const train = fashionImages(data.train, 0, counts.train);
    const validation = fashionImages(data.train, counts.train, counts.validation);
    const test = fashionImages(data.test, 0, data.test.count);
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
      backend = await this.prepareBackend(config, data, counts.train);
    } catch (err) {
      this.update({ phase: 'idle', error: errorText(err) });
      return;
    }
    if (generation !== this.generation) return;

    const history = await browserRunHistory();
    if (generation !== this.generation) return;

    const built = (this.built = buildModel(config));
    const trainer = (this.trainer = new Trainer(built, config, train, {
      validation: counts.validation > 0 ? validation : undefined,
    }));
    const recording =
      history &&
      new TrainerRecording(
        trainer,
        new RunRecorder(history, recordInit(settings, counts.train, backend)),
      );
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
    const { kind: path, fallbackReason: pathNote } = trainer.runner;
    this.update({ phase: 'running', backend, path, pathNote });
    const { outcomes, brokenBy } = await runWatched([trainer]);
    const judging =
      !brokenBy &&
      generation === this.generation &&
      ['done', 'stopped'].includes(outcomes?.[0]?.status ?? '');
    if (!judging) void recording?.finish(outcomes?.[0], brokenBy !== null);
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
      const judged = generation === this.generation ? this.state.test : null;
      void recording?.finish(outcome, false, {
        testLoss: judged?.loss ?? null,
        testAccuracy: judged?.accuracy ?? null,
      });
    }
    if (generation === this.generation) this.update({ phase: 'finished' });
  }

  /**
   * Makes the backend that trains `config` active (auto times a few steps on a slice of the data,
   * with the batch size capped so a full-batch run is measured quickly; the choice is kept per model).
   */
  private prepareBackend(
    config: ModelConfig,
    data: FashionMnist,
    trainCount: number,
  ): Promise<BackendName> {
    const probe = { ...config, batchSize: Math.min(config.batchSize, 512) };
    const sample = fashionImages(data.train, 0, Math.max(1, Math.min(trainCount, 2048)));
    return this.backend.prepare(`fashion:${JSON.stringify(probe)}`, () =>
      measureStepMs(probe, sample, 150, 64),
    );
  }

  /** `model.evaluate` and `model.predict` on the test images, the confusion matrix, the weights. */
  private async judge(generation: number, built: BuiltModel, config: ModelConfig, test: TrainData) {
    this.update({ phase: 'evaluating', testProgress: 0 });
    let judged: Judgement;
    try {
      judged = await judgement(built.model, config, test, (done, total) =>
        this.update({ testProgress: done / total }, false),
      );
    } catch (err) {
      if (generation !== this.generation) return; // the model was freed by a newer run
      throw err;
    }
    if (generation !== this.generation) return;
    this.update(judged);
  }

  /** Whether there is a model (trained, training, or loaded) to save. */
  hasModel(): boolean {
    return this.built !== null;
  }

  /** The model's two tfjs files, `name.json` and `name.weights.bin`, as `model.save` writes them. */
  async savedFiles(name: string): ReturnType<typeof modelFiles> {
    if (!this.built) throw new MessageError(message('fashion.files.notTrained'));
    return modelFiles(this.built.model, name);
  }

  /** Saves the model as tfjs files: `name.json` and `name.weights.bin` download. Browser only. */
  async downloadModel(name: string): Promise<void> {
    if (!this.built) throw new MessageError(message('fashion.files.notTrained'));
    await downloadModel(this.built.model, name);
  }

  /**
   * Loads a saved model (its .json and .weights.bin) in place of the lab's, and judges it on the
   * test set at once, as after training. Throws, with a message that says what is wrong, if a run
   * is on, the files cannot be read, or the model's architecture is not `settings.model`'s; the
   * lab's model and state are then unchanged.
   */
  async loadModel(
    files: readonly ModelFile[],
    settings: FashionSettings,
    data: FashionMnist,
  ): Promise<void> {
    if (BUSY.includes(this.state.phase)) {
      throw new MessageError(message('fashion.files.waitForTraining'));
    }
    const generation = ++this.generation;
    const config = settings.model;
    const backend = await this.prepareBackend(config, data, splitCounts(settings).train);
    if (generation !== this.generation) return; // Train was pressed meanwhile
    const model = await loadModelFiles(files);
    let judged: Judgement;
    try {
      const problem = checkLoadedModel(model, config);
      if (problem) throw new MessageError(message('fashion.files.mismatch', { problem }));
      judged = await judgement(model, config, fashionImages(data.test, 0, data.test.count));
    } catch (err) {
      model.dispose();
      throw err;
    }
    if (generation !== this.generation) {
      model.dispose();
      return;
    }
    const optimizer = createOptimizer(config.optimizer);
    this.trainer = null;
    this.free();
    this.built = {
      model,
      optimizer,
      dispose() {
        optimizer.dispose();
        model.dispose();
      },
    };
    this.update(
      {
        ...IDLE,
        phase: 'finished',
        backend,
        config,
        loadedFrom: files.find((f) => f.name.toLowerCase().endsWith('.json'))!.name,
        ...judged,
      },
      true,
    );
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
