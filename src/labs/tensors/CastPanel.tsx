import { Trans, useTranslation } from 'react-i18next';
import { useSay } from '../../i18n/hooks';
import { castPairs, castRule } from './castText';
import type { MadeTensor } from './makeTensor';
import { tensorStr } from './numpyText';

/** tf.cast, before and after side by side, and what changed. */
export function CastPanel({ made, inputCall }: { made: MadeTensor; inputCall: string }) {
  const { t } = useTranslation();
  const say = useSay();
  const { before, result } = made;
  if (!before) return null;
  const pairs = castPairs(before.values, before.dtype, result.values, result.dtype);
  return (
    <>
      <div className="cast-pair">
        <figure>
          <figcaption>
            <Trans
              i18nKey="tensors.cast.before"
              values={{ call: inputCall, dtype: before.dtype }}
              components={{ code: <code />, strong: <strong /> }}
            />
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
            <Trans
              i18nKey="tensors.cast.after"
              values={{ dtype: result.dtype }}
              components={{ code: <code />, strong: <strong /> }}
            />
          </figcaption>
          <pre className="printout" data-testid="cast-after">
            {tensorStr(result.values, result.shape, result.dtype)}
          </pre>
        </figure>
      </div>
      <div className="row wrap">
        <ul
          className="cast-changes"
          aria-label={t('tensors.cast.changes')}
          data-testid="cast-changes"
        >
          {pairs.map((p) => (
            <li key={p}>
              <code>{p}</code>
            </li>
          ))}
        </ul>
        <p className="small">{say(castRule(before.dtype, result.dtype))}</p>
      </div>
    </>
  );
}

/** The lecture's point: a tensor cannot change, so tf.cast makes another one. */
export function ImmutableNote({ cast }: { cast: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="hint">
      <Trans
        i18nKey="tensors.cast.immutable"
        values={{
          note: t(cast ? 'tensors.cast.castNote' : 'tensors.cast.newNote'),
          error:
            "TypeError: 'tensorflow.python.framework.ops.EagerTensor' object does not support item assignment",
        }}
        components={{ strong: <strong />, code: <code />, long: <code className="long" /> }}
      />
    </p>
  );
}
