import { message } from '../../engine/message';
import type { Notice } from '../../engine/repair';
import { LECTURE_INPUT } from './examples';
import { DTYPES, TENSOR_FNS, type DTypeChoice, type TensorFn } from './tfRules';

export interface TensorSettings {
  text: string;
  fn: TensorFn;
  dtype: DTypeChoice;
}

export const DEFAULT_SETTINGS: TensorSettings = {
  text: LECTURE_INPUT,
  fn: 'constant',
  dtype: 'given',
};

/** Longer values stay out of the address (a link has to stay a link). */
export const MAX_URL_TEXT = 2000;

export function encodeTensors(
  settings: TensorSettings,
  params = new URLSearchParams(),
): URLSearchParams {
  params.set('t.fn', settings.fn);
  params.set('t.dtype', settings.dtype);
  if (settings.text.length <= MAX_URL_TEXT) params.set('t.value', settings.text);
  else params.delete('t.value');
  return params;
}

export function decodeTensors(params: URLSearchParams): {
  settings: TensorSettings;
  notices: Notice[];
} {
  const notices: Notice[] = [];
  let { fn, dtype } = DEFAULT_SETTINGS;
  const fnText = params.get('t.fn');
  if (fnText !== null) {
    if ((TENSOR_FNS as readonly string[]).includes(fnText)) fn = fnText as TensorFn;
    else
      notices.push({
        field: 't.fn',
        message: message('repair.notAFunction', { value: fnText, fallback: fn }),
      });
  }
  const dtypeText = params.get('t.dtype');
  if (dtypeText !== null) {
    if (dtypeText === 'given' || (DTYPES as readonly string[]).includes(dtypeText)) {
      dtype = dtypeText as DTypeChoice;
    } else {
      notices.push({
        field: 't.dtype',
        message: message('repair.notADtype', { value: dtypeText, fallback: dtype }),
      });
    }
  }
  if (fn === 'cast' && dtype === 'given') {
    dtype = 'float32';
    if (dtypeText !== null)
      notices.push({ field: 't.dtype', message: message('repair.castNeedsDtype') });
  }
  const text = params.get('t.value') ?? DEFAULT_SETTINGS.text;
  return { settings: { text, fn, dtype }, notices };
}
