import type { DTypeChoice, TensorFn } from './tfRules';

/** Its label and tooltip are the texts' `tensors.examples.<id>`. */
export type ExampleId =
  | 'inputData'
  | 'andLabels'
  | 'intsToFloat'
  | 'myArray'
  | 'scalar'
  | 'cast17'
  | 'bools'
  | 'rank3'
  | 'rank4'
  | 'ragged';

export interface Example {
  id: ExampleId;
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
    id: 'inputData',
    text: LECTURE_INPUT,
    fn: 'constant',
    dtype: 'given',
  },
  {
    id: 'andLabels',
    text: '[0.0, 0.0, 0.0, 1.0]',
    fn: 'constant',
    dtype: 'given',
  },
  {
    id: 'intsToFloat',
    text: '[[0, 0], [0, 1], [1, 0], [1, 1]]',
    fn: 'cast',
    dtype: 'float32',
  },
  {
    id: 'myArray',
    text: '[[0, 0], [0, 1], [1, 0], [1, 1]]',
    fn: 'convert_to_tensor',
    dtype: 'float32',
  },
  {
    id: 'scalar',
    text: '42',
    fn: 'constant',
    dtype: 'given',
  },
  {
    id: 'cast17',
    text: '[1.7, -1.7, 2.5, 0.4]',
    fn: 'cast',
    dtype: 'int32',
  },
  {
    id: 'bools',
    text: '[[True, False], [False, True]]',
    fn: 'constant',
    dtype: 'given',
  },
  {
    id: 'rank3',
    text: countingText([2, 2, 3]),
    fn: 'constant',
    dtype: 'given',
  },
  {
    id: 'rank4',
    text: countingText([3, 2, 4, 5]),
    fn: 'constant',
    dtype: 'given',
  },
  {
    id: 'ragged',
    text: '[[1, 2], [3]]',
    fn: 'constant',
    dtype: 'given',
  },
];
