import * as tf from '@tensorflow/tfjs';
import {
  activateBackend,
  chooseFastest,
  fallbackOrder,
  probeWebGL,
  type BackendChoice,
  type BackendDecision,
  type BackendName,
  type WebGLInfo,
} from './backends';
import { Emitter } from './events';
import { message, MessageError, type Message, type Text } from './message';
import { checkWasmFastPathAhead } from './wasmCheck';
import { warmFusedPath } from './fusedWarmUp';

export interface BackendState {
  choice: BackendChoice;
  active: BackendName | null;
  /** Why this backend trains: the measurement behind "auto", or the user's choice. */
  reason: Message | null;
  /** Fallbacks that happened, newest last, shown to the user. */
  notices: Message[];
  webgl: WebGLInfo;
  busy: boolean;
  /** While the warm-up starts wasm ahead of Train: no tensor can be made until it is done. */
  warming: boolean;
}

/** Picks, starts and, when one fails, replaces the backend the labs train on. */
export class BackendController extends Emitter<{ change: BackendState }> {
  private current: BackendState;
  private readonly decisions = new Map<string, BackendDecision>();
  /** Backends that broke during this session (a lost WebGL context does not come back). */
  private readonly broken = new Set<BackendName>();
  /** A warm-up under way: `prepare` waits for it, so the two never switch backends at once. */
  private warming: Promise<void> = Promise.resolve();
  private warmed = false;
  /** Set once a lab works on tensors: no warm-up may start after that. */
  private claimed = false;

  constructor(choice: BackendChoice) {
    super();
    this.current = {
      choice,
      active: null,
      reason: null,
      notices: [],
      webgl: probeWebGL(),
      busy: false,
      warming: false,
    };
  }

  get state(): BackendState {
    return this.current;
  }

  private update(patch: Partial<BackendState>): void {
    this.current = { ...this.current, ...patch };
    this.emit('change', this.current);
  }

  setChoice(choice: BackendChoice): void {
    if (choice !== this.current.choice) this.update({ choice, notices: [] });
  }

  /**
   * Makes the backend for a model active. `key` names the model (auto's measurement is cached per
   * key), `measure` times one training step on the active backend.
   */
  async prepare(
    key: string,
    measure: (backend: BackendName) => Promise<number>,
    runSteps?: number,
  ): Promise<BackendName> {
    this.update({ busy: true });
    try {
      await this.claim();
      const { choice } = this.current;
      if (choice === 'auto') {
        let decision = this.decisions.get(key);
        if (!decision || !(await activateBackend(decision.backend))) {
          const candidates = (['cpu', 'wasm', 'webgl'] as const).filter((b) => !this.broken.has(b));
          decision = await chooseFastest(this.current.webgl, measure, candidates, runSteps);
          this.decisions.set(key, decision);
        }
        await activateBackend(decision.backend);
        this.update({
          active: decision.backend,
          reason: message('backend.auto', { reason: decision.reason }),
        });
        return await this.checked(decision.backend);
      }
      for (const backend of fallbackOrder(choice)) {
        if (this.broken.has(backend)) continue;
        if (await activateBackend(backend)) {
          if (backend === choice)
            this.update({ active: backend, reason: message('backend.chosenByYou') });
          else if (this.broken.has(choice)) this.update({ active: backend });
          else this.note(message('backend.choiceFailed', { choice, backend }), backend);
          return await this.checked(backend);
        }
      }
      throw new MessageError(message('backend.noneStarted'));
    } finally {
      this.update({ busy: false });
    }
  }

  /**
   * The fast wasm path's start-up check (once per backend), in short tasks of its own before
   * training starts, rather than all at once inside the task that builds the first model.
   */
  private async checked(backend: BackendName): Promise<BackendName> {
    if (backend === 'wasm') await checkWasmFastPathAhead();
    return backend;
  }

  /**
   * Gets ahead of the first Train while the student reads, in what the choice will use: starts
   * the wasm backend and its fast path's check, then makes the backend that was active so again
   * (starting wasm's threads holds the page for a task of 60–110 ms); and lets V8 compile the
   * CPU backend's fused path (its first step is otherwise a long task for a big model).
   */
  warmUp(): Promise<void> {
    const { choice } = this.current;
    if (this.warmed || choice === 'webgl') return this.warming;
    this.warmed = true;
    this.warming = this.warming.then(async () => {
      // Once a lab works on tensors (or picks its backend), switching away would break that work.
      if (this.claimed || this.current.active !== null || this.current.busy) return;
      if (choice !== 'cpu') await this.startWasmAhead();
      if (choice !== 'wasm') await warmFusedPath();
    });
    return this.warming;
  }

  private async startWasmAhead(): Promise<void> {
    const before = tf.getBackend() as BackendName | undefined;
    if (before === 'wasm') return;
    this.update({ warming: true });
    try {
      if (!(await activateBackend('wasm'))) return;
      await checkWasmFastPathAhead();
      if (before) await activateBackend(before);
    } finally {
      this.update({ warming: false });
    }
  }

  /**
   * Work on tensors outside `prepare` (loading a model file) calls this first: it waits for a
   * warm-up under way (while a backend starts, tfjs refuses every operation) and keeps one from
   * starting later (it would switch backends under that work).
   */
  claim(): Promise<void> {
    this.claimed = true;
    return this.warming;
  }

  /** After `failed` broke mid-run: moves to the next backend that starts, and says so. */
  async fallback(failed: BackendName, why: Text): Promise<BackendName> {
    this.broken.add(failed);
    for (const [key, decision] of this.decisions)
      if (decision.backend === failed) this.decisions.delete(key);
    for (const backend of fallbackOrder(failed).slice(1)) {
      if (this.broken.has(backend) || (backend === 'webgl' && this.current.webgl.software))
        continue;
      if (await activateBackend(backend)) {
        this.note(message('backend.restarted', { failed, why, backend }), backend);
        return backend;
      }
    }
    throw new MessageError(message('backend.noneLeft', { failed, why }));
  }

  private note(notice: Message, active: BackendName): void {
    this.update({ active, reason: notice, notices: [...this.current.notices, notice] });
  }
}
