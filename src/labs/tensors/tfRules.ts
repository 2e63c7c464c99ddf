import type { ParsedTensor } from '../../data/tensorText';
import { message, type Message, type Text } from '../../engine/message';
import type { DType } from './numpyText';
import { pythonLiteral } from './pythonText';

/**
 * What TensorFlow does with a Python value, decided before tfjs makes anything: which dtype
 * `tf.constant` / `tf.convert_to_tensor` give it, and which values they refuse (TensorFlow's
 * own error messages, from its Python-to-tensor conversion), so the lab shows what Python would.
 */

export type TensorFn = 'constant' | 'convert_to_tensor' | 'cast';
/** `given`: no dtype argument, TensorFlow infers it. Not allowed for tf.cast. */
export type DTypeChoice = 'given' | DType;

export const TENSOR_FNS: readonly TensorFn[] = ['constant', 'convert_to_tensor', 'cast'];
export const DTYPES: readonly DType[] = ['float32', 'int32', 'bool'];

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const FLOAT32_MAX = 3.4028234663852886e38;

export type Plan =
  | {
      ok: true;
      /** The dtype the tensor is made with (tf.constant's result, or tf.cast's input). */
      made: DType;
      /** tf.cast only: the dtype of the new tensor. */
      castTo?: DType;
    }
  | {
      ok: false;
      /**
       * The exception Python would raise, as it prints (`TypeError: Cannot convert …`), or what
       * tfjs cannot do.
       */
      error: Text;
      /** Why, for the student. */
      why: Message;
      /** True when TensorFlow would manage but tfjs cannot (no int64 in tfjs). */
      tfjsOnly?: boolean;
    };

function repr(p: ParsedTensor): string {
  return pythonLiteral(p.values, p.shape, p.kind, 80);
}

function mixedTypes(): Plan {
  return {
    ok: false,
    error: "ValueError: Can't convert Python sequence with mixed types to Tensor.",
    why: message('tensors.why.mixed'),
  };
}

function float32Overflow(p: ParsedTensor): Plan | null {
  if (!p.values.some((v) => Number.isFinite(v) && Math.abs(v) > FLOAT32_MAX)) return null;
  return {
    ok: false,
    error:
      "ValueError: Can't convert Python sequence with a value out of range for a double-precision float.",
    why: message('tensors.why.overflow'),
  };
}

/** TensorFlow's inferred dtype: float → float32, int → int32, bool → bool. */
function inferred(p: ParsedTensor): Plan {
  if (p.kind === 'bool')
    return p.has.int || p.has.float ? mixedTypes() : { ok: true, made: 'bool' };
  if (p.kind === 'float') return float32Overflow(p) ?? { ok: true, made: 'float32' };
  if (p.values.some((v) => v < INT32_MIN || v > INT32_MAX)) {
    return {
      ok: false,
      error: message('tensors.result.int64'),
      why: message('tensors.why.int64'),
      tfjsOnly: true,
    };
  }
  return { ok: true, made: 'int32' };
}

/** tf.constant / tf.convert_to_tensor with a dtype: converts only what loses nothing. */
function requested(p: ParsedTensor, dtype: DType): Plan {
  const refuse = (): Plan => ({
    ok: false,
    error: `TypeError: Cannot convert ${repr(p)} to EagerTensor of dtype ${dtype}`,
    why: message(dtype === 'int32' ? 'tensors.why.noInt' : 'tensors.why.noBool'),
  });
  if (dtype === 'float32') return float32Overflow(p) ?? { ok: true, made: 'float32' };
  if (dtype === 'int32') return p.has.float ? refuse() : { ok: true, made: 'int32' };
  if (p.has.int || p.has.float) return p.kind === 'bool' ? mixedTypes() : refuse();
  return { ok: true, made: 'bool' };
}

export function planTensor(p: ParsedTensor, fn: TensorFn, choice: DTypeChoice): Plan {
  if (fn === 'cast') {
    const input = inferred(p);
    return input.ok ? { ...input, castTo: choice === 'given' ? 'float32' : choice } : input;
  }
  return choice === 'given' ? inferred(p) : requested(p, choice);
}

/** The Python line the student would write, e.g. `x = tf.cast(tf.constant([1.7]), tf.int32)`. */
export function pythonCall(literal: string, fn: TensorFn, choice: DTypeChoice): string {
  const dtype = choice === 'given' ? 'float32' : choice;
  if (fn === 'cast') return `x = tf.cast(tf.constant(${literal}), tf.${dtype})`;
  const arg = choice === 'given' ? '' : `, dtype=tf.${choice}`;
  if (fn === 'constant') return `x = tf.constant(${literal}${arg})`;
  return `x = tf.convert_to_tensor(value=${literal}${arg})`;
}

/** The same in tfjs, e.g. `const x = tf.cast(tf.tensor([1.7], [1], 'float32'), 'int32');`. */
export function jsCall(
  literal: string,
  shape: readonly number[],
  made: DType,
  castTo?: DType,
): string {
  const tensor = `tf.tensor(${literal}, [${shape.join(', ')}], '${made}')`;
  return `const x = ${castTo ? `tf.cast(${tensor}, '${castTo}')` : tensor};`;
}
