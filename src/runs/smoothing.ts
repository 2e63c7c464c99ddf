/**
 * TensorBoard's scalar smoothing: an exponential moving average, debiased so the first points
 * are not pulled towards 0.
 *
 *   last     = last · w + (1 − w) · v
 *   smoothed = last / (1 − w^n)          n = how many values have entered the average
 *
 * `weight` is TensorBoard's slider, in [0, 1): 0 returns the values unchanged, 0.99 smooths hard.
 * With no skipped values n = i + 1, as in TensorBoard.
 *
 * Non-finite values (NaN, ±Infinity, e.g. a diverged loss) never enter the average: their point
 * carries the previous smoothed value (NaN if no finite value came before), and n does not count
 * them, so the debiasing stays exact. (TensorBoard shows the raw value at such a point instead.)
 */
export function smoothEma(values: ArrayLike<number>, weight: number): Float64Array {
  if (!(weight >= 0 && weight < 1))
    throw new RangeError(`smoothEma: weight ${weight} is not in [0, 1)`);
  const out = new Float64Array(values.length);
  let last = 0;
  let count = 0;
  let previous = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      last = last * weight + (1 - weight) * v;
      count++;
      previous = weight === 0 ? v : last / (1 - weight ** count);
    }
    out[i] = previous;
  }
  return out;
}
