import type { BackendController } from '../../engine/backendController';
import type { BackendName } from '../../engine/backends';
import { gateData, type Gate } from '../../data/gates';
import { measureStepMs } from '../../engine/measure';
import type { ModelConfig } from '../../engine/config';
import { buildModel, createOptimizer, summarize, type BuiltModel } from '../../engine/model';
import {
  checkLoadedModel,
  downloadModel,
  loadModelFiles,
  type ModelFile,
} from '../../engine/modelFiles';
import { grid2d, predictRows } from '../../engine/predict';
import { yieldToEventLoop } from '../../engine/schedule';
import { Trainer, type TrainOutcome, type TrainStatus } from '../../engine/trainer';
import { fallBackFrom, runWatched } from '../../engine/watchedRun';
import { ThrottledStore } from '../../runs/store';
import { browserRunHistory } from '../../runs/history/browser';
import { TrainerRecording } from '../../runs/history/fromTrainer';
import { RunRecorder, type RecorderInit } from '../../runs/history/recorder';
import { predictGate } from './evaluate';
import { modelName, type GatesSettings } from './settings';
import { errorText, message, MessageError, type Text } from '../../engine/message';

export const GRID_N = 40;
export const GRID_DOMAIN = [-0.25, 1.25] as const;
const GRID = grid2d(GRID_N, GRID_DOMAIN[0], GRID_DOMAIN[1]);
const PREVIEW_EVERY_MS = 150;

export interface ModelRun {
  /** "SLP" or "MLP [4]": the model as it was when this run started. */
  name: string;
  status: TrainStatus;
  epoch: number;
  epochs: number;
  step: number;
  elapsedMs: number;
  /** Mean loss of each finished epoch. */
  losses: number[];
  outputs: Float32Array | null;
  grid: Float32Array | null;
  outcome: TrainOutcome | null;
  /** The .json file this slot's model was loaded from, or null if it was trained here. */
  loadedFrom: string | null;
}

/** A slot no model has been trained in or loaded into yet (its name is empty). */
const EMPTY_RUN: ModelRun = {
  name: '',
  status: 'idle',
  epoch: 0,
  epochs: 1,
  step: 0,
  elapsedMs: 0,
  losses: [],
  outputs: null,
  grid: null,
  outcome: null,
  loadedFrom: null,
};

export type RunPhase = 'idle' | 'preparing' | 'running' | 'paused' | 'finished';

export interface RunState {
  phase: RunPhase;
  gate: Gate | null;
  backend: BackendName | null;
  models: ModelRun[];
  error: Text | null;
}

const IDLE: RunState = { phase: 'idle', gate: null, backend: null, models: [], error: null };

/** What the run history keeps of one model's run (the repeat-over-seeds sweep is not recorded). */
function recordInit(gate: Gate, model: ModelConfig, backend: BackendName): RecorderInit {
  const config = { gate, ...model };
  return {
    lab: 'gates',
    name: `${gate} ${modelName(model)}`,
    config,
    backend,
    trainCount: 4,
    batchSize: model.batchSize,
  };
}

/**
 * Trains the lab's two models side by side on one backend, keeps their curves and live
 * predictions, and restarts on the next backend if the current one breaks mid-run.
 */
export class GatesRun extends ThrottledStore<RunState> {
  /** One per slot; a slot is empty until a model is trained or loaded into it. */
  private built: (BuiltModel | undefined)[] = [];
  private trainers: Trainer[] = [];
  private generation = 0;
  private pace: number | null = null;

  constructor(private readonly backend: BackendController) {
    super(IDLE);
  }

  private patchModel(i: number, patch: Partial<ModelRun>, urgent = false): void {
    const models = this.state.models.slice();
    models[i] = { ...models[i]!, ...patch };
    this.update({ models }, urgent);
  }

  /** Epochs per second to watch the models learn, or null for full speed; applies mid-run too. */
  setPace(epochsPerSecond: number | null): void {
    this.pace = epochsPerSecond;
    this.trainers.forEach((t) => t.setPace(epochsPerSecond));
  }

  async start(settings: GatesSettings): Promise<void> {
    const generation = ++this.generation;
    this.stopTrainers();
    this.freeModels();
    const data = gateData(settings.gate);
    const largest = settings.models.reduce((a, b) =>
      summarize(b).total > summarize(a).total ? b : a,
    );
    this.update({
      ...IDLE,
      phase: 'preparing',
      gate: settings.gate,
      models: settings.models.map((m) => ({ ...EMPTY_RUN, name: modelName(m), epochs: m.epochs })),
    });
    // Let the page show "preparing" before the backend work starts.
    await yieldToEventLoop();
    if (generation !== this.generation) return;
    let backend: BackendName;
    try {
      // Both models' updates, each timed as the larger one's: a bound on the run's steps.
      const runSteps = settings.models.reduce(
        (n, m) => n + m.epochs * Math.ceil(data.count / m.batchSize),
        0,
      );
      backend = await this.backend.prepare(
        `gates:${JSON.stringify(largest)}`,
        () => measureStepMs(largest, data),
        runSteps,
      );
    } catch (err) {
      this.update({ phase: 'idle', error: errorText(err) });
      return;
    }
    if (generation !== this.generation) return;
    const history = await browserRunHistory();
    if (generation !== this.generation) return;

    this.built = settings.models.map((m) => buildModel(m));
    this.trainers = settings.models.map((m, i) => {
      const trainer = new Trainer(this.built[i]!, m, data, { epochsPerSecond: this.pace });
      const losses: number[] = [];
      trainer.on('epochEnd', (e) => {
        losses.push(e.loss);
        this.patchModel(i, { epoch: e.epoch, step: e.step, elapsedMs: e.elapsedMs, losses });
      });
      trainer.on('status', (status) => {
        this.patchModel(i, { status }, true);
        const all = this.trainers.map((t) => t.status);
        if (all.includes('running')) this.update({ phase: 'running' });
        else if (all.includes('paused')) this.update({ phase: 'paused' });
      });
      return trainer;
    });
    const recordings = this.trainers.map(
      (t, i) =>
        history &&
        new TrainerRecording(
          t,
          new RunRecorder(history, recordInit(settings.gate, settings.models[i]!, backend)),
        ),
    );
    this.update({ phase: 'running', backend });
    const running = runWatched(this.trainers);
    const preview = this.previewLoop(generation);
    const { outcomes, brokenBy } = await running;
    recordings.forEach((r, i) => void r?.finish(outcomes?.[i], brokenBy !== null));
    if (generation !== this.generation) return;
    outcomes?.forEach((outcome, i) =>
      this.patchModel(i, { outcome, elapsedMs: outcome.elapsedMs, step: outcome.step }),
    );
    if (brokenBy) {
      const error = await fallBackFrom(this.backend, backend, brokenBy);
      if (error) this.update({ phase: 'finished', error });
      else if (generation === this.generation) await this.start(settings);
      return;
    }
    await preview;
    await this.refreshPredictions(generation);
    if (generation === this.generation) this.update({ phase: 'finished' });
  }

  private async previewLoop(generation: number): Promise<void> {
    while (
      generation === this.generation &&
      this.trainers.some((t) => t.status === 'running' || t.status === 'paused')
    ) {
      await this.refreshPredictions(generation);
      await new Promise((resolve) => setTimeout(resolve, PREVIEW_EVERY_MS));
    }
  }

  private async refreshPredictions(generation: number): Promise<void> {
    for (let i = 0; i < this.built.length; i++) {
      const model = this.built[i]?.model;
      if (!model) continue;
      try {
        const outputs = await predictGate(model);
        const grid = await predictRows(model, GRID, GRID_N * GRID_N, [2]);
        if (generation !== this.generation) return;
        this.patchModel(i, { outputs, grid }, this.state.phase === 'finished');
      } catch {
        return; // the model was freed by a newer run, or the backend broke: the run handles it
      }
    }
  }

  /** Whether slot `index` holds a model (trained, training, or loaded) that can be saved. */
  hasModel(index: number): boolean {
    return this.built[index] !== undefined;
  }

  /** Saves slot `index`'s model as tfjs files: `name.json` and `name.weights.bin` download. */
  async downloadModel(index: number, name: string): Promise<void> {
    const built = this.built[index];
    if (!built) throw new MessageError(message('gates.files.notTrained', { n: index + 1 }));
    await downloadModel(built.model, name);
  }

  /**
   * Loads a saved model (its .json and .weights.bin) into slot `index`, in place of the model
   * there, and shows its predictions. Throws, with a message that says what is wrong, if the files
   * cannot be read or the model's architecture is not `expected`; the slot is then unchanged.
   */
  async loadModel(
    index: number,
    files: readonly ModelFile[],
    expected: ModelConfig,
  ): Promise<void> {
    if (this.trainers.some((t) => t.status === 'running' || t.status === 'paused')) {
      throw new MessageError(message('gates.files.waitForTraining'));
    }
    await this.backend.claim();
    const model = await loadModelFiles(files);
    const problem = checkLoadedModel(model, expected);
    let outputs: Float32Array;
    let grid: Float32Array;
    try {
      if (problem) throw new MessageError(message('gates.files.mismatch', { problem }));
      outputs = await predictGate(model);
      grid = await predictRows(model, GRID, GRID_N * GRID_N, [2]);
    } catch (err) {
      model.dispose();
      throw err;
    }
    const optimizer = createOptimizer(expected.optimizer);
    const loaded: BuiltModel = {
      model,
      optimizer,
      dispose() {
        optimizer.dispose();
        model.dispose();
      },
    };
    try {
      this.built[index]?.dispose();
    } catch {
      // Weights on a backend that broke are gone already.
    }
    this.built[index] = loaded;
    const models = this.state.models.slice();
    for (let i = 0; i <= index; i++) models[i] ??= EMPTY_RUN;
    const jsonName = files.find((f) => f.name.toLowerCase().endsWith('.json'))!.name;
    models[index] = {
      ...EMPTY_RUN,
      name: modelName(expected),
      epochs: expected.epochs,
      outputs,
      grid,
      loadedFrom: jsonName,
    };
    this.update({ models }, true);
  }

  pause(): void {
    this.trainers.forEach((t) => t.pause());
  }

  resume(): void {
    this.trainers.forEach((t) => t.resume());
  }

  stop(): void {
    this.stopTrainers();
  }

  private stopTrainers(): void {
    this.trainers.forEach((t) => t.stop());
  }

  private freeModels(): void {
    for (const b of this.built) {
      try {
        b?.dispose();
      } catch {
        // Weights on a backend that broke (a lost WebGL context) are gone already.
      }
    }
    this.built = [];
  }

  dispose(): void {
    this.generation++;
    this.stopTrainers();
    // Let stopped trainers finish their current stretch before their weights go.
    setTimeout(() => this.freeModels(), 0);
  }
}
