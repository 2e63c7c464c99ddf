import { describe, expect, test } from 'vitest';
import { inEnglish } from '../test/english';
import {
  errorExcerpt,
  findUnbalanced,
  MAX_ELEMENTS,
  parseTensorText,
  type ParsedTensor,
  type TensorTextError,
} from './tensorText';

function ok(text: string): ParsedTensor {
  const result = parseTensorText(text);
  if (!result.ok)
    throw new Error(
      `expected ${JSON.stringify(text)} to parse: ${inEnglish(result.error.message)}`,
    );
  return result.tensor;
}

/** The error, with its message as the English page shows it. */
function bad(text: string, options = {}): Omit<TensorTextError, 'message'> & { message: string } {
  const result = parseTensorText(text, options);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to fail`);
  return { ...result.error, message: inEnglish(result.error.message) };
}

/** A Python literal of a counting tensor of the given shape: 0, 1, 2, … row-major. */
function countingLiteral(shape: number[]): string {
  let next = 0;
  const build = (axis: number): string =>
    axis === shape.length
      ? String(next++)
      : `[${Array.from({ length: shape[axis]! }, () => build(axis + 1)).join(', ')}]`;
  return build(0);
}

describe('the lecture’s values', () => {
  test('input_data = tf.constant([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]): shape (4, 2), float', () => {
    const t = ok('[[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]');
    expect(t.shape).toEqual([4, 2]);
    expect(t.values).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect(t.kind).toBe('float');
  });

  test('the tf.cast example [[0, 0], [0, 1], [1, 0], [1, 1]] is int', () => {
    const t = ok('[[0, 0], [0, 1], [1, 0], [1, 1]]');
    expect(t.shape).toEqual([4, 2]);
    expect(t.kind).toBe('int');
    expect(t.has).toEqual({ int: true, float: false, bool: false });
  });

  test('and_labels = [0.0, 0.0, 0.0, 1.0]: shape (4,)', () => {
    const t = ok('[0.0, 0.0, 0.0, 1.0]');
    expect(t.shape).toEqual([4]);
    expect(t.values).toEqual([0, 0, 0, 1]);
  });

  test('the rank-4 tensor of shape [3, 2, 4, 5], counting 0…119 row-major', () => {
    const t = ok(countingLiteral([3, 2, 4, 5]));
    expect(t.shape).toEqual([3, 2, 4, 5]);
    expect(t.values).toHaveLength(120);
    expect(t.values).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(t.kind).toBe('int');
  });
});

describe('literals', () => {
  test('a bare number is rank 0', () => {
    expect(ok('1.7')).toMatchObject({ shape: [], values: [1.7], kind: 'float' });
    expect(ok('  42 \n')).toMatchObject({ shape: [], values: [42], kind: 'int' });
    expect(ok('-3')).toMatchObject({ shape: [], values: [-3], kind: 'int' });
  });

  test('numbers: negative, decimals, exponents, numpy’s "1." and ".5", underscores', () => {
    const t = ok('[-1, -2.5, 1., .5, 1e3, -1.5E-2, +4, 1_000]');
    expect(t.values).toEqual([-1, -2.5, 1, 0.5, 1000, -0.015, 4, 1000]);
    expect(t.kind).toBe('float');
  });

  test('an exponent makes a float, as in Python (1e3 is 1000.0)', () => {
    expect(ok('[1e3, 2]').kind).toBe('float');
    expect(ok('[1, 2]').kind).toBe('int');
  });

  test('True/False/true/false are bools, stored as 1/0', () => {
    const t = ok('[True, False, true, false]');
    expect(t).toMatchObject({ values: [1, 0, 1, 0], shape: [4], kind: 'bool' });
  });

  test('TensorFlow infers from the first element: an int first with a float later is float', () => {
    expect(ok('[1, 2.5]').kind).toBe('float');
    expect(ok('[1.5, 2]').kind).toBe('float');
    expect(ok('[1, True]')).toMatchObject({ kind: 'int', values: [1, 1] });
    expect(ok('[True, 1]')).toMatchObject({ kind: 'bool', has: { bool: true, int: true } });
  });

  test('trailing commas, whitespace and newlines', () => {
    const t = ok('[\n  [0, 0,],\n  [0, 1],\n\t[1, 0],\r\n  [1, 1],\n]\n');
    expect(t.shape).toEqual([4, 2]);
    expect(t.values).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
  });

  test('numpy’s printed form, elements separated by spaces, reads back', () => {
    const t = ok('[[0. 0.]\n [0. 1.]\n [1. 0.]\n [1. 1.]]');
    expect(t.shape).toEqual([4, 2]);
    expect(t.values).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
  });

  test('empty lists make empty tensors, as in TensorFlow', () => {
    expect(ok('[]')).toMatchObject({ shape: [0], values: [], kind: 'float' });
    expect(ok('[[], []]')).toMatchObject({ shape: [2, 0], values: [] });
  });

  test('rank 6 is the deepest', () => {
    expect(ok('[[[[[[1]]]]]]').shape).toEqual([1, 1, 1, 1, 1, 1]);
    expect(bad('[[[[[[[1]]]]]]]')).toMatchObject({ kind: 'too-deep', column: 7 });
    expect(bad('[[[[[[[1]]]]]]]').message).toMatch(/rank 6/);
  });
});

describe('unbalanced brackets say where', () => {
  test('a [ never closed', () => {
    const e = bad('[[1, 2], [3, 4]');
    expect(e.kind).toBe('unbalanced');
    expect(e.column).toBe(1);
    expect(e.message).toMatch(/the \[ at column 1 is never closed/);
  });

  test('a ] with no [', () => {
    const e = bad('[[1, 2], [3, 4]]]');
    expect(e).toMatchObject({ kind: 'unbalanced', column: 17 });
    expect(e.message).toMatch(/the \] at column 17 has no \[ to close/);
    expect(bad(']')).toMatchObject({ kind: 'unbalanced', column: 1 });
  });

  test('a missing ] inside is reported as unbalanced, not as a ragged array', () => {
    const e = bad('[[1, 2, [3, 4]]');
    expect(e.kind).toBe('unbalanced');
    expect(e.message).toMatch(/never closed/);
  });

  test('several lines: line and column', () => {
    const e = bad('[[0, 0],\n [0, 1],\n [1, 0]');
    expect(e).toMatchObject({ kind: 'unbalanced', line: 1, column: 1 });
    const extra = bad('[[0, 0],\n [0, 1]]]');
    expect(extra).toMatchObject({ line: 2, column: 9 });
    expect(extra.message).toMatch(/line 2, column 9/);
  });

  test('findUnbalanced counts the missing brackets', () => {
    expect(inEnglish(findUnbalanced('[[[1')!.message)).toMatch(/3 \] are missing/);
    expect(findUnbalanced('[[1]]')).toBeNull();
  });
});

describe('ragged arrays name the rows', () => {
  test('[[1, 2], [3]]: row [1] has 1 element, row [0] has 2', () => {
    const e = bad('[[1, 2], [3]]');
    expect(e.kind).toBe('ragged');
    expect(e.path).toEqual([1]);
    expect(e.message).toMatch(/row \[1\] has 1 element, but row \[0\] has 2/);
  });

  test('a longer later row: [[1, 2], [3, 4, 5]]', () => {
    expect(bad('[[1, 2], [3, 4, 5]]').message).toMatch(
      /row \[1\] has 3 elements, but row \[0\] has 2/,
    );
  });

  test('deep paths', () => {
    const e = bad('[[[1, 2], [3, 4]], [[5, 6], [7]]]');
    expect(e.path).toEqual([1, 1]);
    expect(e.message).toMatch(/row \[1\]\[1\] has 1 element, but row \[0\]\[0\] has 2/);
  });

  test('lists above the rows are called lists', () => {
    expect(bad('[[[1, 2], [3, 4]], [[5, 6]]]').message).toMatch(
      /list \[1\] has 1 element, but list \[0\] has 2/,
    );
  });

  test('a number where a list belongs, and a list where a number belongs', () => {
    const number = bad('[[1, 2], 3]');
    expect(number).toMatchObject({ kind: 'ragged', path: [1] });
    expect(number.message).toMatch(/\[1\] is a number .*, but \[0\] is a list/);
    const list = bad('[1, [2]]');
    expect(list).toMatchObject({ kind: 'ragged', path: [1] });
    expect(list.message).toMatch(/\[1\] is a list .*, but \[0\] is a number/);
    expect(bad('[[], [[1]]]').message).toMatch(/\[1\]\[0\] is a list .*, but \[0\] is empty/);
  });

  test('an empty row among full ones', () => {
    expect(bad('[[1, 2], []]').message).toMatch(/row \[1\] has 0 elements, but row \[0\] has 2/);
  });
});

describe('text and other mistakes', () => {
  test('empty input', () => {
    expect(bad('')).toMatchObject({ kind: 'empty' });
    expect(bad('  \n ')).toMatchObject({ kind: 'empty' });
  });

  test('words are not numbers, with a hint', () => {
    const e = bad('[1, abc]');
    expect(e).toMatchObject({ kind: 'not-a-number', column: 5 });
    expect(e.message).toMatch(/"abc" at column 5 is not a number/);
    expect(bad('None').message).toMatch(/"None" .* not a number/);
    expect(bad('tf.constant([1])').message).toMatch(/not a name or a call/);
    expect(bad('[1, nan]').kind).toBe('not-a-number');
  });

  test('malformed numbers', () => {
    expect(bad('[1.2.3]').message).toMatch(/"1\.2\.3"/);
    expect(bad('[1e]').kind).toBe('not-a-number');
    expect(bad('[-]').kind).toBe('not-a-number');
    expect(bad(`[${'9'.repeat(200)}]`).message).toMatch(/too long/);
  });

  test('strings, tuples, stray commas, missing commas', () => {
    expect(bad('["a", "b"]').message).toMatch(/string/);
    expect(bad('(1, 2)').message).toMatch(/square brackets/);
    expect(bad('[1,, 2]').message).toMatch(/Unexpected comma at column 4/);
    expect(bad('[, 1]').kind).toBe('syntax');
    expect(bad('1, 2').message).toMatch(/put them in \[ \]/);
    expect(bad('[1] [2]').message).toMatch(/Extra text/);
    expect(bad('[[1][2]]').message).toMatch(/Unexpected \[ at column 5: expected a comma or a \]/);
  });

  test('the excerpt points at the column', () => {
    const text = '[[1, 2], [3, 4]]]';
    expect(errorExcerpt(text, bad(text))).toBe(`${text}\n${' '.repeat(16)}^`);
    const long = `[${'0, '.repeat(100)}x]`;
    const excerpt = errorExcerpt(long, bad(long), 40).split('\n');
    expect(excerpt[0]!.startsWith('…')).toBe(true);
    expect(excerpt[0]![excerpt[1]!.length - 1]).toBe('x');
  });
});

describe('size limit, checked while reading', () => {
  test(`up to ${MAX_ELEMENTS.toLocaleString('en')} elements parse`, () => {
    const t = ok(`[${'1, '.repeat(MAX_ELEMENTS - 1)}1]`);
    expect(t.values).toHaveLength(MAX_ELEMENTS);
  });

  test('one more is too large, and the message gives the count and the limit', () => {
    const e = bad(`[${'1, '.repeat(MAX_ELEMENTS)}1]`);
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/100,001 elements; the limit here is 100,000/);
  });

  test('10 million elements fail fast, without building them', () => {
    const text = `[${'0,'.repeat(10_000_000)}0]`;
    const start = performance.now();
    const e = bad(text);
    const ms = performance.now() - start;
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/10,000,001 elements; the limit here is 100,000/);
    expect(ms).toBeLessThan(1000);
  });

  test('nested too-large values, and a custom limit', () => {
    expect(bad('[[1, 2], [3, 4], [5, 6]]', { maxElements: 4 }).message).toMatch(
      /6 elements; the limit here is 4/,
    );
  });
});
