import { describe, expect, test } from 'vitest';
import { GATE_INPUTS, GATES, gateData, gateLabels, linearlySeparable } from './gates';

describe('logic gates', () => {
  test('inputs are in the lecture order 00, 01, 10, 11', () => {
    expect(GATE_INPUTS).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
  });

  test('truth tables of all six gates', () => {
    const tables: Record<(typeof GATES)[number], number[]> = {
      AND: [0, 0, 0, 1],
      OR: [0, 1, 1, 1],
      NAND: [1, 1, 1, 0],
      NOR: [1, 0, 0, 0],
      XOR: [0, 1, 1, 0],
      XNOR: [1, 0, 0, 1],
    };
    expect([...GATES].sort()).toEqual(Object.keys(tables).sort());
    for (const gate of GATES) expect(gateLabels(gate), gate).toEqual(tables[gate]);
  });

  test('gateData is the truth table as flat typed arrays for the engine', () => {
    const d = gateData('NAND');
    expect(d.count).toBe(4);
    expect(d.xShape).toEqual([2]);
    expect(d.yShape).toEqual([1]);
    expect(d.x).toBeInstanceOf(Float32Array);
    expect(Array.from(d.x)).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect(Array.from(d.y)).toEqual([1, 1, 1, 0]);
  });
});

describe('linearlySeparable', () => {
  test('agrees with a search for a separating line w·x + b = 0', () => {
    const steps = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];
    for (const gate of GATES) {
      const labels = gateLabels(gate);
      const found = steps.some((w1) =>
        steps.some((w2) =>
          steps.some((b) =>
            GATE_INPUTS.every(([x1, x2], i) => w1 * x1 + w2 * x2 + b > 0 === (labels[i] === 1)),
          ),
        ),
      );
      expect(linearlySeparable(gate), gate).toBe(found);
    }
    expect(GATES.filter((g) => !linearlySeparable(g))).toEqual(['XOR', 'XNOR']);
  });
});
