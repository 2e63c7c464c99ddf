import type { ValueKind } from '../../data/tensorText';
import { shortestDigits, stridesOf } from './numpyText';

/** Python's `repr` of a float: `1.0`, `1.7`, `1e-05`, `1e+16`. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  const { negative, digits, exponent } = shortestDigits(x, false);
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const exp = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${mantissa}e${exp}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const int = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  return `${sign}${int}.${digits.slice(exponent + 1) || '0'}`;
}

function element(kind: ValueKind): (x: number) => string {
  if (kind === 'bool') return (x) => (x ? 'True' : 'False');
  if (kind === 'int') return (x) => String(x);
  return pythonFloat;
}

/** Nested lists of formatted elements, cut with `…` after about `maxChars` characters. */
function nested(
  values: ArrayLike<number>,
  shape: readonly number[],
  format: (x: number) => string,
  maxChars: number,
): string {
  const strides = stridesOf(shape);
  let out = '';
  let cut = false;
  const walk = (axis: number, offset: number) => {
    if (axis === shape.length) {
      out += format(values[offset]!);
      return;
    }
    out += '[';
    for (let i = 0; i < shape[axis]! && !cut; i++) {
      if (i > 0) out += ', ';
      if (out.length > maxChars) {
        out += '…';
        cut = true;
        break;
      }
      walk(axis + 1, offset + i * strides[axis]!);
    }
    out += ']';
  };
  walk(0, 0);
  return out;
}

/**
 * The value as a Python literal, `[[0.0, 0.0], [0.0, 1.0]]`, cut with `…` after about
 * `maxChars` characters (brackets still closed).
 */
export function pythonLiteral(
  values: ArrayLike<number>,
  shape: readonly number[],
  kind: ValueKind,
  maxChars = Infinity,
): string {
  return nested(values, shape, element(kind), maxChars);
}

/** The value as a JavaScript array for tfjs: `[[0, 0], [0, 1]]`, `[true, false]`. */
export function jsLiteral(
  values: ArrayLike<number>,
  shape: readonly number[],
  kind: ValueKind,
  maxChars = Infinity,
): string {
  const format = kind === 'bool' ? (x: number) => String(x === 1) : (x: number) => String(x);
  return nested(values, shape, format, maxChars);
}
