import { useMemo } from 'react';
import { parseTensorText, type ParsedTensor, type TensorTextError } from '../../data/tensorText';
import { makeTensor, type MadeTensor } from './makeTensor';
import { planTensor, type DTypeChoice, type Plan, type TensorFn } from './tfRules';
import { errorMessage } from '../../engine/errors';

export type Outcome =
  | { status: 'parse-error'; error: TensorTextError }
  | { status: 'tf-error'; parsed: ParsedTensor; plan: Extract<Plan, { ok: false }> }
  | { status: 'tfjs-error'; parsed: ParsedTensor; message: string }
  | { status: 'made'; parsed: ParsedTensor; made: MadeTensor }
  /** tfjs is switching backends (a lab starts one): no tensor can be made for a moment. */
  | { status: 'waiting'; parsed: ParsedTensor };

/** Parses the typed value, applies TensorFlow's rules, and makes the tensor with tfjs. */
export function useTensorOutcome(
  text: string,
  fn: TensorFn,
  dtype: DTypeChoice,
  backendStarting: boolean,
): Outcome {
  const parsed = useMemo(() => parseTensorText(text), [text]);
  return useMemo((): Outcome => {
    if (!parsed.ok) return { status: 'parse-error', error: parsed.error };
    const tensor = parsed.tensor;
    const plan = planTensor(tensor, fn, dtype);
    if (!plan.ok) return { status: 'tf-error', parsed: tensor, plan };
    if (backendStarting) return { status: 'waiting', parsed: tensor };
    try {
      return { status: 'made', parsed: tensor, made: makeTensor(tensor, plan.made, plan.castTo) };
    } catch (err) {
      return {
        status: 'tfjs-error',
        parsed: tensor,
        message: errorMessage(err),
      };
    }
  }, [parsed, fn, dtype, backendStarting]);
}
