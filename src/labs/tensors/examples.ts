import type { DTypeChoice, TensorFn } from './tfRules';

export interface Example {
  label: string;
  /** What the example shows, for the button's tooltip. */
  title: string;
  text: string;
  fn: TensorFn;
  dtype: DTypeChoice;
}

/**
 * A counting tensor (0, 1, 2, … row-major) as a Python literal, one row of the last axis per
 * line and a blank line between blocks, the way numpy lays out what it prints.
 */
export function countingText(shape: readonly number[]): string {
  let next = 0;
  const build = (axis: number, indent: string): string => {
    const length = shape[axis]!;
    if (axis === shape.length - 1) {
      return `[${Array.from({ length }, () => next++).join(', ')}]`;
    }
    const gap = ',\n' + '\n'.repeat(shape.length - axis - 2) + indent + ' ';
    return `[${Array.from({ length }, () => build(axis + 1, `${indent} `)).join(gap)}]`;
  };
  return shape.length === 0 ? '0' : build(0, '');
}

export const LECTURE_INPUT = '[[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]';

/** The lecture's values, and a few that show one thing each. */
export const EXAMPLES: readonly Example[] = [
  {
    label: 'input_data',
    title:
      'The lecture: input_data = tf.constant([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])',
    text: LECTURE_INPUT,
    fn: 'constant',
    dtype: 'given',
  },
  {
    label: 'and_labels',
    title: 'The lecture: and_labels = tf.constant([0.0, 0.0, 0.0, 1.0])',
    text: '[0.0, 0.0, 0.0, 1.0]',
    fn: 'constant',
    dtype: 'given',
  },
  {
    label: 'ints → float32',
    title:
      'The lecture’s tf.cast example: tf.cast(tf.constant([[0, 0], [0, 1], [1, 0], [1, 1]]), tf.float32)',
    text: '[[0, 0], [0, 1], [1, 0], [1, 1]]',
    fn: 'cast',
    dtype: 'float32',
  },
  {
    label: 'my_array → float32',
    title: 'The lecture: tf.convert_to_tensor(value=my_array, dtype=tf.float32)',
    text: '[[0, 0], [0, 1], [1, 0], [1, 1]]',
    fn: 'convert_to_tensor',
    dtype: 'float32',
  },
  {
    label: 'a scalar',
    title: 'A single number: rank 0, shape ()',
    text: '42',
    fn: 'constant',
    dtype: 'given',
  },
  {
    label: '1.7 → int32',
    title: 'tf.cast(1.7, tf.int32): the fraction is cut off',
    text: '[1.7, -1.7, 2.5, 0.4]',
    fn: 'cast',
    dtype: 'int32',
  },
  {
    label: 'True/False',
    title: 'A bool tensor',
    text: '[[True, False], [False, True]]',
    fn: 'constant',
    dtype: 'given',
  },
  {
    label: 'rank 3',
    title: 'Two 2×3 grids: shape (2, 2, 3)',
    text: countingText([2, 2, 3]),
    fn: 'constant',
    dtype: 'given',
  },
  {
    label: 'rank 4 [3, 2, 4, 5]',
    title: 'The lecture’s drawing: a rank-4 tensor of shape [3, 2, 4, 5], counting 0 … 119',
    text: countingText([3, 2, 4, 5]),
    fn: 'constant',
    dtype: 'given',
  },
  {
    label: 'ragged',
    title: 'Rows of different lengths: not a tensor',
    text: '[[1, 2], [3]]',
    fn: 'constant',
    dtype: 'given',
  },
];
