import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';

/**
 * Colormaps as 256-entry RGBA lookup tables, built once, and a painter that turns a
 * single-channel image into RGBA pixels through one of them (what matplotlib's `imshow` does).
 */

export type ColormapName = 'viridis' | 'binary' | 'redBlue';

/** 256 colours × RGBA: entry i is the colour at t = i / 255. */
export type ColormapLut = Uint8ClampedArray;

export const LUT_SIZE = 256;

/** Parses the two forms d3-scale-chromatic returns: "#rrggbb" and "rgb(r, g, b)". */
function parseColor(css: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(css);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`colormaps: cannot parse colour ${css}`);
}

function buildLut(at: (t: number) => [number, number, number]): ColormapLut {
  const lut = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; i++) {
    const [r, g, b] = at(i / (LUT_SIZE - 1));
    lut.set([r, g, b, 255], i * 4);
  }
  return lut;
}

const builders: Record<ColormapName, () => ColormapLut> = {
  // matplotlib's default colormap.
  viridis: () => buildLut((t) => parseColor(interpolateViridis(t))),
  // matplotlib's 'binary': a straight grey ramp, 0 → white, 1 → black (d3's Greys is not linear).
  binary: () =>
    buildLut((t) => {
      const v = Math.round(255 * (1 - t));
      return [v, v, v];
    }),
  // Diverging, for signed weights: 0 (most negative) red, 0.5 (zero) near-white, 1 blue.
  // ColorBrewer RdBu already runs red → blue, like matplotlib's 'RdBu', so no reversal is needed.
  redBlue: () => buildLut((t) => parseColor(interpolateRdBu(t))),
};

const cache = new Map<ColormapName, ColormapLut>();

/** The lookup table of a colormap (built on first use, then shared: do not write to it). */
export function colormap(name: ColormapName): ColormapLut {
  let lut = cache.get(name);
  if (!lut) {
    lut = builders[name]();
    cache.set(name, lut);
  }
  return lut;
}

/** The LUT index of a value in [min, max]: clamped, min → 0, max → 255 (as matplotlib). */
function lutIndex(value: number, min: number, scale: number): number {
  const i = Math.floor((value - min) * scale);
  return i >= LUT_SIZE - 1 ? LUT_SIZE - 1 : i >= 0 ? i : 0; // NaN (∞ · 0) → 0
}

/** The colour at t in [0, 1] (clamped) as [r, g, b, a]. */
export function colorAt(name: ColormapName, t: number): [number, number, number, number] {
  const lut = colormap(name);
  const i = lutIndex(t, 0, LUT_SIZE) * 4;
  return [lut[i]!, lut[i + 1]!, lut[i + 2]!, lut[i + 3]!];
}

/** The colour at t in [0, 1] as a CSS colour, e.g. for gradients and legends. */
export function cssColorAt(name: ColormapName, t: number): string {
  const [r, g, b] = colorAt(name, t);
  return `rgb(${r}, ${g}, ${b})`;
}

/** The value range a colormap spans: [min, max]. */
export type ValueRange = readonly [number, number];

/**
 * Writes `pixels` (one value per pixel, row-major) as RGBA into `out` (4 bytes per pixel):
 * values are mapped from `range` to the colormap, clamped at both ends; NaN pixels come out
 * transparent. An empty range (min = max) maps everything to the first colour, as matplotlib does.
 */
export function paintPixels(
  out: Uint8ClampedArray,
  pixels: ArrayLike<number>,
  range: ValueRange,
  map: ColormapName | ColormapLut,
): void {
  if (out.length < pixels.length * 4)
    throw new RangeError(`paintPixels: ${out.length / 4} pixels of room for ${pixels.length}`);
  const lut = typeof map === 'string' ? colormap(map) : map;
  const [min, max] = range;
  const scale = max > min ? LUT_SIZE / (max - min) : 0;
  for (let p = 0; p < pixels.length; p++) {
    const v = pixels[p]!;
    const o = p * 4;
    if (Number.isNaN(v)) {
      out[o] = out[o + 1] = out[o + 2] = out[o + 3] = 0;
      continue;
    }
    const i = lutIndex(v, min, scale) * 4;
    out[o] = lut[i]!;
    out[o + 1] = lut[i + 1]!;
    out[o + 2] = lut[i + 2]!;
    out[o + 3] = lut[i + 3]!;
  }
}

/** A single-channel `width × height` image painted through a colormap into a new `ImageData`. */
export function paintImage(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
  range: ValueRange,
  map: ColormapName | ColormapLut,
): ImageData {
  if (pixels.length !== width * height)
    throw new RangeError(`paintImage: ${pixels.length} pixels for a ${width}×${height} image`);
  const image = new ImageData(width, height);
  paintPixels(image.data, pixels, range, map);
  return image;
}
