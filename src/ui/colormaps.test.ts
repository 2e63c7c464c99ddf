import { afterEach, describe, expect, test, vi } from 'vitest';
import { colorAt, colormap, cssColorAt, LUT_SIZE, paintImage, paintPixels } from './colormaps';

const hex = (rgba: ArrayLike<number>) =>
  '#' +
  Array.from(rgba)
    .slice(0, 3)
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('');

describe('colormaps', () => {
  test('256 opaque RGBA entries each', () => {
    for (const name of ['viridis', 'binary', 'redBlue'] as const) {
      const lut = colormap(name);
      expect(lut).toBeInstanceOf(Uint8ClampedArray);
      expect(lut.length).toBe(LUT_SIZE * 4);
      for (let i = 3; i < lut.length; i += 4) expect(lut[i]).toBe(255);
      expect(colormap(name)).toBe(lut); // built once
    }
  });

  test('viridis runs from #440154 to #fde725', () => {
    expect(hex(colorAt('viridis', 0))).toBe('#440154');
    expect(hex(colorAt('viridis', 1))).toBe('#fde725');
  });

  test("binary is matplotlib's: 0 white, 1 black, grey between", () => {
    expect(colorAt('binary', 0)).toEqual([255, 255, 255, 255]);
    expect(colorAt('binary', 1)).toEqual([0, 0, 0, 255]);
    const [r, g, b] = colorAt('binary', 0.5);
    expect(r).toBe(g);
    expect(g).toBe(b);
    expect(r).toBeGreaterThan(120);
    expect(r).toBeLessThan(136);
  });

  test('redBlue: red for negative, near-white at zero, blue for positive', () => {
    const [r0, g0, b0] = colorAt('redBlue', 0);
    expect(r0).toBeGreaterThan(b0 + 50);
    expect(r0).toBeGreaterThan(g0 + 50);
    const [r1, g1, b1] = colorAt('redBlue', 1);
    expect(b1).toBeGreaterThan(r1 + 50);
    expect(b1).toBeGreaterThan(g1 + 40);
    for (const c of colorAt('redBlue', 0.5).slice(0, 3)) expect(c).toBeGreaterThan(235);
    expect(cssColorAt('redBlue', 0.5)).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
  });
});

describe('painting an image', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('paintPixels maps the range onto the colormap, clamps, and leaves NaN transparent', () => {
    // A 3×2 image over [0, 255], binary: 0 white, 255 black; 300 clamps to black, −5 to white.
    const pixels = [0, 255, 300, -5, NaN, 127.5];
    const out = new Uint8ClampedArray(pixels.length * 4);
    paintPixels(out, pixels, [0, 255], 'binary');
    const at = (x: number, y: number) =>
      Array.from(out.slice((y * 3 + x) * 4, (y * 3 + x) * 4 + 4));
    expect(at(0, 0)).toEqual([255, 255, 255, 255]);
    expect(at(1, 0)).toEqual([0, 0, 0, 255]);
    expect(at(2, 0)).toEqual([0, 0, 0, 255]);
    expect(at(0, 1)).toEqual([255, 255, 255, 255]);
    expect(at(1, 1)).toEqual([0, 0, 0, 0]);
    expect(at(2, 1)).toEqual(colorAt('binary', 0.5));
  });

  test('a symmetric range puts 0 at the middle of redBlue; an empty range gives the first colour', () => {
    const out = new Uint8ClampedArray(12);
    paintPixels(out, [-0.2, 0, 0.2], [-0.2, 0.2], 'redBlue');
    expect(Array.from(out.slice(0, 4))).toEqual(colorAt('redBlue', 0));
    expect(Array.from(out.slice(4, 8))).toEqual(colorAt('redBlue', 0.5));
    expect(Array.from(out.slice(8, 12))).toEqual(colorAt('redBlue', 1));
    paintPixels(out, [0, 1, Infinity], [1, 1], 'viridis');
    for (let p = 0; p < 3; p++) expect(hex(out.slice(p * 4, p * 4 + 4))).toBe('#440154');
  });

  test('paintImage returns an ImageData with the expected RGBA at a given pixel', () => {
    class FakeImageData {
      data: Uint8ClampedArray;
      constructor(
        public width: number,
        public height: number,
      ) {
        this.data = new Uint8ClampedArray(width * height * 4);
      }
    }
    vi.stubGlobal('ImageData', FakeImageData);
    // 4×3 horizontal gradient 0 … 1 in viridis: the pixel (x=3, y=2) is the top of the map.
    const w = 4;
    const h = 3;
    const pixels = Float32Array.from({ length: w * h }, (_, i) => (i % w) / (w - 1));
    const image = paintImage(pixels, w, h, [0, 1], 'viridis');
    expect(image.width).toBe(4);
    const o = (2 * w + 3) * 4;
    expect(hex(Array.from(image.data.slice(o, o + 4)))).toBe('#fde725');
    expect(image.data[o + 3]).toBe(255);
    expect(hex(Array.from(image.data.slice(0, 4)))).toBe('#440154');
    expect(() => paintImage(pixels, 5, 3, [0, 1], 'viridis')).toThrow(RangeError);
  });
});
