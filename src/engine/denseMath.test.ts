import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CASES, configOf, size, targets, tfjsGradients, type GradCase } from '../test/denseCases';
import { expectAllClose, testNumbers, setCpuBackend } from '../test/helpers';
import type { OptimizerConfig } from './config';
import { DenseOptimizer, DenseScratch, forwardBackward, type DenseNet } from './denseMath';
import { accuracyKind } from './loss';
import { buildModel } from './model';

beforeAll(setCpuBackend);

function netOf(model: tf.LayersModel, c: GradCase): DenseNet {
  const params = model.trainableWeights.map((w) =>
    Float32Array.from(w.read().dataSync() as Float32Array),
  );
  return {
    sizes: [size(c.inputShape), ...c.hidden.map((h) => h.units), c.output.units],
    activations: [...c.hidden.map((h) => h.activation), c.output.activation],
    kernels: params.filter((_, i) => i % 2 === 0),
    biases: params.filter((_, i) => i % 2 === 1),
  };
}

function fusedGradients(
  net: DenseNet,
  s: DenseScratch,
  x: Float32Array,
  y: Float32Array,
  rows: number,
  c: GradCase,
): { loss: number; correct: number; grads: Float64Array[] } {
  s.a[0]!.set(x);
  const r = forwardBackward(net, s, rows, y, c.loss, accuracyKind(c));
  return { ...r, grads: s.gradK.flatMap((gk, l) => [gk, s.gradB[l]!]) };
}

describe('forwardBackward gradients equal tf.variableGrads on the same tfjs model', () => {
  for (const c of CASES) {
    for (const rows of [1, 3, 8]) {
      test(`${c.name}, batch ${rows}`, () => {
        const built = buildModel(configOf(c, 11 + rows));
        try {
          const xSize = size(c.inputShape);
          const x = testNumbers(rows * xSize, 100 + rows, -2, 2);
          const { y, yShape } = targets(c, rows, 200 + rows);
          const want = tfjsGradients(built.model, x, y, rows, c, yShape);
          const net = netOf(built.model, c);
          const got = fusedGradients(net, new DenseScratch(net, rows), x, y, rows, c);
          expect(got.loss).toBeCloseTo(want.loss, 5);
          want.grads.forEach((g, p) => {
            // Not trivially zero, so the comparison means something.
            expect(
              g.some((v) => v !== 0),
              `parameter ${p} has a non-zero gradient`,
            ).toBe(true);
            expectAllClose(got.grads[p]!, g, { rel: 1e-5, abs: 1e-7, label: `parameter ${p}` });
          });
        } finally {
          built.dispose();
        }
      });
    }
  }

  test('a last partial batch in a scratch sized for a full batch ignores the stale rows', () => {
    for (const c of [CASES[0]!, CASES[3]!, CASES[5]!]) {
      const built = buildModel(configOf(c, 5));
      try {
        const xSize = size(c.inputShape);
        const net = netOf(built.model, c);
        const s = new DenseScratch(net, 5);
        // A full batch first, so the scratch holds values from other rows.
        const xFull = testNumbers(5 * xSize, 1, -2, 2);
        fusedGradients(net, s, xFull, targets(c, 5, 2).y, 5, c);
        // Then a partial batch of 2 rows.
        const x = testNumbers(2 * xSize, 3, -2, 2);
        const { y, yShape } = targets(c, 2, 4);
        const got = fusedGradients(net, s, x, y, 2, c);
        const want = tfjsGradients(built.model, x, y, 2, c, yShape);
        expect(got.loss).toBeCloseTo(want.loss, 5);
        want.grads.forEach((g, p) =>
          expectAllClose(got.grads[p]!, g, { label: `${c.name} p${p}` }),
        );
      } finally {
        built.dispose();
      }
    }
  });

  test('saturated outputs: clipped probabilities get the gradient tfjs gives (none through the clip)', () => {
    // lossDigits: the fused path clips at 1 − 1e-7 in float64, tfjs at float32(1 − 1e-7) = 1 − 1.19e-7,
    // so a confidently wrong sigmoid output costs 16.12 there and 15.94 in tfjs (reported separately).
    const cases: {
      c: GradCase;
      kernel: number[];
      x: number[];
      y: number[];
      yShape: number[];
      lossDigits: number;
    }[] = [
      {
        // Logits 30·x: rows 0 and 1 are saturated (one confidently wrong, one confidently right).
        c: {
          name: 'softmax',
          inputShape: [3],
          hidden: [],
          output: { units: 3, activation: 'softmax' },
          loss: 'sparseCategoricalCrossentropy',
        },
        kernel: [30, 0, 0, 0, 30, 0, 0, 0, 30],
        x: [1, 0, 0, 0, 1, 0, 0.1, 0, 0],
        y: [1, 1, 2],
        yShape: [1],
        lossDigits: 4,
      },
      {
        c: {
          name: 'sigmoid',
          inputShape: [2],
          hidden: [],
          output: { units: 1, activation: 'sigmoid' },
          loss: 'binaryCrossentropy',
        },
        kernel: [30, -30],
        x: [1, 0, 0, 1, 0.1, 0],
        y: [0, 0, 1],
        yShape: [1],
        lossDigits: 0,
      },
    ];
    for (const { c, kernel, x, y, yShape, lossDigits } of cases) {
      const built = buildModel(configOf(c, 1));
      try {
        const units = c.output.units;
        tf.tidy(() =>
          built.model.setWeights([
            tf.tensor2d(kernel, [size(c.inputShape), units]),
            tf.zeros([units]),
          ]),
        );
        const net = netOf(built.model, c);
        const xs = Float32Array.from(x);
        const ys = Float32Array.from(y);
        const got = fusedGradients(net, new DenseScratch(net, 3), xs, ys, 3, c);
        const want = tfjsGradients(built.model, xs, ys, 3, c, yShape);
        expect(got.loss).toBeCloseTo(want.loss, lossDigits);
        want.grads.forEach((g, p) =>
          expectAllClose(got.grads[p]!, g, { label: `${c.name} p${p}` }),
        );
      } finally {
        built.dispose();
      }
    }
  });

  test('counts right answers as binary accuracy (1 output, threshold 0.5) and sparse accuracy (argmax)', () => {
    // One sigmoid unit computing sigmoid(10·x0 − 5): x0 = 1 → 0.993 (class 1), x0 = 0 → 0.007 (class 0).
    const bin: DenseNet = {
      sizes: [2, 1],
      activations: ['sigmoid'],
      kernels: [Float32Array.from([10, 0])],
      biases: [Float32Array.from([-5])],
    };
    const s = new DenseScratch(bin, 4);
    s.a[0]!.set([1, 0, 0, 0, 1, 1, 0, 1]);
    const labels = [1, 1, 0, 0];
    const r = forwardBackward(bin, s, 4, Float32Array.from(labels), 'mse', 'binary');
    // Predictions 1, 0, 1, 0 against labels 1, 1, 0, 0.
    expect(r.correct).toBe(2);
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    const outs = [sig(5), sig(-5), sig(5), sig(-5)];
    const mse = outs.reduce((sum, o, i) => sum + (o - labels[i]!) ** 2, 0) / 4;
    expect(r.loss).toBeCloseTo(mse, 10);

    // Softmax over 3 classes with kernel = identity: the argmax is the largest input.
    const soft: DenseNet = {
      sizes: [3, 3],
      activations: ['softmax'],
      kernels: [Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1])],
      biases: [new Float32Array(3)],
    };
    const t = new DenseScratch(soft, 3);
    t.a[0]!.set([3, 1, 2, 0, 0, 5, 1, 4, 0]); // argmax 0, 2, 1
    const q = forwardBackward(
      soft,
      t,
      3,
      Float32Array.from([0, 1, 1]),
      'sparseCategoricalCrossentropy',
      'sparse',
    );
    expect(q.correct).toBe(2);
    // Loss: −mean(log softmax(row)[label]).
    const logSoftmax = (row: number[], k: number) =>
      row[k]! - Math.log(row.reduce((a, v) => a + Math.exp(v), 0));
    const want =
      -(logSoftmax([3, 1, 2], 0) + logSoftmax([0, 0, 5], 1) + logSoftmax([1, 4, 0], 1)) / 3;
    expect(q.loss).toBeCloseTo(want, 10);
  });
});

describe('DenseOptimizer, hand-computed updates of one parameter', () => {
  const run = (config: OptimizerConfig, gradients: number[]) => {
    const w = Float32Array.from([1]);
    const opt = new DenseOptimizer(config, [1]);
    return gradients.map((g) => {
      opt.apply([w], [Float64Array.from([g])]);
      return w[0]!;
    });
  };

  test('sgd: w ← w − lr·g', () => {
    const [a, b] = run({ kind: 'sgd', learningRate: 0.1 }, [0.5, -2]);
    expect(a).toBeCloseTo(0.95, 6);
    expect(b).toBeCloseTo(1.15, 6);
  });

  test('momentum: m ← μ·m + g; w ← w − lr·m', () => {
    const [a, b, c] = run({ kind: 'momentum', learningRate: 0.1, momentum: 0.9 }, [0.5, 0.5, 0]);
    expect(a).toBeCloseTo(1 - 0.05, 6); // m = 0.5
    expect(b).toBeCloseTo(0.95 - 0.095, 6); // m = 0.95
    expect(c).toBeCloseTo(0.855 - 0.0855, 6); // m = 0.855, no new gradient
  });

  test('adam: with a constant gradient every bias-corrected step is lr·g/(|g|+ε)', () => {
    const steps = run(
      { kind: 'adam', learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
      [-2, -2, -2],
    );
    expect(steps[0]).toBeCloseTo(1.1, 6);
    expect(steps[1]).toBeCloseTo(1.2, 6);
    expect(steps[2]).toBeCloseTo(1.3, 5);
    // With β₁ = 0 and a changing gradient: m̂ = g, v̂ = (β₂·g₁²·… ) / (1 − β₂ᵗ).
    const [a, b] = run(
      { kind: 'adam', learningRate: 0.01, beta1: 0, beta2: 0.5, epsilon: 1e-7 },
      [1, 3],
    );
    expect(a).toBeCloseTo(1 - 0.01, 6); // v̂ = 0.5·1 / 0.5 = 1
    const vHat = (0.5 * 0.5 * 1 + 0.5 * 9) / (1 - 0.25);
    expect(b).toBeCloseTo(0.99 - (0.01 * 3) / Math.sqrt(vHat), 6);
  });

  test('rmsprop: ms ← ρ·ms + (1−ρ)·g²; mom ← μ·mom + lr·g/√(ms+ε); w ← w − mom', () => {
    const [a, b] = run(
      { kind: 'rmsprop', learningRate: 0.01, rho: 0.9, momentum: 0, epsilon: 1e-7 },
      [0.5, 0.5],
    );
    const step1 = (0.01 * 0.5) / Math.sqrt(0.025 + 1e-7);
    const step2 = (0.01 * 0.5) / Math.sqrt(0.9 * 0.025 + 0.025 + 1e-7);
    expect(a).toBeCloseTo(1 - step1, 6);
    expect(b).toBeCloseTo(1 - step1 - step2, 6);
    const [c, d] = run(
      { kind: 'rmsprop', learningRate: 0.01, rho: 0.9, momentum: 0.5, epsilon: 1e-7 },
      [0.5, 0.5],
    );
    expect(c).toBeCloseTo(1 - step1, 6);
    expect(d).toBeCloseTo(1 - step1 - (0.5 * step1 + step2), 6);
  });

  test('updates every parameter array with its own gradient and its own slots', () => {
    const params = [Float32Array.from([1, 2]), Float32Array.from([3])];
    const opt = new DenseOptimizer({ kind: 'momentum', learningRate: 1, momentum: 0.5 }, [2, 1]);
    opt.apply(params, [Float64Array.from([1, 0]), Float64Array.from([-1])]);
    opt.apply(params, [Float64Array.from([0, 1]), Float64Array.from([0])]);
    expect(Array.from(params[0]!)).toEqual([1 - 1 - 0.5, 2 - 0 - 1]);
    expect(Array.from(params[1]!)).toEqual([3 + 1 + 0.5]);
  });
});

describe('a confidently wrong sigmoid output', () => {
  test('the fused binary cross-entropy clips like tfjs (float32 epsilon), so the losses agree', () => {
    const c: GradCase = {
      name: 'saturated',
      inputShape: [2],
      hidden: [],
      output: { units: 1, activation: 'sigmoid' },
      loss: 'binaryCrossentropy',
    };
    const built = buildModel(configOf(c, 1));
    try {
      // Weights that push the output to 1 (sigmoid(40)) for an example labelled 0.
      built.model.trainableWeights[0]!.write(tf.tensor([[20], [20]]));
      const x = Float32Array.from([1, 1]);
      const y = Float32Array.from([0]);
      const want = tfjsGradients(built.model, x, y, 1, c, [1]);
      const net = netOf(built.model, c);
      const got = fusedGradients(net, new DenseScratch(net, 1), x, y, 1, c);
      expect(want.loss).toBeGreaterThan(15);
      expect(got.loss).toBeCloseTo(want.loss, 4);
    } finally {
      built.dispose();
    }
  });
});
