import type { FashionMnist } from '../../data/fashionMnist';
import type { BackendController } from '../../engine/backendController';
import type { BackendName } from '../../engine/backends';
import { errorText, type Text } from '../../engine/message';
import { measureStepMs } from '../../engine/measure';
import { buildModel, type BuiltModel } from '../../engine/model';
import { grid2d, predictRows } from '../../engine/predict';
import { yieldToEventLoop } from '../../engine/schedule';
import { Trainer, type TrainOutcome } from '../../engine/trainer';
import { fallBackFrom, runWatched } from '../../engine/watchedRun';
import { browserRunHistory } from '../../runs/history/browser';
import { TrainerRecording } from '../../runs/history/fromTrainer';
import type { RunRecord } from '../../runs/history/record';
import { RunRecorder } from '../../runs/history/recorder';
import type { RunHistory } from '../../runs/history/store';
import { ThrottledStore } from '../../runs/store';
import { labData, type LabData } from './descentData';
import {
  effectiveBatch,
  modelForData,
  runColors,
  runKind,
  splitCounts,
  VALIDATION_SHARE,
  type BatchChoice,
  type DescentSettings,
  type RunKind,
} from './settings';
import { UNRECORDED } from './unrecorded';

export const MAP_N = 40;
/** How often the page gets new curves while a run trains. */
const PUBLISH_MS = 250;
const MAP_EVERY_MS = 300;

export interface PlannedRun {
  choice: BatchChoice;
  /** The batch size used: the choice, at most N. */
  batchSize: number;
  kind: RunKind;
  name: string;
  color: string;
}

export type DescentPhase = 'idle' | 'preparing' | 'running' | 'paused' | 'finished';

export interface DescentRunState {
  phase: DescentPhase;
  backend: BackendName | null;
  error: Text | null;
  /** The settings as they were when Train was pressed. */
  settings: DescentSettings | null;
  trainCount: number;
  validationCount: number;
  epochs: number;
  plans: PlannedRun[];
  /** The live record of each run started so far, in plan order. */
  records: RunRecord[];
  outcomes: (TrainOutcome | null)[];
  /** The run training now (an index into plans), or −1. */
  current: number;
  /** 2-D data: each run's decision map (MAP_N² outputs), and the points and square it shows. */
  maps: (Float32Array | null)[];
  plane: LabData['plane'];
}

const IDLE: DescentRunState = {
  phase: 'idle',
  backend: null,
  error: null,
  settings: null,
  trainCount: 0,
  validationCount: 0,
  epochs: 0,
  plans: [],
  records: [],
  outcomes: [],
  current: -1,
  maps: [],
  plane: null,
};

/** The runs of a comparison, with their names and colours; names come from the page (its language). */
export function planRuns(
  settings: DescentSettings,
  name: (kind: RunKind, batchSize: number) => string,
): PlannedRun[] {
  const { train } = splitCounts(settings);
  const kinds = settings.runs.map((choice) => runKind(choice, train));
  const colors = runColors(kinds);
  return settings.runs.map((choice, i) => {
    const batchSize = effectiveBatch(choice, train);
    return {
      choice,
      batchSize,
      kind: kinds[i]!,
      name: name(kinds[i]!, batchSize),
      color: colors[i]!,
    };
  });
}

/**
 * Trains the runs of a comparison one after the other (not interleaved: each run's times are its
 * own), each from the same initial weights and the same shuffling (one seed), records each in the
 * run history, and keeps their live records for the chart.
 */
export class DescentRun extends ThrottledStore<DescentRunState> {
  private built: BuiltModel | null = null;
  private trainer: Trainer | null = null;
  private recorders: RunRecorder[] = [];
  private generation = 0;
  private stopRequested = false;
  private publishTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly backend: BackendController) {
    super(IDLE);
  }

  async start(settings: DescentSettings, fashion: FashionMnist | null, plans: PlannedRun[]) {
    const generation = ++this.generation;
    this.trainer?.stop();
    this.free();
    this.recorders = [];
    this.stopRequested = false;
    const config = modelForData(settings.model, settings.data);
    const counts = splitCounts(settings);
    let data: LabData;
    try {
      data = labData(settings, fashion);
    } catch (err) {
      this.update({ ...IDLE, error: errorText(err) });
      return;
    }
    this.update({
      ...IDLE,
      phase: 'preparing',
      settings,
      trainCount: counts.train,
      validationCount: counts.validation,
      epochs: config.epochs,
      plans,
      outcomes: plans.map(() => null),
      maps: plans.map(() => null),
      plane: data.plane,
    });
    await yieldToEventLoop();
    const history = (await browserRunHistory()) ?? UNRECORDED;
    let backend: BackendName;
    try {
      // All runs train on one backend, chosen for the model at a mini-batch size (capped, so it is quick).
      const mini = plans.find((p) => p.kind === 'mini')?.batchSize ?? 64;
      const probe = { ...config, batchSize: Math.min(mini, 512, counts.train) };
      const sample = { ...data.train, count: Math.min(data.train.count, 2048) };
      backend = await this.backend.prepare(`descent:${JSON.stringify(probe)}`, () =>
        measureStepMs(probe, sample, 150, 64),
      );
    } catch (err) {
      if (generation === this.generation) this.update({ phase: 'idle', error: errorText(err) });
      return;
    }
    if (generation !== this.generation) return;
    this.update({ phase: 'running', backend });

    for (let i = 0; i < plans.length; i++) {
      if (generation !== this.generation || this.stopRequested) break;
      const brokenBy = await this.trainOne(i, settings, data, backend, history, generation);
      if (generation !== this.generation) return;
      if (brokenBy) {
        const error = await fallBackFrom(this.backend, backend, brokenBy);
        if (error) this.update({ phase: 'finished', error });
        else if (generation === this.generation) await this.start(settings, fashion, plans);
        return;
      }
    }
    if (generation === this.generation) this.update({ phase: 'finished', current: -1 });
  }

  /** Trains run `i` to its end; returns why the backend broke, or null. */
  private async trainOne(
    i: number,
    settings: DescentSettings,
    data: LabData,
    backend: BackendName,
    history: RunHistory,
    generation: number,
  ): Promise<Text | null> {
    const plan = this.state.plans[i]!;
    const config = { ...modelForData(settings.model, settings.data), batchSize: plan.batchSize };
    // The same seed gives every run the same initial weights and the same order of examples.
    const built = (this.built = buildModel(config));
    const trainer = (this.trainer = new Trainer(built, config, data.train, {
      validation: data.validation ?? undefined,
    }));
    const recorder = new RunRecorder(history, {
      lab: 'descent',
      name: plan.name,
      color: plan.color,
      config: {
        data: settings.data,
        ...(settings.data === 'fashion' ? { images: settings.images } : {}),
        ...(settings.data === 'gates' ? { gate: settings.gate } : {}),
        ...(data.plane && settings.data !== 'gates'
          ? { points: settings.points, noise: settings.noise }
          : {}),
        validationShare: data.validation ? VALIDATION_SHARE : 0,
        hidden: config.hidden,
        optimizer: config.optimizer,
        loss: config.loss,
        epochs: config.epochs,
        seed: config.seed,
        batchSize: plan.batchSize,
      },
      backend,
      trainCount: data.train.count,
      batchSize: plan.batchSize,
    });
    this.recorders[i] = recorder;
    const recording = new TrainerRecording(trainer, recorder);
    trainer.on('batchEnd', () => this.schedulePublish());
    trainer.on('status', (status) => {
      if (status === 'paused' || status === 'running') this.update({ phase: status });
    });
    this.update({ current: i, records: this.liveRecords() });

    const maps = data.plane ? this.mapLoop(i, built, data.plane.domain, generation) : null;
    const { outcomes, brokenBy } = await runWatched([trainer]);
    const outcome = outcomes?.[0] ?? null;
    void recording.finish(outcome, brokenBy !== null);
    await maps;
    if (data.plane && !brokenBy) await this.refreshMap(i, built, data.plane.domain, generation);
    this.free();
    if (generation === this.generation) {
      const outcomesNow = this.state.outcomes.slice();
      outcomesNow[i] = outcome;
      this.update({ outcomes: outcomesNow, records: this.liveRecords() });
    }
    return brokenBy;
  }

  private liveRecords(): RunRecord[] {
    return this.recorders.filter(Boolean).map((r) => r.record);
  }

  /** New curves for the page a few times a second, however many updates a second train. */
  private schedulePublish(): void {
    if (this.publishTimer !== null) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = null;
      this.update({ records: this.liveRecords() });
    }, PUBLISH_MS);
  }

  private async mapLoop(
    i: number,
    built: BuiltModel,
    domain: readonly [number, number],
    generation: number,
  ) {
    const training = () => ['idle', 'running', 'paused'].includes(this.trainer?.status ?? 'done');
    while (generation === this.generation && built === this.built && training()) {
      await this.refreshMap(i, built, domain, generation);
      await new Promise((resolve) => setTimeout(resolve, MAP_EVERY_MS));
    }
  }

  private async refreshMap(
    i: number,
    built: BuiltModel,
    domain: readonly [number, number],
    generation: number,
  ): Promise<void> {
    if (built !== this.built) return;
    try {
      const values = await predictRows(
        built.model,
        grid2d(MAP_N, domain[0], domain[1]),
        MAP_N * MAP_N,
        [2],
      );
      if (generation !== this.generation) return;
      const maps = this.state.maps.slice();
      maps[i] = values;
      this.update({ maps });
    } catch {
      // The model was freed by a newer run, or the backend broke: the run handles it.
    }
  }

  pause(): void {
    this.trainer?.pause();
  }

  resume(): void {
    this.trainer?.resume();
  }

  /** Stops the run training now; the runs after it are not trained. */
  stop(): void {
    this.stopRequested = true;
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
    this.stopRequested = true;
    this.trainer?.stop();
    if (this.publishTimer !== null) clearTimeout(this.publishTimer);
    setTimeout(() => this.free(), 0);
  }
}
