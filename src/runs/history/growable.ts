type NumberArray = Float32Array | Float64Array;

/**
 * An append-only typed array that doubles its capacity when full, so n pushes cost O(n) in all.
 * Values below `length` never change once pushed: views of them stay valid.
 */
export class GrowableArray<T extends NumberArray> {
  private buffer: T;
  private size = 0;

  constructor(
    private readonly make: (capacity: number) => T,
    capacity = 256,
  ) {
    this.buffer = make(Math.max(1, capacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.buffer.length) {
      const bigger = this.make(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[this.size++] = value;
  }

  /** The first `n` values (default all), without copying: valid as long as they are not overwritten, which is never. */
  view(n = this.size): T {
    return this.buffer.subarray(0, Math.min(n, this.size)) as T;
  }

  /** A copy of the first `n` values (default all), with a buffer of exactly that size. */
  copy(n = this.size): T {
    return this.buffer.slice(0, Math.min(n, this.size)) as T;
  }
}

export const growableFloat32 = (capacity?: number) =>
  new GrowableArray((n) => new Float32Array(n), capacity);
export const growableFloat64 = (capacity?: number) =>
  new GrowableArray((n) => new Float64Array(n), capacity);
