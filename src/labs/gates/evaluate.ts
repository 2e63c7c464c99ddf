import type * as tf from '@tensorflow/tfjs';
import { GATE_INPUTS, gateData, gateLabels, type Gate } from '../../data/gates';
import type { ModelConfig } from '../../engine/config';
import { buildModel } from '../../engine/model';
import { predictRows } from '../../engine/predict';
import { Trainer, type TrainerOptions, type TrainOutcome } from '../../engine/trainer';

export interface GateRow {
  a: number;
  b: number;
  output: number;
  predicted: 0 | 1;
  expected: 0 | 1;
  right: boolean;
}

const INPUTS = Float32Array.from(GATE_INPUTS.flat());

/** The lecture's printout, one row per input: `0 XOR 1 => 0.97 => 1`, thresholded at 0.5. */
export function gateRows(gate: Gate, outputs: ArrayLike<number>): GateRow[] {
  const labels = gateLabels(gate);
  return GATE_INPUTS.map(([a, b], i) => {
    const output = outputs[i]!;
    const predicted = output > 0.5 ? 1 : 0;
    const expected = labels[i] as 0 | 1;
    return { a, b, output, predicted, expected, right: predicted === expected };
  });
}

export function formatRow(gate: Gate, row: GateRow): string {
  return `${row.a} ${gate} ${row.b} => ${row.output.toFixed(2)} => ${row.predicted}`;
}

export function predictGate(model: tf.LayersModel): Promise<Float32Array> {
  return predictRows(model, INPUTS, GATE_INPUTS.length, [2]);
}

export interface GateRunResult {
  outcome: TrainOutcome;
  rows: GateRow[];
  solved: boolean;
}

/** Trains one model on one gate from scratch and judges it; everything is freed afterwards. */
export async function trainGate(
  config: ModelConfig,
  gate: Gate,
  options: TrainerOptions = {},
): Promise<GateRunResult> {
  const built = buildModel(config);
  try {
    const outcome = await new Trainer(built, config, gateData(gate), options).run();
    const rows = gateRows(gate, await predictGate(built.model));
    return { outcome, rows, solved: outcome.status === 'done' && rows.every((r) => r.right) };
  } finally {
    built.dispose();
  }
}
