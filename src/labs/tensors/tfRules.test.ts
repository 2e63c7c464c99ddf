import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseTensorText, type ParsedTensor } from '../../data/tensorText';
import { inEnglish } from '../../test/english';
import { setCpuBackend } from '../../test/helpers';
import { castPairs, castRule } from './castText';
import { countingText } from './examples';
import { makeTensor } from './makeTensor';
import { planTensor, pythonCall, type DTypeChoice, type TensorFn } from './tfRules';

beforeAll(setCpuBackend);

function parsed(text: string): ParsedTensor {
  const result = parseTensorText(text);
  if (!result.ok) throw new Error(inEnglish(result.error.message));
  return result.tensor;
}

function plan(text: string, fn: TensorFn, dtype: DTypeChoice) {
  return planTensor(parsed(text), fn, dtype);
}

describe('what TensorFlow makes of a Python value', () => {
  test('no dtype: floats → float32, ints → int32, bools → bool', () => {
    expect(plan('[[0.0, 0.0], [0.0, 1.0]]', 'constant', 'given')).toEqual({
      ok: true,
      made: 'float32',
    });
    expect(plan('[[0, 0], [0, 1]]', 'constant', 'given')).toEqual({ ok: true, made: 'int32' });
    expect(plan('[True, False]', 'convert_to_tensor', 'given')).toEqual({ ok: true, made: 'bool' });
    expect(plan('[]', 'constant', 'given')).toEqual({ ok: true, made: 'float32' });
  });

  test('a dtype that loses nothing is fine: ints and bools to float32, bools to int32', () => {
    expect(plan('[[0, 0], [0, 1]]', 'convert_to_tensor', 'float32')).toMatchObject({
      ok: true,
      made: 'float32',
    });
    expect(plan('[True, False]', 'constant', 'float32')).toMatchObject({
      ok: true,
      made: 'float32',
    });
    expect(plan('[True, 2]', 'constant', 'int32')).toMatchObject({ ok: true, made: 'int32' });
  });

  test('tf.constant(1.7, dtype=tf.int32) raises TypeError, as in TensorFlow', () => {
    const p = plan('1.7', 'constant', 'int32');
    expect(p).toMatchObject({
      ok: false,
      error: 'TypeError: Cannot convert 1.7 to EagerTensor of dtype int32',
    });
    if (!p.ok) expect(inEnglish(p.why)).toMatch(/tf\.cast/);
    expect(plan('[[0.0, 1.0]]', 'convert_to_tensor', 'int32')).toMatchObject({
      ok: false,
      error: 'TypeError: Cannot convert [[0.0, 1.0]] to EagerTensor of dtype int32',
    });
  });

  test('numbers to bool raise TypeError; bools mixed with numbers raise ValueError', () => {
    expect(plan('[0, 1]', 'constant', 'bool')).toMatchObject({
      ok: false,
      error: 'TypeError: Cannot convert [0, 1] to EagerTensor of dtype bool',
    });
    expect(plan('[True, 1]', 'constant', 'given')).toMatchObject({
      ok: false,
      error: "ValueError: Can't convert Python sequence with mixed types to Tensor.",
    });
    expect(plan('[True, 1]', 'constant', 'float32')).toMatchObject({ ok: true, made: 'float32' });
  });

  test('out of range: int64 (tfjs has none), float32 overflow', () => {
    expect(plan('[3000000000]', 'constant', 'given')).toMatchObject({ ok: false, tfjsOnly: true });
    expect(plan('[3000000000]', 'constant', 'float32')).toMatchObject({ ok: true });
    expect(plan('[1e39]', 'constant', 'given')).toMatchObject({ ok: false, error: /^ValueError/ });
  });

  test('tf.cast casts the inferred tensor to any dtype', () => {
    expect(plan('1.7', 'cast', 'int32')).toEqual({ ok: true, made: 'float32', castTo: 'int32' });
    expect(plan('[[0, 0], [0, 1]]', 'cast', 'float32')).toEqual({
      ok: true,
      made: 'int32',
      castTo: 'float32',
    });
    expect(plan('[0, 2.5]', 'cast', 'bool')).toEqual({ ok: true, made: 'float32', castTo: 'bool' });
    expect(plan('[0, 1]', 'cast', 'given')).toMatchObject({ castTo: 'float32' });
  });

  test('the Python call the student would write', () => {
    expect(pythonCall('[1.7]', 'cast', 'int32')).toBe('x = tf.cast(tf.constant([1.7]), tf.int32)');
    expect(pythonCall('[1]', 'constant', 'given')).toBe('x = tf.constant([1])');
    expect(pythonCall('[1]', 'constant', 'float32')).toBe('x = tf.constant([1], dtype=tf.float32)');
    expect(pythonCall('[1]', 'convert_to_tensor', 'float32')).toBe(
      'x = tf.convert_to_tensor(value=[1], dtype=tf.float32)',
    );
  });
});

describe('makeTensor: real tfjs tensors, all disposed', () => {
  test('the lecture’s input_data: shape [4, 2], rank 2, float32, size 8', () => {
    const before = tf.memory().numTensors;
    const made = makeTensor(parsed('[[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]'), 'float32');
    expect(made.result).toEqual({
      shape: [4, 2],
      rank: 2,
      dtype: 'float32',
      size: 8,
      values: [0, 0, 0, 1, 1, 0, 1, 1],
    });
    expect(made.backend).toBe('cpu');
    expect(tf.memory().numTensors).toBe(before);
  });

  test('tf.cast truncates toward zero like TensorFlow: 1.7 → 1, -1.7 → -1', () => {
    const before = tf.memory().numTensors;
    const made = makeTensor(parsed('[1.7, -1.7, 2.5, -0.5]'), 'float32', 'int32');
    expect(made.before?.dtype).toBe('float32');
    expect(made.result.dtype).toBe('int32');
    expect(made.result.values).toEqual([1, -1, 2, 0]);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('casts to bool and from bool', () => {
    expect(makeTensor(parsed('[0.0, 2.5, -1.0]'), 'float32', 'bool').result.values).toEqual([
      0, 1, 1,
    ]);
    const fromBool = makeTensor(parsed('[True, False]'), 'bool', 'float32').result;
    expect(fromBool).toMatchObject({ dtype: 'float32', values: [1, 0] });
  });

  test('scalars, rank 4 and empty tensors', () => {
    expect(makeTensor(parsed('1.7'), 'float32').result).toMatchObject({
      shape: [],
      rank: 0,
      size: 1,
    });
    expect(makeTensor(parsed(countingText([3, 2, 4, 5])), 'int32').result).toMatchObject({
      shape: [3, 2, 4, 5],
      rank: 4,
      size: 120,
      values: Array.from({ length: 120 }, (_, i) => i),
    });
    expect(makeTensor(parsed('[[], []]'), 'float32').result).toMatchObject({
      shape: [2, 0],
      size: 0,
    });
  });
});

describe('what tf.cast did, in words', () => {
  test('pairs: 1.7 → 1, -1.7 → -1', () => {
    expect(castPairs([1.7, -1.7, 1.7], 'float32', [1, -1, 1], 'int32')).toEqual([
      '1.7 → 1',
      '-1.7 → -1',
    ]);
    expect(castPairs([0, 1], 'int32', [0, 1], 'float32')).toEqual(['0 → 0.0', '1 → 1.0']);
    expect(castPairs([0, 2.5], 'float32', [0, 1], 'bool')).toEqual(['0.0 → False', '2.5 → True']);
  });

  test('rules', () => {
    expect(inEnglish(castRule('float32', 'int32'))).toMatch(/toward zero/);
    expect(inEnglish(castRule('int32', 'int32'))).toMatch(/already int32/);
    expect(inEnglish(castRule('float32', 'bool'))).toMatch(/0 becomes False/);
  });
});
