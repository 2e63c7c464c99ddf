/*
 * Helpers for writing small WebAssembly modules byte by byte (simdUpdate.ts, simdBatch.ts): value
 * types, sections, and the instructions those modules use, SIMD ones among them.
 */

export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** Unsigned LEB128 (also right for the small non-negative constants of i32.const here). */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
export const section = (id: number, body: number[]): number[] => [
  id,
  ...uleb(body.length),
  ...body,
];
export const name = (s: string): number[] => [
  ...uleb(s.length),
  ...[...s].map((c) => c.charCodeAt(0)),
];

// Instructions.
export const get = (i: number) => [0x20, ...uleb(i)];
export const set = (i: number) => [0x21, ...uleb(i)];
export const tee = (i: number) => [0x22, ...uleb(i)];
export const i32 = (n: number) => [0x41, ...uleb(n)];
export const [I32_EQZ, I32_LT_U, I32_ADD, I32_SUB, I32_MUL] = [0x45, 0x49, 0x6a, 0x6b, 0x6c];
export const BLOCK = [0x02, 0x40];
export const LOOP = [0x03, 0x40];
export const END = 0x0b;
export const BR_IF_0 = [0x0d, 0];
export const simd = (op: number) => [0xfd, ...uleb(op)];
export const MEMARG = [2, 0]; // 4-byte alignment hint, offset 0
export const load = [...simd(0x00), ...MEMARG];
export const store = [...simd(0x0b), ...MEMARG];
export const storeLane = (lane: number) => [...simd(0x5a), ...MEMARG, lane]; // v128.store32_lane
export const splat = simd(0x13);
export const sqrt = simd(0xe3);
export const add = simd(0xe4);
export const sub = simd(0xe5);
export const mul = simd(0xe6);
export const div = simd(0xe7);
export const [I16X8_EXTEND_LOW_U8, I16X8_EXTEND_HIGH_U8] = [simd(0x89), simd(0x8a)];
export const [I32X4_EXTEND_LOW_U16, I32X4_EXTEND_HIGH_U16] = [simd(0xa9), simd(0xaa)];
export const F32X4_CONVERT_U32 = simd(0xfb);
/** v128.load with no alignment promised (byte data). */
export const loadBytes = [...simd(0x00), 0, 0];
/** v128.store at `offset` bytes past the address on the stack. */
export const storeAt = (offset: number) => [...simd(0x0b), 2, ...uleb(offset)];

/** The most pages a 32-bit wasm memory can have: a shared memory's import must name a maximum. */
export const MAX_PAGES = 65536;

/** The import of the wasm backend's memory, as env.memory; shared for the threaded build. */
function memoryImport(shared: boolean): number[] {
  const limits = shared ? [0x03, 1, ...uleb(MAX_PAGES)] : [0x00, 1];
  return [...name('env'), ...name('memory'), 0x02, ...limits];
}

/** A module's header. */
const MAGIC_AND_VERSION = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** A function type: these parameter types, no results. */
export const functionType = (params: readonly number[]): number[] => [
  0x60,
  ...vec(params.map((p) => [p])),
  0,
];

/** A function's code entry: `ints` i32 and `vectors` v128 locals after its parameters, then `code`. */
export function functionBody(ints: number, vectors: number, code: readonly number[]): number[] {
  const locals = vec([
    [ints, I32],
    [vectors, V128],
  ]);
  const fn = [...locals, ...code, END];
  return [...uleb(fn.length), ...fn];
}

export interface ExportedFunction {
  name: string;
  /** Its type's index in the module's types. */
  type: number;
  body: number[];
}

/** A module of exported functions on the wasm backend's memory (imported as env.memory). */
export function moduleBytes(
  shared: boolean,
  types: readonly number[][],
  functions: readonly ExportedFunction[],
): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([
    ...MAGIC_AND_VERSION,
    ...section(1, vec([...types])),
    ...section(2, vec([memoryImport(shared)])),
    ...section(3, vec(functions.map((f) => [f.type]))),
    ...section(7, vec(functions.map((f, i) => [...name(f.name), 0x00, i]))),
    ...section(10, vec(functions.map((f) => f.body))),
  ]);
}

/**
 * Starts a module on the wasm backend's memory: `bytesFor(shared)` gives its bytes for a plain or
 * a shared memory. Returns its exported functions, or why it cannot run here.
 */
export function instantiateOn<F extends string>(
  memory: WebAssembly.Memory,
  bytesFor: (shared: boolean) => Uint8Array<ArrayBuffer>,
): Record<F, (...args: number[]) => void> | string {
  const shared =
    typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
  const bytes = bytesFor(shared);
  if (!WebAssembly.validate(bytes)) return 'this browser has no WebAssembly SIMD';
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    return instance.exports as unknown as Record<F, (...args: number[]) => void>;
  } catch (err) {
    return `the SIMD module did not start (${err instanceof Error ? err.message : String(err)})`;
  }
}
