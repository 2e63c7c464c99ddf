import {
  activateBackend,
  chooseFastest,
  fallbackOrder,
  probeWebGL,
  type BackendChoice,
  type BackendName,
  type WebGLInfo,
} from './backends';
import { Emitter } from './events';

export interface BackendState {
  choice: BackendChoice;
  active: BackendName | null;
  /** Why this backend trains: the measurement behind "auto", or the user's choice. */
  reason: string;
  /** Fallbacks that happened, newest last, shown to the user. */
  notices: string[];
  webgl: WebGLInfo;
  busy: boolean;
}

/** Picks, starts and, when one fails, replaces the backend the labs train on. */
export class BackendController extends Emitter<{ change: BackendState }> {
  private current: BackendState;
  private readonly decisions = new Map<string, { backend: BackendName; reason: string }>();
  /** Backends that broke during this session (a lost WebGL context does not come back). */
  private readonly broken = new Set<BackendName>();

  constructor(choice: BackendChoice) {
    super();
    this.current = {
      choice,
      active: null,
      reason: '',
      notices: [],
      webgl: probeWebGL(),
      busy: false,
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
  ): Promise<BackendName> {
    this.update({ busy: true });
    try {
      const { choice } = this.current;
      if (choice === 'auto') {
        let decision = this.decisions.get(key);
        if (!decision || !(await activateBackend(decision.backend))) {
          const candidates = (['cpu', 'wasm', 'webgl'] as const).filter((b) => !this.broken.has(b));
          decision = await chooseFastest(this.current.webgl, measure, candidates);
          this.decisions.set(key, decision);
        }
        await activateBackend(decision.backend);
        this.update({ active: decision.backend, reason: `auto: ${decision.reason}` });
        return decision.backend;
      }
      for (const backend of fallbackOrder(choice)) {
        if (this.broken.has(backend)) continue;
        if (await activateBackend(backend)) {
          if (backend === choice) this.update({ active: backend, reason: 'chosen by you' });
          else if (this.broken.has(choice)) this.update({ active: backend });
          else this.note(`${choice} failed to start; training on ${backend} instead`, backend);
          return backend;
        }
      }
      throw new Error('No tfjs backend could start in this browser.');
    } finally {
      this.update({ busy: false });
    }
  }

  /** After `failed` broke mid-run: moves to the next backend that starts, and says so. */
  async fallback(failed: BackendName, why: string): Promise<BackendName> {
    this.broken.add(failed);
    for (const [key, decision] of this.decisions)
      if (decision.backend === failed) this.decisions.delete(key);
    for (const backend of fallbackOrder(failed).slice(1)) {
      if (this.broken.has(backend) || (backend === 'webgl' && this.current.webgl.software))
        continue;
      if (await activateBackend(backend)) {
        this.note(`${failed} stopped working (${why}); restarted on ${backend}`, backend);
        return backend;
      }
    }
    throw new Error(`${failed} stopped working (${why}) and no other backend could start.`);
  }

  private note(message: string, active: BackendName): void {
    this.update({ active, reason: message, notices: [...this.current.notices, message] });
  }
}
