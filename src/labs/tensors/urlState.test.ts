import { describe, expect, test } from 'vitest';
import { decodeTensors, DEFAULT_SETTINGS, encodeTensors, MAX_URL_TEXT } from './urlState';

describe('the tensors lab in the address', () => {
  test('round trip', () => {
    const settings = { text: '[1.7, -1.7]', fn: 'cast', dtype: 'int32' } as const;
    expect(decodeTensors(encodeTensors(settings))).toEqual({ settings, notices: [] });
  });

  test('no parameters: the lecture’s input_data with tf.constant', () => {
    expect(decodeTensors(new URLSearchParams())).toEqual({
      settings: DEFAULT_SETTINGS,
      notices: [],
    });
  });

  test('bad values are replaced, with notices', () => {
    const { settings, notices } = decodeTensors(
      new URLSearchParams({ 't.fn': 'tf.zeros', 't.dtype': 'int8' }),
    );
    expect(settings).toMatchObject({ fn: 'constant', dtype: 'given' });
    expect(notices.map((n) => n.field)).toEqual(['t.fn', 't.dtype']);
  });

  test('tf.cast needs a dtype', () => {
    const { settings, notices } = decodeTensors(
      new URLSearchParams({ 't.fn': 'cast', 't.dtype': 'given' }),
    );
    expect(settings.dtype).toBe('float32');
    expect(notices).toHaveLength(1);
  });

  test('long values stay out of the address', () => {
    const params = encodeTensors({ ...DEFAULT_SETTINGS, text: '0'.repeat(MAX_URL_TEXT + 1) });
    expect(params.has('t.value')).toBe(false);
  });
});
