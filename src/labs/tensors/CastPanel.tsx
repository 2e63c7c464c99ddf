import { castPairs, castRule } from './castText';
import type { MadeTensor } from './makeTensor';
import { tensorStr } from './numpyText';

/** tf.cast, before and after side by side, and what changed. */
export function CastPanel({ made, inputCall }: { made: MadeTensor; inputCall: string }) {
  const { before, result } = made;
  if (!before) return null;
  const pairs = castPairs(before.values, before.dtype, result.values, result.dtype);
  return (
    <>
      <div className="cast-pair">
        <figure>
          <figcaption>
            before: <code>{inputCall}</code> is <strong>{before.dtype}</strong>
          </figcaption>
          <pre className="printout" data-testid="cast-before">
            {tensorStr(before.values, before.shape, before.dtype)}
          </pre>
        </figure>
        <div className="cast-arrow" aria-hidden="true">
          →
        </div>
        <figure>
          <figcaption>
            after: <code>tf.cast(…, tf.{result.dtype})</code> is a new{' '}
            <strong>{result.dtype}</strong> tensor
          </figcaption>
          <pre className="printout" data-testid="cast-after">
            {tensorStr(result.values, result.shape, result.dtype)}
          </pre>
        </figure>
      </div>
      <div className="row wrap">
        <ul
          className="cast-changes"
          aria-label="Values before and after"
          data-testid="cast-changes"
        >
          {pairs.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
        <p className="small">{castRule(before.dtype, result.dtype)}</p>
      </div>
    </>
  );
}

/** The lecture's point: a tensor cannot change, so tf.cast makes another one. */
export function ImmutableNote({ cast }: { cast: boolean }) {
  return (
    <p className="hint">
      <strong>A tensor is immutable</strong> (생성된 tensor의 element 값을 생성 이후에 변경할 수
      없다): once made, its elements cannot change.{' '}
      {cast
        ? 'tf.cast does not change its input: it makes a new tensor, in new memory. '
        : 'To change a value, make a new tensor (it gets new memory). '}
      The lecture’s <code>input_data = tf.cast(input_data, tf.float32)</code> only points the name{' '}
      <code>input_data</code> at the new tensor. Changing an element, <code>x[0, 0] = 5</code>,
      raises{' '}
      <code className="long">
        TypeError: &apos;tensorflow.python.framework.ops.EagerTensor&apos; object does not support
        item assignment
      </code>
      .
    </p>
  );
}
