import type { OptimizerConfig } from './config';

type Floats = Float32Array | Float64Array;

/**
 * Adam's bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ, step by step. tfjs starts its accumulated powers
 * at β (not 1) and multiplies them after each update, so step t divides by 1 − βᵗ.
 */
export class BiasCorrections {
  private accBeta1: number | null = null;
  private accBeta2 = 1;

  /** The corrections for the next update ([1, 1] for optimizers without them). */
  next(config: OptimizerConfig): [number, number] {
    if (config.kind !== 'adam') return [1, 1];
    if (this.accBeta1 === null) {
      this.accBeta1 = config.beta1;
      this.accBeta2 = config.beta2;
    } else {
      this.accBeta1 *= config.beta1;
      this.accBeta2 *= config.beta2;
    }
    return [1 - this.accBeta1, 1 - this.accBeta2];
  }
}

/**
 * One optimizer update of one parameter with the formulas of tfjs's `tf.train.*` optimizers:
 * reads the weights `w` and the gradient `g`, updates the slots `m` (momentum, Adam's first
 * moment, RMSprop's momentum) and `v` (Adam's second moment, RMSprop's mean square) in place and
 * writes the new weights to `out`, which may be `w` itself.
 */
export function updateParameter(
  c: OptimizerConfig,
  w: Floats,
  g: Floats,
  m: Floats,
  v: Floats,
  out: Floats,
  c1: number,
  c2: number,
): void {
  const lr = c.learningRate;
  const n = w.length;
  switch (c.kind) {
    case 'sgd':
      for (let i = 0; i < n; i++) out[i] = w[i]! - lr * g[i]!;
      return;
    case 'momentum': {
      const mu = c.momentum;
      for (let i = 0; i < n; i++) {
        const mi = mu * m[i]! + g[i]!;
        m[i] = mi;
        out[i] = w[i]! - lr * mi;
      }
      return;
    }
    case 'adam': {
      const { beta1, beta2, epsilon } = c;
      for (let i = 0; i < n; i++) {
        const gi = g[i]!;
        const mi = beta1 * m[i]! + (1 - beta1) * gi;
        const vi = beta2 * v[i]! + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        out[i] = w[i]! - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + epsilon);
      }
      return;
    }
    case 'rmsprop': {
      const { rho, momentum, epsilon } = c;
      for (let i = 0; i < n; i++) {
        const gi = g[i]!;
        const vi = rho * v[i]! + (1 - rho) * gi * gi;
        const mi = momentum * m[i]! + (lr * gi) / Math.sqrt(vi + epsilon);
        v[i] = vi;
        m[i] = mi;
        out[i] = w[i]! - mi;
      }
      return;
    }
  }
}
