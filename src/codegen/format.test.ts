import { describe, expect, test } from 'vitest';
import { MAX_WIDTH, numberLiteral, wrapCall } from './format';
import { kerasValidationCount } from './keras';

describe('numberLiteral', () => {
  test('writes numbers that read back to the same value in Python and JavaScript', () => {
    expect([0.1, 1e-7, 1500, 0.0316, 2 ** 31 - 1].map(numberLiteral)).toEqual([
      '0.1',
      '1e-7',
      '1500',
      '0.0316',
      '2147483647',
    ]);
    expect(() => numberLiteral(Number.NaN)).toThrow();
  });
});

describe('wrapCall', () => {
  test('keeps a call that fits on one line', () => {
    expect(wrapCall('    ', 'f', ['a=1', 'b=2'], '(x)')).toBe('    f(a=1, b=2)(x)');
  });

  test('puts one argument per line under the first when the call is too long', () => {
    const args = ['units=num_hidden_nodes', `activation=${'x'.repeat(MAX_WIDTH)}`, 'use_bias=True'];
    expect(wrapCall('  ', 'Dense', args, '(h)').split('\n')).toEqual([
      '  Dense(units=num_hidden_nodes,',
      `        activation=${'x'.repeat(MAX_WIDTH)},`,
      '        use_bias=True)(h)',
    ]);
  });
});

describe('kerasValidationCount', () => {
  test("is Keras's split: the training part is floor(n × (1 − share)), the rest validates", () => {
    expect(kerasValidationCount(6000, 0.1)).toBe(600);
    expect(kerasValidationCount(1000, 0.15)).toBe(150);
    // 45000 × 0.7 is 31499.999999999996 in floating point: Keras trains on 31,499 and validates on 13,501.
    expect(kerasValidationCount(45000, 0.3)).toBe(13501);
  });
});
