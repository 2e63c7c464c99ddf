import { scalarText, type DType } from './numpyText';

/** Up to `max` different "before → after" pairs of a cast, in order: `1.7 → 1`. */
export function castPairs(
  before: readonly number[],
  beforeDtype: DType,
  after: readonly number[],
  afterDtype: DType,
  max = 6,
): string[] {
  const pairs: string[] = [];
  const seen = new Set<string>();
  const limit = Math.min(before.length, 10_000);
  for (let i = 0; i < limit && pairs.length < max; i++) {
    const pair = `${scalarText(before[i]!, beforeDtype)} → ${scalarText(after[i]!, afterDtype)}`;
    if (!seen.has(pair)) {
      seen.add(pair);
      pairs.push(pair);
    }
  }
  return pairs;
}

/** What tf.cast does between two dtypes, in one sentence. */
export function castRule(from: DType, to: DType): string {
  if (from === to) {
    return `The tensor is already ${to}: TensorFlow’s tf.cast gives it back as it is; there is nothing to convert.`;
  }
  if (to === 'bool') return '0 becomes False; every other value becomes True.';
  if (from === 'bool') return 'True becomes 1 and False becomes 0.';
  if (to === 'int32') {
    return 'The fraction is cut off, toward zero: 1.7 → 1 and −1.7 → −1. Nothing is rounded (2.5 → 2).';
  }
  return 'The same numbers, now stored as 32-bit floats: what neural networks compute with.';
}
