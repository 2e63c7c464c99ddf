import { message, type Message } from '../../engine/message';
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
export function castRule(from: DType, to: DType): Message {
  if (from === to) return message('tensors.cast.rules.same', { dtype: to });
  if (to === 'bool') return message('tensors.cast.rules.toBool');
  if (from === 'bool') return message('tensors.cast.rules.fromBool');
  if (to === 'int32') return message('tensors.cast.rules.toInt');
  return message('tensors.cast.rules.toFloat');
}
