import type { OptimizerConfig } from './config';

/*
 * The optimizer updates as WebAssembly SIMD functions (four floats per instruction) that work
 * on the wasm backend's own memory. A JavaScript loop with a square root and a division per
 * weight costs several nanoseconds a weight, which for the lecture's 118,282 weights is a third
 * of a training step; these take a fraction of that. The module is a few hundred bytes, written
 * out here instruction by instruction, so there is nothing to build.
 *
 * The arithmetic is float32 in the order of tfjs's own optimizers (adam_optimizer.ts and the
 * others in tfjs-core 4.22), so the results match theirs closely. Only whole groups of four
 * floats are done here; the caller does the last 0–3 of a parameter.
 */

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

// Instructions used below.
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const simd = (op: number) => [0xfd, ...uleb(op)];
const MEMARG = [2, 0]; // 4-byte alignment hint, offset 0
const load = [...simd(0x00), ...MEMARG];
const store = [...simd(0x0b), ...MEMARG];
const splat = simd(0x13);
const sqrt = simd(0xe3);
const add = simd(0xe4);
const sub = simd(0xe5);
const mul = simd(0xe6);
const div = simd(0xe7);
const I32_ADD = 0x6a;
const I32_LT_U = 0x49;
const I32_EQZ = 0x45;

// Parameters of every function: five byte addresses, the byte count, then eight f32 constants.
const [W, G, M, V, OUT, BYTES] = [0, 1, 2, 3, 4, 5];
const CONSTS = 8;
const FIRST_CONST = 6;
// Locals: the loop's byte offset, one v128 per constant (splatted), and a scratch v128.
const I = FIRST_CONST + CONSTS;
const K = (c: number) => I + 1 + c;
const TMP = I + 1 + CONSTS;

/** The address of parameter `p`'s current four floats. */
const at = (p: number) => [...get(p), ...get(I), I32_ADD];

/**
 * A function that splats its constants, then runs `body` for every 16 bytes. `body` leaves
 * nothing on the stack.
 */
function loopFunction(body: number[]): number[] {
  const prologue: number[] = [];
  for (let c = 0; c < CONSTS; c++) prologue.push(...get(FIRST_CONST + c), ...splat, ...set(K(c)));
  const code = [
    ...prologue,
    // block { if bytes == 0 break; loop { body; i += 16; if i < bytes continue } }
    0x02,
    0x40,
    ...get(BYTES),
    I32_EQZ,
    0x0d,
    0,
    0x03,
    0x40,
    ...body,
    ...get(I),
    0x41,
    16,
    I32_ADD,
    ...tee(I),
    ...get(BYTES),
    I32_LT_U,
    0x0d,
    0,
    0x0b,
    0x0b,
    0x0b,
  ];
  const locals = vec([
    [1, I32],
    [CONSTS + 1, V128],
  ]);
  const fn = [...locals, ...code];
  return [...uleb(fn.length), ...fn];
}

/** sgd: w + (−lr)·g. Constants: −lr. */
const SGD_BODY = [
  ...at(OUT),
  ...get(K(0)),
  ...at(G),
  ...load,
  ...mul,
  ...at(W),
  ...load,
  ...add,
  ...store,
];

/** momentum: m ← μ·m + g; w + (−lr)·m. Constants: μ, −lr. */
const MOMENTUM_BODY = [
  ...at(M),
  ...at(M),
  ...load,
  ...get(K(0)),
  ...mul,
  ...at(G),
  ...load,
  ...add,
  ...tee(TMP),
  ...store,
  ...at(OUT),
  ...get(TMP),
  ...get(K(1)),
  ...mul,
  ...at(W),
  ...load,
  ...add,
  ...store,
];

/**
 * adam: m ← β₁·m + (1−β₁)·g; v ← β₂·v + (1−β₂)·g²; w + ((m/c₁) / (√(v/c₂) + ε))·(−lr).
 * Constants: β₁, 1−β₁, β₂, 1−β₂, c₁, c₂, ε, −lr.
 */
const ADAM_BODY = [
  // m
  ...at(M),
  ...at(M),
  ...load,
  ...get(K(0)),
  ...mul,
  ...at(G),
  ...load,
  ...get(K(1)),
  ...mul,
  ...add,
  ...store,
  // v
  ...at(V),
  ...at(V),
  ...load,
  ...get(K(2)),
  ...mul,
  ...at(G),
  ...load,
  ...tee(TMP),
  ...get(TMP),
  ...mul,
  ...get(K(3)),
  ...mul,
  ...add,
  ...store,
  // w
  ...at(OUT),
  ...at(M),
  ...load,
  ...get(K(4)),
  ...div,
  ...at(V),
  ...load,
  ...get(K(5)),
  ...div,
  ...sqrt,
  ...get(K(6)),
  ...add,
  ...div,
  ...get(K(7)),
  ...mul,
  ...at(W),
  ...load,
  ...add,
  ...store,
];

/**
 * rmsprop: v ← ρ·v + (1−ρ)·g²; m ← μ·m + (g·lr) / √(v + ε); w − m.
 * Constants: ρ, 1−ρ, μ, lr, ε.
 */
const RMSPROP_BODY = [
  ...at(V),
  ...at(V),
  ...load,
  ...get(K(0)),
  ...mul,
  ...at(G),
  ...load,
  ...tee(TMP),
  ...get(TMP),
  ...mul,
  ...get(K(1)),
  ...mul,
  ...add,
  ...store,
  ...at(M),
  ...at(M),
  ...load,
  ...get(K(2)),
  ...mul,
  ...at(G),
  ...load,
  ...get(K(3)),
  ...mul,
  ...at(V),
  ...load,
  ...get(K(4)),
  ...add,
  ...sqrt,
  ...div,
  ...add,
  ...tee(TMP),
  ...store,
  ...at(OUT),
  ...at(W),
  ...load,
  ...get(TMP),
  ...sub,
  ...store,
];

const FUNCTIONS = {
  sgd: SGD_BODY,
  momentum: MOMENTUM_BODY,
  adam: ADAM_BODY,
  rmsprop: RMSPROP_BODY,
};
type Kind = keyof typeof FUNCTIONS;
const KINDS = Object.keys(FUNCTIONS) as Kind[];

/** The module's bytes: one function per optimizer, all of one type, on an imported memory. */
export function simdModuleBytes(): Uint8Array<ArrayBuffer> {
  const type = [
    0x60,
    ...vec([...Array<number>(6).fill(I32), ...Array<number>(CONSTS).fill(F32)].map((t) => [t])),
    0,
  ];
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, 1];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([type])),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(KINDS.map(() => [0]))),
    ...section(7, vec(KINDS.map((k, i) => [...name(k), 0x00, i]))),
    ...section(10, vec(KINDS.map((k) => loopFunction(FUNCTIONS[k])))),
  ]);
}

type SimdFunction = (
  w: number,
  g: number,
  m: number,
  v: number,
  out: number,
  bytes: number,
  ...k: number[]
) => void;

/** The SIMD updates, bound to one wasm memory. */
export interface SimdUpdater {
  /**
   * Updates the first `count` floats (a multiple of 4) of one parameter: weights at byte address
   * `w`, gradient `g`, slots `m` and `v` (updated in place; any address when unused), new weights
   * to `out`. `c1`, `c2` are Adam's bias corrections.
   */
  update(
    c: OptimizerConfig,
    w: number,
    g: number,
    m: number,
    v: number,
    out: number,
    count: number,
    c1: number,
    c2: number,
  ): void;
}

/** Instantiates the module on `memory`, or says why it cannot run here. */
export function simdUpdater(memory: WebAssembly.Memory): SimdUpdater | string {
  if (typeof WebAssembly === 'undefined') return 'no WebAssembly';
  const bytes = simdModuleBytes();
  if (!WebAssembly.validate(bytes)) return 'this browser has no WebAssembly SIMD';
  let exports: Record<Kind, SimdFunction>;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    exports = instance.exports as unknown as Record<Kind, SimdFunction>;
  } catch (err) {
    return `the SIMD module did not start (${err instanceof Error ? err.message : String(err)})`;
  }
  return {
    update(c, w, g, m, v, out, count, c1, c2) {
      const bytes = count * 4;
      const lr = c.learningRate;
      switch (c.kind) {
        case 'sgd':
          return exports.sgd(w, g, m, v, out, bytes, -lr, 0, 0, 0, 0, 0, 0, 0);
        case 'momentum':
          return exports.momentum(w, g, m, v, out, bytes, c.momentum, -lr, 0, 0, 0, 0, 0, 0);
        case 'adam':
          return exports.adam(
            w,
            g,
            m,
            v,
            out,
            bytes,
            c.beta1,
            1 - c.beta1,
            c.beta2,
            1 - c.beta2,
            c1,
            c2,
            c.epsilon,
            -lr,
          );
        case 'rmsprop':
          return exports.rmsprop(
            w,
            g,
            m,
            v,
            out,
            bytes,
            c.rho,
            1 - c.rho,
            c.momentum,
            lr,
            c.epsilon,
            0,
            0,
            0,
          );
      }
    },
  };
}
