import { useTranslation } from 'react-i18next';
import { useNumber } from '../../i18n/hooks';
import { jsShape, pythonShape } from './numpyText';
import type { TensorReading } from './makeTensor';

/** Shape, rank, dtype and size, read from the tfjs tensor, as Python and tfjs write them. */
export function TensorFacts({ tensor, backend }: { tensor: TensorReading; backend: string }) {
  const { t } = useTranslation();
  const number = useNumber();
  const { shape, rank, dtype, size } = tensor;
  const product = shape.length > 1 ? ` = ${shape.join(' × ')}` : '';
  return (
    <table className="facts" aria-label={t('tensors.facts.label')}>
      <thead>
        <tr>
          <th />
          <th>Python (TensorFlow)</th>
          <th>JavaScript (tfjs)</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">shape</th>
          <td>
            <code>x.shape</code> → <strong data-testid="shape-python">{pythonShape(shape)}</strong>
          </td>
          <td>
            <code>x.shape</code> → <strong data-testid="shape-js">{jsShape(shape)}</strong>
          </td>
        </tr>
        <tr>
          <th scope="row">rank</th>
          <td>
            <code>x.ndim</code> → <strong data-testid="rank">{rank}</strong>
          </td>
          <td>
            <code>x.rank</code> → <strong>{rank}</strong>
          </td>
        </tr>
        <tr>
          <th scope="row">dtype</th>
          <td>
            <code>x.dtype</code> → <strong data-testid="dtype">tf.{dtype}</strong>
          </td>
          <td>
            <code>x.dtype</code> → <strong>'{dtype}'</strong>
          </td>
        </tr>
        <tr>
          <th scope="row">size</th>
          <td>
            <code>tf.size(x)</code> → <strong data-testid="size">{number(size)}</strong>
          </td>
          <td>
            <code>x.size</code> → <strong>{number(size)}</strong>
          </td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3} className="muted small">
            {t(rank === 0 ? 'tensors.facts.footScalar' : 'tensors.facts.foot', {
              product,
              backend,
            })}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
