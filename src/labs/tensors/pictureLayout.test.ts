import { describe, expect, test } from 'vitest';
import { colorPosition, colorScale } from './cellColors';
import { inEnglish } from '../../test/english';
import { flatIndex, pictureLayout, shownNote } from './pictureLayout';

describe('pictureLayout', () => {
  test('the lecture’s input_data: a whole 4×2 grid with values in the cells', () => {
    const layout = pictureLayout([4, 2]);
    expect(layout.axes).toEqual([
      { axis: 0, length: 4, shown: 4 },
      { axis: 1, length: 2, shown: 2 },
    ]);
    expect(layout).toMatchObject({ cells: 8, total: 8, labelled: true, fixed: [] });
    expect(shownNote(layout)).toBeNull();
  });

  test('the rank-4 [3, 2, 4, 5] tensor is drawn whole: 120 cells', () => {
    const layout = pictureLayout([3, 2, 4, 5]);
    expect(layout.axes.map((a) => a.shown)).toEqual([3, 2, 4, 5]);
    expect(layout.cells).toBe(120);
    expect(layout.labelled).toBe(true);
  });

  test('a scalar is one cell', () => {
    expect(pictureLayout([])).toMatchObject({ axes: [], cells: 1, total: 1, labelled: true });
  });

  test('big tensors are cut to a few hundred cells, and say so', () => {
    const layout = pictureLayout([1000, 100]);
    expect(layout.cells).toBe(256);
    expect(layout.labelled).toBe(false);
    expect(inEnglish(shownNote(layout)!)).toBe(
      'Showing the first 256 of 100,000 values (16 of 1,000 along axis 0, 16 of 100 along axis 1).',
    );
    for (const shape of [[100_000], [50, 50, 40], [10, 10, 10, 100], [2, 3, 4, 5, 6, 7]]) {
      expect(pictureLayout(shape).cells).toBeLessThanOrEqual(432);
    }
  });

  test('rank 5 and 6 draw their first rank-4 slice', () => {
    const layout = pictureLayout([2, 1, 3, 2, 4, 5]);
    expect(layout.fixed).toEqual([0, 0]);
    expect(layout.axes.map((a) => a.axis)).toEqual([2, 3, 4, 5]);
    expect(inEnglish(shownNote(layout)!)).toMatch(/^Drawing x\[0, 0\], the first rank-4 slice/);
  });

  test('flatIndex is row-major', () => {
    expect(flatIndex([4, 2], [3, 1])).toBe(7);
    expect(flatIndex([3, 2, 4, 5], [1, 0, 2, 3])).toBe(40 + 10 + 3);
    expect(flatIndex([], [])).toBe(0);
  });
});

describe('cell colours', () => {
  test('white at zero, blue for the largest positive, red for the most negative', () => {
    const scale = colorScale([0, 1, -2, 0.5]);
    expect(scale).toBe(2);
    expect(colorPosition(0, scale, 'float32')).toBe(0.5);
    expect(colorPosition(2, scale, 'float32')).toBe(1);
    expect(colorPosition(-2, scale, 'float32')).toBe(0);
    expect(colorScale([0, 0])).toBe(1);
    expect(colorPosition(1, 1, 'bool')).toBeGreaterThan(colorPosition(0, 1, 'bool'));
  });
});
