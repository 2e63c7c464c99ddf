import { describe, expect, test } from 'vitest';
import { jsShape, numpyStr, pythonShape, scalarText, tensorStr } from './numpyText';
import { pythonFloat, pythonLiteral } from './pythonText';

const f32 = (values: number[]) => Array.from(Float32Array.from(values));
const arange = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('print(t) as TensorFlow prints it', () => {
  test('the lecture’s input_data', () => {
    expect(tensorStr([0, 0, 0, 1, 1, 0, 1, 1], [4, 2], 'float32')).toBe(
      'tf.Tensor(\n[[0. 0.]\n [0. 1.]\n [1. 0.]\n [1. 1.]], shape=(4, 2), dtype=float32)',
    );
  });

  test('and_labels, a rank-1 tensor on one line', () => {
    expect(tensorStr([0, 0, 0, 1], [4], 'float32')).toBe(
      'tf.Tensor([0. 0. 0. 1.], shape=(4,), dtype=float32)',
    );
  });

  test('int32 and bool', () => {
    expect(numpyStr([0, 0, 0, 1, 1, 0, 1, 1], [4, 2], 'int32')).toBe(
      '[[0 0]\n [0 1]\n [1 0]\n [1 1]]',
    );
    expect(numpyStr([1, 0], [2], 'bool')).toBe('[ True False]');
    expect(numpyStr([-1, 100], [2], 'int32')).toBe('[ -1 100]');
  });

  test('scalars print like Python numbers', () => {
    expect(tensorStr(f32([1.7]), [], 'float32')).toBe('tf.Tensor(1.7, shape=(), dtype=float32)');
    expect(tensorStr([1], [], 'int32')).toBe('tf.Tensor(1, shape=(), dtype=int32)');
    expect(scalarText(1, 'float32')).toBe('1.0');
    expect(scalarText(f32([1e-5])[0]!, 'float32')).toBe('1e-05');
    expect(scalarText(f32([1e16])[0]!, 'float32')).toBe('1e+16');
    expect(scalarText(f32([123456789])[0]!, 'float32')).toBe('123456790.0');
    expect(scalarText(1, 'bool')).toBe('True');
  });

  test('float32 values print with their shortest digits, aligned at the point', () => {
    expect(numpyStr(f32([1.7]), [1], 'float32')).toBe('[1.7]');
    expect(numpyStr(f32([0.1, 0.2]), [2], 'float32')).toBe('[0.1 0.2]');
    expect(numpyStr(f32([0.5, 1, 10.25]), [3], 'float32')).toBe('[ 0.5   1.   10.25]');
    expect(numpyStr(f32([-1.5, 2]), [2], 'float32')).toBe('[-1.5  2. ]');
    expect(numpyStr(f32([1 / 3]), [1], 'float32')).toBe('[0.33333334]');
  });

  test('scientific notation when the values span many magnitudes', () => {
    expect(numpyStr(f32([1e-5, 1.5]), [2], 'float32')).toBe('[1.0e-05 1.5e+00]');
    expect(numpyStr(f32([1e-5, 1]), [2], 'float32')).toBe('[1.e-05 1.e+00]');
  });

  test('75-character lines', () => {
    expect(numpyStr(arange(30), [30], 'int32')).toBe(
      '[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n 24 25 26 27 28 29]',
    );
  });

  test('rank 3: blank lines between the sheets', () => {
    expect(numpyStr(arange(8), [2, 2, 2], 'int32')).toBe('[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]');
  });

  test('over 1,000 elements: the first and last three, and ...', () => {
    expect(numpyStr(arange(2000), [2000], 'float32')).toBe(
      '[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]',
    );
    expect(numpyStr(new Array(2000).fill(0), [1000, 2], 'float32')).toBe(
      '[[0. 0.]\n [0. 0.]\n [0. 0.]\n ...\n [0. 0.]\n [0. 0.]\n [0. 0.]]',
    );
  });

  test('empty tensors', () => {
    expect(tensorStr([], [0], 'float32')).toBe('tf.Tensor([], shape=(0,), dtype=float32)');
    expect(tensorStr([], [2, 0], 'float32')).toBe('tf.Tensor([], shape=(2, 0), dtype=float32)');
  });

  test('shapes in Python and tfjs style', () => {
    expect(pythonShape([4, 2])).toBe('(4, 2)');
    expect(pythonShape([4])).toBe('(4,)');
    expect(pythonShape([])).toBe('()');
    expect(jsShape([4, 2])).toBe('[4, 2]');
    expect(jsShape([])).toBe('[]');
  });
});

describe('Python literals', () => {
  test('floats as Python’s repr writes them', () => {
    expect([1, 1.7, 1e-5, 1e16, 123.456, -0.5, 0.0001, 100].map(pythonFloat)).toEqual([
      '1.0',
      '1.7',
      '1e-05',
      '1e+16',
      '123.456',
      '-0.5',
      '0.0001',
      '100.0',
    ]);
  });

  test('nested lists, cut when long', () => {
    expect(pythonLiteral([0, 0, 0, 1, 1, 0, 1, 1], [4, 2], 'float')).toBe(
      '[[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]',
    );
    expect(pythonLiteral([0, 1], [2], 'int')).toBe('[0, 1]');
    expect(pythonLiteral([1, 0], [2], 'bool')).toBe('[True, False]');
    expect(pythonLiteral([1.7], [], 'float')).toBe('1.7');
    expect(pythonLiteral(arange(100), [10, 10], 'int', 20)).toBe('[[0, 1, 2, 3, 4, 5, 6, …]]');
  });
});
