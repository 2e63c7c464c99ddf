/**
 * Classification metrics over plain arrays: argmax per row, confusion matrix, accuracy.
 * Pure TypeScript (no tfjs, no React), so it runs in Node tests, workers and the page alike.
 */

/**
 * The index of the largest value of each row of a row-major `rows × cols` matrix (e.g. softmax
 * outputs, one row per example). Ties go to the first index, as numpy's and tf's argmax do. NaN
 * never wins; a row of NaN only gives 0.
 */
export function argmaxRows(probs: ArrayLike<number>, rows: number, cols: number): Int32Array {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 1)
    throw new RangeError(`argmaxRows: bad shape ${rows}×${cols}`);
  if (probs.length < rows * cols)
    throw new RangeError(`argmaxRows: ${probs.length} values for a ${rows}×${cols} matrix`);
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < cols; c++) {
      const v = probs[base + c]!;
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    out[r] = best;
  }
  return out;
}

function checkLabel(value: number, classes: number, what: string, index: number): number {
  if (!Number.isInteger(value) || value < 0 || value >= classes)
    throw new RangeError(`${what}[${index}] = ${value} is not a class in 0…${classes - 1}`);
  return value;
}

/**
 * A `classes × classes` confusion matrix, row-major: `matrix[t * classes + p]` counts the
 * examples of true class `t` predicted as class `p` (rows = true class, as scikit-learn's
 * `confusion_matrix`). Labels must be integers in [0, classes).
 */
export function confusionMatrix(
  trueLabels: ArrayLike<number>,
  predicted: ArrayLike<number>,
  classes: number,
): Uint32Array {
  if (!Number.isInteger(classes) || classes < 1)
    throw new RangeError(`confusionMatrix: bad class count ${classes}`);
  if (trueLabels.length !== predicted.length)
    throw new RangeError(
      `confusionMatrix: ${trueLabels.length} true labels but ${predicted.length} predictions`,
    );
  const matrix = new Uint32Array(classes * classes);
  for (let i = 0; i < trueLabels.length; i++) {
    const t = checkLabel(trueLabels[i]!, classes, 'trueLabels', i);
    const p = checkLabel(predicted[i]!, classes, 'predicted', i);
    matrix[t * classes + p]!++;
  }
  return matrix;
}

/** How many examples of each true class the matrix holds (its row sums). */
export function rowTotals(matrix: ArrayLike<number>, classes: number): number[] {
  const totals: number[] = [];
  for (let t = 0; t < classes; t++) {
    let sum = 0;
    for (let p = 0; p < classes; p++) sum += matrix[t * classes + p]!;
    totals.push(sum);
  }
  return totals;
}

/**
 * The accuracy on each true class (its recall): the diagonal over the row sum, in [0, 1].
 * A class with no examples gets **NaN** (not 0, which would read as "all wrong"; and a number
 * rather than null, so the result stays a plain `number[]`): test with `Number.isNaN`.
 */
export function perClassAccuracy(matrix: ArrayLike<number>, classes: number): number[] {
  if (matrix.length !== classes * classes)
    throw new RangeError(`perClassAccuracy: ${matrix.length} cells for ${classes} classes`);
  return rowTotals(matrix, classes).map((total, t) =>
    total === 0 ? Number.NaN : matrix[t * classes + t]! / total,
  );
}

/** The share of predictions equal to the true label, in [0, 1]; NaN for no examples. */
export function accuracy(trueLabels: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (trueLabels.length !== predicted.length)
    throw new RangeError(
      `accuracy: ${trueLabels.length} true labels but ${predicted.length} predictions`,
    );
  if (trueLabels.length === 0) return Number.NaN;
  let right = 0;
  for (let i = 0; i < trueLabels.length; i++) if (trueLabels[i] === predicted[i]) right++;
  return right / trueLabels.length;
}
