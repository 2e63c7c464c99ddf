export const GATES = ['AND', 'OR', 'NAND', 'NOR', 'XOR', 'XNOR'] as const;
export type Gate = (typeof GATES)[number];

/** The lecture's four inputs, in its order. */
export const GATE_INPUTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

const RULES: Record<Gate, (a: boolean, b: boolean) => boolean> = {
  AND: (a, b) => a && b,
  OR: (a, b) => a || b,
  NAND: (a, b) => !(a && b),
  NOR: (a, b) => !(a || b),
  XOR: (a, b) => a !== b,
  XNOR: (a, b) => a === b,
};

export function gateLabels(gate: Gate): number[] {
  return GATE_INPUTS.map(([a, b]) => (RULES[gate](a === 1, b === 1) ? 1 : 0));
}

/** The gate's truth table as training data for the engine. */
export function gateData(gate: Gate) {
  return {
    x: Float32Array.from(GATE_INPUTS.flat()),
    y: Float32Array.from(gateLabels(gate)),
    count: GATE_INPUTS.length,
    xShape: [2] as const,
    yShape: [1] as const,
  };
}

/** Whether one straight line can split the gate's 0s from its 1s (what a single-layer perceptron draws). */
export function linearlySeparable(gate: Gate): boolean {
  return gate !== 'XOR' && gate !== 'XNOR';
}
