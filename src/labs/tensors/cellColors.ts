import { cssColorAt } from '../../ui/colormaps';
import { scalarText, type DType } from './numpyText';

/**
 * How a cell of the picture looks: its colour by value and the short text it carries.
 *
 * Colours by value on a diverging map: white at 0, blue for positive values, red for
 * negative ones, scaled to the largest magnitude in the tensor. True is blue, False white.
 */

export interface CellColor {
  background: string;
  color: string;
}

/** The largest |value| (1 when all are 0), for scaling the colours. */
export function colorScale(values: readonly number[]): number {
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && Math.abs(v) > max) max = Math.abs(v);
  return max || 1;
}

/** Position on the map in [0, 1]: 0.5 is zero. */
export function colorPosition(value: number, scale: number, dtype: DType): number {
  if (dtype === 'bool') return value ? 0.85 : 0.5;
  if (Number.isNaN(value)) return 0.5;
  return 0.5 + 0.5 * Math.max(-1, Math.min(1, value / scale));
}

export function cellColor(value: number, scale: number, dtype: DType): CellColor {
  const t = colorPosition(value, scale, dtype);
  return {
    background: cssColorAt('redBlue', t),
    color: Math.abs(t - 0.5) > 0.3 ? '#fff' : '#1d2330',
  };
}

/** A short text that fits in a cell: `1.0`, `-1.7`, `119`, `True`, `3.3e+05`. */
export function cellText(v: number, dtype: DType): string {
  if (dtype === 'bool') return v ? 'True' : 'False';
  if (!Number.isFinite(v)) return scalarText(v, 'float32');
  if (dtype === 'int32') return Math.abs(v) < 1e5 ? String(v) : v.toExponential(0);
  if (Number.isInteger(v) && Math.abs(v) < 1e4) return v.toFixed(1);
  const short = String(Number(v.toPrecision(3)));
  return short.length <= 6 ? short : v.toExponential(1);
}
