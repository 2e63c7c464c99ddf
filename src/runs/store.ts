import { Emitter } from '../engine/events';

/**
 * State that a view subscribes to. Urgent changes (a phase, a status) are published at once;
 * progress is published at most every `throttleMs`, however often it changes.
 */
export class ThrottledStore<S extends object> extends Emitter<{ change: S }> {
  private current: S;
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(
    initial: S,
    private readonly throttleMs = 100,
  ) {
    super();
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }

  protected update(patch: Partial<S>, urgent = true): void {
    this.current = { ...this.current, ...patch };
    if (urgent) {
      if (this.pending !== null) clearTimeout(this.pending);
      this.pending = null;
      this.emit('change', this.current);
    } else if (this.pending === null) {
      this.pending = setTimeout(() => {
        this.pending = null;
        this.emit('change', this.current);
      }, this.throttleMs);
    }
  }
}
