/**
 * Two-class point sets in the plane, of the kind TensorFlow Playground draws: circles, a spiral,
 * two Gaussian clouds. Seeded: the same options give the same points on every machine.
 */
import type { TrainData } from '../engine/batch';
import { createRng, shuffleInPlace, identityOrder } from '../engine/rng';

export const POINT_SETS = ['circles', 'spiral', 'gaussians'] as const;
export type PointSet = (typeof POINT_SETS)[number];

/** The square every set lies in (Playground's), as [min, max] of both coordinates. */
export const POINT_DOMAIN = [-6, 6] as const;
/** Playground's noise slider runs from 0 to 50 %. */
export const MAX_NOISE = 0.5;

export interface PointOptions {
  /** How many points, half of each class (one more of class 1 when odd). */
  count: number;
  /** 0 (clean) to 0.5 (classes overlap). */
  noise: number;
  seed: number;
}

export interface PointData extends TrainData {
  x: Float32Array;
  y: Float32Array;
}

const RADIUS = 5;

/** One standard normal draw (Box–Muller). */
function gaussian(rand: () => number): number {
  const u = 1 - rand(); // (0, 1]: the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const uniform = (rand: () => number, min: number, max: number) => min + (max - min) * rand();

type Generator = (
  i: number,
  n: number,
  label: 0 | 1,
  noise: number,
  rand: () => number,
) => [number, number];

const GENERATORS: Record<PointSet, Generator> = {
  // Class 1 inside half the radius, class 0 in a ring from 0.7 to 1 of it; noise shifts each point.
  circles: (_i, _n, label, noise, rand) => {
    const r = label === 1 ? uniform(rand, 0, RADIUS * 0.5) : uniform(rand, RADIUS * 0.7, RADIUS);
    const angle = uniform(rand, 0, 2 * Math.PI);
    return [
      r * Math.sin(angle) + uniform(rand, -RADIUS, RADIUS) * noise,
      r * Math.cos(angle) + uniform(rand, -RADIUS, RADIUS) * noise,
    ];
  },
  // Two arms turning 1.75 times around the centre, the second half a turn behind the first.
  spiral: (i, n, label, noise, rand) => {
    const r = (i / n) * RADIUS;
    const t = 1.75 * (i / n) * 2 * Math.PI + (label === 1 ? 0 : Math.PI);
    return [
      r * Math.sin(t) + uniform(rand, -1, 1) * noise,
      r * Math.cos(t) + uniform(rand, -1, 1) * noise,
    ];
  },
  // Clouds around (2, 2) and (−2, −2); the variance grows with the noise from 0.5 to 4.
  gaussians: (_i, _n, label, noise, rand) => {
    const sd = Math.sqrt(0.5 + (3.5 * noise) / MAX_NOISE);
    const c = label === 1 ? 2 : -2;
    return [c + sd * gaussian(rand), c + sd * gaussian(rand)];
  },
};

/**
 * `count` points of a set with labels 0/1, in a seeded random order (so any tail of them, such as
 * a validation split, holds both classes), as engine data: x is count × 2, y is count × 1.
 */
export function makePoints(set: PointSet, { count, noise, seed }: PointOptions): PointData {
  const rand = createRng(seed ^ 0x2d5a_7e31);
  const ones = Math.ceil(count / 2);
  const xs = new Float32Array(count * 2);
  const ys = new Float32Array(count);
  const make = GENERATORS[set];
  for (let k = 0; k < count; k++) {
    const label: 0 | 1 = k < ones ? 1 : 0;
    const i = label === 1 ? k : k - ones;
    const n = label === 1 ? ones : count - ones;
    const [px, py] = make(i, n, label, noise, rand);
    xs[2 * k] = px;
    xs[2 * k + 1] = py;
    ys[k] = label;
  }
  const order = identityOrder(count);
  shuffleInPlace(order, rand);
  const x = new Float32Array(count * 2);
  const y = new Float32Array(count);
  order.forEach((from, to) => {
    x[2 * to] = xs[2 * from]!;
    x[2 * to + 1] = xs[2 * from + 1]!;
    y[to] = ys[from]!;
  });
  return { x, y, count, xShape: [2], yShape: [1] };
}

/** Rows [start, start + count) of point data, sharing its arrays. */
export function pointRows(data: PointData, start: number, count: number): PointData {
  return {
    x: data.x.subarray(start * 2, (start + count) * 2),
    y: data.y.subarray(start, start + count),
    count,
    xShape: [2],
    yShape: [1],
  };
}
