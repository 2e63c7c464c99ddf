/**
 * Prints a tensor the way TensorFlow's `print(t)` does: `tf.Tensor(<numpy str>, shape=(4, 2),
 * dtype=float32)`, with numpy's element formatting (`0.` and `1.7`, aligned columns, `1.e-05`
 * when values span many magnitudes, ` True`/`False`), its 75-character lines and its `...`
 * summary of arrays over 1,000 elements. Pure TypeScript.
 */

export type DType = 'float32' | 'int32' | 'bool';

const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
/** numpy's default print precision: decimals shown at most in an array. */
const MAX_FRACTION = 8;

/** Python's tuple form of a shape: `(4, 2)`, `(4,)`, `()`. */
export function pythonShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** tfjs's form of a shape: `[4, 2]`, `[]`. */
export function jsShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

interface Digits {
  negative: boolean;
  /** Significant digits without a decimal point, no trailing zeros ("0" for zero). */
  digits: string;
  /** The value is digits[0].digits[1..] × 10^exponent. */
  exponent: number;
}

/**
 * When `a` lies exactly halfway between two `p`-digit decimals, numpy (Dragon4) takes the one
 * ending in an even digit where JavaScript's toExponential rounds up: 289729.125 → 289729.12.
 */
function evenTie(a: number, p: number): string | null {
  const [mantissa, exp] = a.toExponential(Math.min(100, p + 40)).split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  if (!/^50*$/.test(digits.slice(p)) || Number(digits[p - 1]) % 2 !== 0) return null;
  return `${digits[0]}${p > 1 ? '.' : ''}${digits.slice(1, p)}e${exp}`;
}

/** The shortest digits that read back as the same float32 (or float64) value. */
export function shortestDigits(x: number, float32 = true): Digits {
  const negative = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  if (a === 0) return { negative, digits: '0', exponent: 0 };
  let text = a.toExponential(); // shortest for float64
  if (float32) {
    for (let p = 1; p <= 9; p++) {
      const candidate = evenTie(a, p) ?? a.toExponential(p - 1);
      if (Math.fround(Number(candidate)) === a) {
        text = candidate;
        break;
      }
    }
  }
  const [mantissa, exp] = text.split('e') as [string, string];
  const digits = mantissa.replace('.', '').replace(/0+$/, '') || '0';
  return { negative, digits, exponent: Number(exp) };
}

/**
 * Positional digits split at the point, e.g. 1.7 → ["1", "7"], -0.5 → ["-0", "5"], 10 → ["10", ""].
 * In arrays (`array`), numpy writes every digit of a whole number (34909968., not the shortest
 * 34909970.) and at most 8 decimals; a 0-d value prints its shortest digits in full.
 */
function positionalParts(x: number, array: boolean, float32 = true): [string, string] {
  const { negative, digits, exponent } = shortestDigits(x, float32);
  let int: string;
  let frac: string;
  if (exponent >= 0) {
    int = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    frac = digits.slice(exponent + 1);
  } else {
    int = '0';
    frac = '0'.repeat(-exponent - 1) + digits;
  }
  if (array && frac === '') int = Math.abs(x).toFixed(0);
  if (array && frac.length > MAX_FRACTION) {
    // numpy's default precision: round the exact value to 8 decimals.
    [int, frac] = Math.abs(x).toFixed(MAX_FRACTION).split('.') as [string, string];
    frac = frac.replace(/0+$/, '');
  }
  return [(negative ? '-' : '') + int, frac];
}

/** Scientific digits: mantissa integer part, fraction, exponent, e.g. 1.5e-05 → ["1", "5", -5]. */
function scientificParts(x: number): [string, string, number] {
  const { negative, digits, exponent } = shortestDigits(x);
  return [(negative ? '-' : '') + digits[0], digits.slice(1), exponent];
}

function exponentText(exponent: number, width: number): string {
  return (exponent < 0 ? '-' : '+') + String(Math.abs(exponent)).padStart(width, '0');
}

function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
}

/** numpy's FloatingFormat (floatmode 'maxprec', precision 8) fitted to the values shown. */
export function floatFormatter(shown: readonly number[]): (x: number) => string {
  const finite = shown.filter(Number.isFinite);
  const nonZero = finite.filter((v) => v !== 0).map(Math.abs);
  const max = nonZero.length ? Math.max(...nonZero) : 0;
  const min = nonZero.length ? Math.min(...nonZero) : 0;
  const scientific = nonZero.length > 0 && (max >= 1e8 || min < 1e-4 || max / min > 1e3);
  let padLeft = 0;
  let padRight = 0;
  let precision = 0;
  let expWidth = 2;
  if (scientific) {
    const parts = finite.map(scientificParts);
    padLeft = Math.max(...parts.map(([i]) => i.length));
    precision = Math.max(...parts.map(([, f]) => f.length));
    expWidth = Math.max(2, ...parts.map(([, , e]) => String(Math.abs(e)).length));
    padRight = expWidth + 2 + precision;
  } else if (finite.length) {
    const parts = finite.map((v) => positionalParts(v, true));
    padLeft = Math.max(...parts.map(([i]) => i.length));
    padRight = Math.max(...parts.map(([, f]) => f.length));
  }
  if (finite.length < shown.length) {
    const infWidth = shown.some((v) => v === -Infinity) ? 4 : 3;
    padLeft = Math.max(padLeft, 3 - (padRight + 1), infWidth - (padRight + 1));
  }
  return (x) => {
    if (!Number.isFinite(x)) return nonFinite(x).padStart(padLeft + padRight + 1);
    if (scientific) {
      // numpy prints `precision` digits of the exact value here, beyond the shortest ones.
      const [mantissa, exp] = Math.abs(x).toExponential(precision).split('e') as [string, string];
      const [int, frac = ''] = mantissa.split('.');
      const sign = x < 0 || Object.is(x, -0) ? '-' : '';
      return `${(sign + int).padStart(padLeft)}.${frac}e${exponentText(Number(exp), expWidth)}`;
    }
    const [int, frac] = positionalParts(x, true);
    return `${int.padStart(padLeft)}.${frac.padEnd(padRight)}`;
  };
}

function elementFormatter(dtype: DType, shown: readonly number[]): (x: number) => string {
  if (dtype === 'bool') return (x) => (x ? ' True' : 'False');
  if (dtype === 'int32') {
    const width = Math.max(...shown.map((v) => String(v).length));
    return (x) => String(x).padStart(width);
  }
  return floatFormatter(shown);
}

/** How numpy prints a 0-d value: like a Python scalar (`1.7`, `1.0`, `1e-05`, `True`). */
export function scalarText(x: number, dtype: DType, float32 = true): string {
  if (dtype === 'bool') return x ? 'True' : 'False';
  if (dtype === 'int32') return String(x);
  if (!Number.isFinite(x)) return nonFinite(x);
  const { negative, digits, exponent } = shortestDigits(x, float32);
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${negative ? '-' : ''}${mantissa}e${exponentText(exponent, 2)}`;
  }
  const [int, frac] = positionalParts(x, false, float32);
  return `${int}.${frac || '0'}`;
}

export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    strides[axis] = stride;
    stride *= shape[axis]!;
  }
  return strides;
}

/** The indices shown along an axis: all, or the first and last three when summarizing. */
function shownIndices(length: number, summarize: boolean): number[] {
  if (summarize && length > 2 * EDGE_ITEMS) {
    return [
      ...Array.from({ length: EDGE_ITEMS }, (_, i) => i),
      ...Array.from({ length: EDGE_ITEMS }, (_, i) => length - EDGE_ITEMS + i),
    ];
  }
  return Array.from({ length }, (_, i) => i);
}

function shownValues(
  values: ArrayLike<number>,
  shape: readonly number[],
  summarize: boolean,
): number[] {
  const strides = stridesOf(shape);
  const out: number[] = [];
  const walk = (axis: number, offset: number) => {
    if (axis === shape.length) {
      out.push(values[offset]!);
      return;
    }
    for (const i of shownIndices(shape[axis]!, summarize))
      walk(axis + 1, offset + i * strides[axis]!);
  };
  walk(0, 0);
  return out;
}

function extendLine(
  s: string,
  line: string,
  word: string,
  width: number,
  prefix: string,
): [string, string] {
  const wrap = line.length + word.length > width && line.length > prefix.length;
  if (wrap) return [`${s}${line.trimEnd()}\n`, prefix + word];
  return [s, line + word];
}

/** numpy's `str(array)` for an array of rank ≥ 1. */
export function numpyStr(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
): string {
  const size = shape.reduce((a, b) => a * b, 1);
  if (shape.length === 0) return scalarText(values[0]!, dtype);
  if (size === 0) return '[]';
  const summarize = size > THRESHOLD;
  const format = elementFormatter(dtype, shownValues(values, shape, summarize));
  const strides = stridesOf(shape);

  const recurse = (axis: number, offset: number, indent: string, width: number): string => {
    if (axis === shape.length) return format(values[offset]!);
    const length = shape[axis]!;
    const summary = summarize && length > 2 * EDGE_ITEMS;
    const lead = summary ? EDGE_ITEMS : length;
    const child = (i: number) =>
      recurse(axis + 1, offset + i * strides[axis]!, `${indent} `, width - 1);
    const items: (number | '...')[] = summary
      ? [
          ...shownIndices(length, true).slice(0, lead),
          '...',
          ...shownIndices(length, true).slice(lead),
        ]
      : shownIndices(length, false);
    let s = '';
    if (axis === shape.length - 1) {
      const elementWidth = width - 1;
      let line = indent;
      items.forEach((item, k) => {
        const word = item === '...' ? '...' : child(item);
        [s, line] = extendLine(s, line, word, elementWidth, indent);
        if (k < items.length - 1) line += ' ';
      });
      s += line;
    } else {
      const separator = '\n'.repeat(shape.length - axis - 1);
      s = items.map((item) => indent + (item === '...' ? '...' : child(item))).join(separator);
    }
    return `[${s.slice(indent.length)}]`;
  };
  return recurse(0, 0, ' ', LINE_WIDTH);
}

/** What `print(t)` shows for a TensorFlow tensor. */
export function tensorStr(
  values: ArrayLike<number>,
  shape: readonly number[],
  dtype: DType,
): string {
  let text = numpyStr(values, shape, dtype);
  if (text.includes('\n')) text = `\n${text}`;
  return `tf.Tensor(${text}, shape=${pythonShape(shape)}, dtype=${dtype})`;
}
