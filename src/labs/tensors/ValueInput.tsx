import { useEffect, useId, useRef } from 'react';
import { errorExcerpt } from '../../data/tensorText';
import { Select } from '../../ui/Slider';
import { EXAMPLES, type Example } from './examples';
import { DTYPES, type DTypeChoice, type TensorFn } from './tfRules';
import type { Outcome } from './useTensorOutcome';
import type { TensorSettings } from './urlState';

const FN_OPTIONS: readonly { value: TensorFn; label: string }[] = [
  { value: 'constant', label: 'tf.constant' },
  { value: 'convert_to_tensor', label: 'tf.convert_to_tensor' },
  { value: 'cast', label: 'tf.cast' },
];

const FN_NOTES: Record<TensorFn, string> = {
  constant:
    'tf.constant(value, dtype=None) makes a tensor with the same content as value. Without a dtype, TensorFlow picks one: floats → float32, whole numbers → int32, True/False → bool.',
  convert_to_tensor:
    'tf.convert_to_tensor(value, dtype=None): for a Python list, the same as tf.constant. With a dtype it converts only what loses nothing: whole numbers → float32 works, 1.7 → int32 is an error.',
  cast: 'tf.cast(x, dtype) makes a new tensor with x’s values converted to dtype: floats → int32 cut off their fractions, anything → bool is “not zero”.',
};

/**
 * Longer text is read but not kept in the text box: a browser needs seconds to lay out
 * megabytes of text, so the box shows the start of it instead.
 */
export const MAX_SHOWN_CHARS = 1_000_000;
const PREVIEW_CHARS = 2_000;

/** What the text box shows: the value, or the start of a value too long to show. */
export function shownText(text: string): string {
  if (text.length <= MAX_SHOWN_CHARS) return text;
  return `${text.slice(0, PREVIEW_CHARS)} …\n\n(${text.length.toLocaleString('en')} characters in all: too long to show here. Type or pick an example to replace it.)`;
}

function dtypeOptions(fn: TensorFn): { value: DTypeChoice; label: string }[] {
  const given = fn === 'cast' ? [] : [{ value: 'given' as const, label: 'as given (inferred)' }];
  return [...given, ...DTYPES.map((d) => ({ value: d, label: `tf.${d}` }))];
}

interface Props {
  settings: TensorSettings;
  /** The outcome of the settled text (it lags typing by a moment). */
  outcome: Outcome;
  /** The text the outcome belongs to, for the error excerpt. */
  settledText: string;
  code: { python: string; js: string | null };
  onChange: (patch: Partial<TensorSettings>) => void;
}

/** The value, the function and the dtype; the Python and tfjs calls they make. */
export function ValueInput({ settings, outcome, settledText, code, onChange }: Props) {
  const id = useId();
  const error = outcome.status === 'parse-error' ? outcome.error : null;
  const choose = (e: Example) => onChange({ text: e.text, fn: e.fn, dtype: e.dtype });
  const box = useRef<HTMLTextAreaElement>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    const el = box.current!;
    // A huge paste never enters the box: the page takes the text and the box shows its start.
    const before = (e: InputEvent) => {
      const data = e.data ?? e.dataTransfer?.getData('text/plain') ?? '';
      if (data.length <= MAX_SHOWN_CHARS) return;
      e.preventDefault();
      const text = el.value.slice(0, el.selectionStart) + data + el.value.slice(el.selectionEnd);
      onChangeRef.current({ text });
    };
    el.addEventListener('beforeinput', before);
    return () => el.removeEventListener('beforeinput', before);
  }, []);
  return (
    <>
      <div className="examples" role="group" aria-label="Examples">
        <span className="field-label">Examples</span>
        {EXAMPLES.map((e) => (
          <button key={e.label} type="button" title={e.title} onClick={() => choose(e)}>
            {e.label}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor={id}>Value (a number, True/False, or nested [ ] lists, as in Python)</label>
        <textarea
          ref={box}
          id={id}
          className="value-text"
          spellCheck={false}
          autoComplete="off"
          rows={5}
          value={shownText(settings.text)}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange({ text: e.target.value })}
        />
      </div>
      {error && (
        <div className="notice error" role="alert" data-testid="parse-error">
          <p>{error.message}</p>
          {error.kind !== 'empty' && error.kind !== 'too-large' && (
            <pre className="excerpt">{errorExcerpt(settledText, error)}</pre>
          )}
        </div>
      )}
      <div className="row wrap">
        <Select
          label="Function"
          value={settings.fn}
          options={FN_OPTIONS}
          onChange={(fn) =>
            onChange({
              fn,
              dtype: fn === 'cast' && settings.dtype === 'given' ? 'float32' : settings.dtype,
            })
          }
        />
        <Select
          label="dtype"
          value={settings.dtype}
          options={dtypeOptions(settings.fn)}
          onChange={(dtype) => onChange({ dtype })}
        />
      </div>
      <p className="muted small">{FN_NOTES[settings.fn]}</p>
      <div className="calls">
        <div>
          <span className="field-label">Python</span>
          <code data-testid="python-call">{code.python}</code>
        </div>
        {code.js && (
          <div>
            <span className="field-label">tfjs (what this page runs)</span>
            <code data-testid="js-call">{code.js}</code>
          </div>
        )}
      </div>
    </>
  );
}
