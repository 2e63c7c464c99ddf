import { message, type Message } from '../../engine/message';
import { stridesOf } from './numpyText';

/**
 * What the picture of a tensor draws: rank 0 one cell, rank 1 a row, rank 2 a grid, rank 3 a
 * stack of grids, rank 4 a row of stacks. Long axes are cut to their first few indices so the
 * picture never has more than a few hundred cells; rank 5 and 6 draw their first rank-4 slice.
 */

/** Cells shown at most along each drawn axis, by the number of drawn axes. */
const CAPS: Record<number, readonly number[]> = {
  0: [],
  1: [32],
  2: [16, 16],
  3: [4, 10, 10],
  4: [4, 3, 6, 6],
};
export const MAX_DRAWN_RANK = 4;
/** Values are written in the cells when there are at most this many, in short rows. */
const MAX_LABELLED_CELLS = 150;
const MAX_LABELLED_ROW = 16;

export interface DrawnAxis {
  /** The tensor's axis number. */
  axis: number;
  length: number;
  /** The first `shown` indices are drawn. */
  shown: number;
}

export interface PictureLayout {
  /** The drawn axes, outermost first (at most four: the last four of the tensor). */
  axes: DrawnAxis[];
  /** The fixed indices of the axes in front of the drawn ones (rank 5 and 6): all 0. */
  fixed: number[];
  /** Cells drawn, and elements in the tensor. */
  cells: number;
  total: number;
  /** Whether the cells are big enough to carry their values. */
  labelled: boolean;
}

export function pictureLayout(shape: readonly number[]): PictureLayout {
  const drawnRank = Math.min(shape.length, MAX_DRAWN_RANK);
  const first = shape.length - drawnRank;
  const caps = CAPS[drawnRank]!;
  const axes = shape.slice(first).map((length, k) => ({
    axis: first + k,
    length,
    shown: Math.min(length, caps[k]!),
  }));
  const cells = axes.reduce((n, a) => n * a.shown, 1);
  const total = shape.reduce((n, l) => n * l, 1);
  const lastShown = axes.length ? axes[axes.length - 1]!.shown : 1;
  return {
    axes,
    fixed: new Array<number>(first).fill(0),
    cells,
    total,
    labelled: cells <= MAX_LABELLED_CELLS && lastShown <= MAX_LABELLED_ROW,
  };
}

/** The flat (row-major) position of the element at `index` (fixed indices first). */
export function flatIndex(shape: readonly number[], index: readonly number[]): number {
  const strides = stridesOf(shape);
  return index.reduce((sum, i, axis) => sum + i * strides[axis]!, 0);
}

/** `0, 1, …, n − 1`. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** The sentence under a cut picture: which part of the tensor is drawn. */
export function shownNote(layout: PictureLayout): Message | null {
  const cut = layout.axes.filter((a) => a.shown < a.length);
  const slice = layout.fixed.length > 0;
  if (!slice && !cut.length) return null;
  const values = {
    index: layout.fixed.join(', '),
    rank: layout.axes.length,
    cells: layout.cells,
    total: layout.total,
    axes: {
      list: cut.map(({ shown, length, axis }) =>
        message('tensors.picture.axisCut', { shown, length, axis }),
      ),
      separator: ', ',
    },
  };
  if (!cut.length) return message('tensors.picture.sliceCount', values);
  return message(slice ? 'tensors.picture.sliceCut' : 'tensors.picture.cut', values);
}
