/**
 * Reduces aligned series to at most about `maxPoints` rows for drawing. Each bucket keeps, per
 * series, its smallest and its largest value (in the order they occurred), so spikes survive.
 * The stored data is never touched: this is a view.
 */
export function downsampleMinMax(
  x: ArrayLike<number>,
  series: readonly ArrayLike<number>[],
  maxPoints: number,
): { x: number[]; series: number[][] } {
  const n = x.length;
  if (n <= maxPoints) {
    return {
      x: Array.from(x),
      series: series.map((s) =>
        Array.from({ length: n }, (_, i) => (i < s.length ? s[i]! : Number.NaN)),
      ),
    };
  }
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const outX: number[] = [];
  const out: number[][] = series.map(() => []);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    if (to <= from) continue;
    outX.push(x[from]!, x[to - 1]!);
    series.forEach((s, k) => {
      let lo = from;
      let hi = from;
      for (let i = from; i < to && i < s.length; i++) {
        if (s[i]! < s[lo]!) lo = i;
        if (s[i]! > s[hi]!) hi = i;
      }
      const first = Math.min(lo, hi);
      const second = Math.max(lo, hi);
      out[k]!.push(
        first < s.length ? s[first]! : Number.NaN,
        second < s.length ? s[second]! : Number.NaN,
      );
    });
  }
  return { x: outX, series: out };
}
