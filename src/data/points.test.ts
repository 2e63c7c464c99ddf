import { describe, expect, test } from 'vitest';
import { makePoints, pointRows, POINT_DOMAIN, POINT_SETS, type PointData } from './points';

const labelled = (d: PointData, label: number) =>
  Array.from({ length: d.count }, (_, i) => [d.x[2 * i]!, d.x[2 * i + 1]!] as const).filter(
    (_, i) => d.y[i] === label,
  );

const radius = ([x, y]: readonly [number, number]) => Math.hypot(x, y);

describe('2-D point sets', () => {
  test.each(POINT_SETS)('%s: engine data with labels 0/1, half of each', (set) => {
    const d = makePoints(set, { count: 201, noise: 0.1, seed: 3 });
    expect(d.count).toBe(201);
    expect(d.xShape).toEqual([2]);
    expect(d.yShape).toEqual([1]);
    expect(d.x).toHaveLength(402);
    expect(d.y).toHaveLength(201);
    expect(new Set(d.y)).toEqual(new Set([0, 1]));
    expect(labelled(d, 1)).toHaveLength(101);
    expect(labelled(d, 0)).toHaveLength(100);
    for (const v of d.x) expect(Number.isFinite(v)).toBe(true);
  });

  test.each(POINT_SETS)('%s: the same seed gives the same points, another seed others', (set) => {
    const a = makePoints(set, { count: 100, noise: 0.2, seed: 7 });
    const b = makePoints(set, { count: 100, noise: 0.2, seed: 7 });
    const c = makePoints(set, { count: 100, noise: 0.2, seed: 8 });
    expect(a).toEqual(b);
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
  });

  test('without noise, circles put class 1 inside r = 2.5 and class 0 in the ring 3.5 to 5', () => {
    const d = makePoints('circles', { count: 400, noise: 0, seed: 1 });
    for (const p of labelled(d, 1)) expect(radius(p)).toBeLessThanOrEqual(2.5 + 1e-6);
    for (const p of labelled(d, 0)) {
      expect(radius(p)).toBeGreaterThanOrEqual(3.5 - 1e-6);
      expect(radius(p)).toBeLessThanOrEqual(5 + 1e-6);
    }
  });

  test('without noise, the two spiral arms are point reflections of each other', () => {
    // Arm 0 is arm 1 turned by half a turn: the k-th point of each is at the same radius.
    const d = makePoints('spiral', { count: 200, noise: 0, seed: 1 });
    const r1 = labelled(d, 1)
      .map(radius)
      .sort((a, b) => a - b);
    const r0 = labelled(d, 0)
      .map(radius)
      .sort((a, b) => a - b);
    r1.forEach((r, i) => expect(r).toBeCloseTo(r0[i]!, 5));
    expect(Math.max(...r1)).toBeLessThan(5);
  });

  test('the Gaussian clouds are centred at (2, 2) and (−2, −2) and spread more with noise', () => {
    const mean = (ps: (readonly [number, number])[], k: 0 | 1) =>
      ps.reduce((s, p) => s + p[k], 0) / ps.length;
    const spread = (noise: number) => {
      const ones = labelled(makePoints('gaussians', { count: 4000, noise, seed: 2 }), 1);
      const mx = mean(ones, 0);
      return Math.sqrt(ones.reduce((s, p) => s + (p[0] - mx) ** 2, 0) / ones.length);
    };
    const d = makePoints('gaussians', { count: 4000, noise: 0, seed: 2 });
    expect(mean(labelled(d, 1), 0)).toBeCloseTo(2, 1);
    expect(mean(labelled(d, 1), 1)).toBeCloseTo(2, 1);
    expect(mean(labelled(d, 0), 0)).toBeCloseTo(-2, 1);
    // Standard deviation √0.5 without noise, √4 = 2 at the most noise.
    expect(spread(0)).toBeCloseTo(Math.SQRT1_2, 1);
    expect(spread(0.5)).toBeCloseTo(2, 1);
  });

  test('noise moves points; clean points stay inside the domain', () => {
    const clean = makePoints('circles', { count: 100, noise: 0, seed: 4 });
    const noisy = makePoints('circles', { count: 100, noise: 0.3, seed: 4 });
    expect(Array.from(noisy.x)).not.toEqual(Array.from(clean.x));
    for (const set of ['circles', 'spiral'] as const) {
      for (const v of makePoints(set, { count: 300, noise: 0, seed: 5 }).x) {
        expect(v).toBeGreaterThanOrEqual(POINT_DOMAIN[0]);
        expect(v).toBeLessThanOrEqual(POINT_DOMAIN[1]);
      }
    }
  });

  test('the order is shuffled: the last fifth (a validation split) holds both classes', () => {
    for (const set of POINT_SETS) {
      const d = makePoints(set, { count: 500, noise: 0.1, seed: 9 });
      const tail = pointRows(d, 400, 100);
      const ones = Array.from(tail.y).filter((v) => v === 1).length;
      expect(ones).toBeGreaterThan(25);
      expect(ones).toBeLessThan(75);
    }
  });

  test('pointRows is a view of rows, not a copy', () => {
    const d = makePoints('spiral', { count: 10, noise: 0.1, seed: 1 });
    const rows = pointRows(d, 3, 4);
    expect(rows.count).toBe(4);
    expect(Array.from(rows.x)).toEqual(Array.from(d.x.subarray(6, 14)));
    expect(Array.from(rows.y)).toEqual(Array.from(d.y.subarray(3, 7)));
    expect(rows.x.buffer).toBe(d.x.buffer);
  });
});
