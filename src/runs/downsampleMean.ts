/**
 * Reduces a trend line (a smoothed series) to at most `maxPoints` points for drawing: each bucket
 * of consecutive points becomes one, at the mean of its x and of its finite values. Unlike the
 * min/max view of a raw series, this keeps a trend a trend: the extremes of what is left of the
 * noise would otherwise draw a band. The stored data is never touched.
 */
export function downsampleMean(
  x: ArrayLike<number>,
  values: ArrayLike<number>,
  maxPoints: number,
): { x: number[]; y: number[] } {
  const n = Math.min(x.length, values.length);
  if (n <= maxPoints) {
    return {
      x: Array.from({ length: n }, (_, i) => x[i]!),
      y: Array.from({ length: n }, (_, i) => values[i]!),
    };
  }
  const buckets = Math.max(1, Math.floor(maxPoints));
  const outX: number[] = [];
  const outY: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    if (to <= from) continue;
    let sumX = 0;
    let sumY = 0;
    let finite = 0;
    for (let i = from; i < to; i++) {
      sumX += x[i]!;
      const v = values[i]!;
      if (Number.isFinite(v)) {
        sumY += v;
        finite++;
      }
    }
    outX.push(sumX / (to - from));
    outY.push(finite > 0 ? sumY / finite : Number.NaN);
  }
  return { x: outX, y: outY };
}
