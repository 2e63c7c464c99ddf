import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfusionMatrixProps {
  /** k×k counts, row-major: matrix[t * k + p] = examples of true class t predicted as p. */
  matrix: Uint32Array | readonly number[];
  /** k class names, used for row and column headers. */
  labels: readonly string[];
  /** Short column headers (e.g. "T-shirt" for "T-shirt/top"); defaults to `labels`. */
  shortLabels?: readonly string[];
  /** Called with (true class, predicted class) when a cell is clicked; makes cells buttons. */
  onSelectCell?: (trueClass: number, predictedClass: number) => void;
  /** The highlighted cell, if any. */
  selectedCell?: readonly [number, number] | null;
  /** Axis names and the recall column's header (by default in the page's language). */
  trueAxisLabel?: string;
  predictedAxisLabel?: string;
  accuracyLabel?: string;
  /** Table caption (visible), e.g. "Test set, 10,000 images". */
  caption?: string;
  className?: string;
}

const percent = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–');

/**
 * A confusion matrix as a table: rows are the true class, columns the predicted class. Each cell
 * is shaded by its share of its row (so every class reads on the same scale however many
 * examples it has): the diagonal (right answers) in blue, mistakes in red. The last column is
 * each class's accuracy (recall). Wide tables scroll sideways in their box.
 */
export function ConfusionMatrix({
  matrix,
  labels,
  shortLabels,
  onSelectCell,
  selectedCell = null,
  trueAxisLabel,
  predictedAxisLabel,
  accuracyLabel,
  caption,
  className,
}: ConfusionMatrixProps) {
  const { t } = useTranslation();
  const k = labels.length;
  if (matrix.length !== k * k)
    throw new RangeError(`ConfusionMatrix: ${matrix.length} cells for ${k} labels`);
  const columnLabels = shortLabels ?? labels;
  const totals = labels.map((_, row) => {
    let sum = 0;
    for (let p = 0; p < k; p++) sum += matrix[row * k + p]!;
    return sum;
  });

  return (
    <div className={['confusion', className ?? ''].filter(Boolean).join(' ')}>
      <table className="confusion-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col" className="confusion-corner">
              <span className="confusion-axis">
                {trueAxisLabel ?? t('ui.confusion.trueClass')} ↓
              </span>
              <span className="confusion-axis">
                {predictedAxisLabel ?? t('ui.confusion.predictedClass')} →
              </span>
            </th>
            {columnLabels.map((name, p) => (
              <th key={p} scope="col" className="confusion-col" title={labels[p]}>
                <span>{name}</span>
              </th>
            ))}
            <th scope="col" className="confusion-col confusion-acc-head">
              <span>{accuracyLabel ?? t('ui.confusion.accuracy')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {labels.map((name, row) => (
            <tr key={row}>
              <th scope="row" className="confusion-row">
                {name}
              </th>
              {labels.map((_, p) => {
                const count = matrix[row * k + p]!;
                const share = totals[row]! > 0 ? count / totals[row]! : 0;
                const diagonal = row === p;
                const selected = selectedCell?.[0] === row && selectedCell[1] === p;
                const classes = [
                  'confusion-cell',
                  diagonal ? 'diagonal' : 'off',
                  count === 0 ? 'zero' : '',
                  share > 0.5 ? 'dark' : '',
                  selected ? 'selected' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                // Some tint for any count at all, so rare mistakes are not invisible.
                const style = {
                  '--share': count === 0 ? 0 : 0.06 + 0.94 * Math.sqrt(share),
                } as CSSProperties;
                const description = t('ui.confusion.cell', {
                  n: count,
                  name,
                  predicted: labels[p],
                });
                return (
                  <td key={p} className={classes} style={style} title={description}>
                    {onSelectCell ? (
                      <button
                        type="button"
                        aria-label={description}
                        aria-pressed={selected}
                        onClick={() => onSelectCell(row, p)}
                      >
                        {count}
                      </button>
                    ) : (
                      count
                    )}
                  </td>
                );
              })}
              <td className="confusion-acc num">
                {percent(totals[row]! > 0 ? matrix[row * k + row]! / totals[row]! : Number.NaN)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
