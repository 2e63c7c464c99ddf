import { Hideable } from '../../ui/hidden';
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorExcerpt } from '../../data/tensorText';
import { useSay } from '../../i18n/hooks';
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

/**
 * Longer text is read but not kept in the text box: a browser needs seconds to lay out
 * megabytes of text, so the box shows the start of it instead.
 */
export const MAX_SHOWN_CHARS = 1_000_000;
const PREVIEW_CHARS = 2_000;

/** What the text box shows: the value, or the start of a value too long to show. */
export function shownText(t: TFunction, text: string): string {
  if (text.length <= MAX_SHOWN_CHARS) return text;
  return `${text.slice(0, PREVIEW_CHARS)} …\n\n${t('tensors.input.tooLong', { n: text.length })}`;
}

function dtypeOptions(t: TFunction, fn: TensorFn): { value: DTypeChoice; label: string }[] {
  const given =
    fn === 'cast' ? [] : [{ value: 'given' as const, label: t('tensors.input.asGiven') }];
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
  const { t } = useTranslation();
  const say = useSay();
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
      <div className="examples" role="group" aria-label={t('tensors.input.examples')}>
        <span className="field-label">{t('tensors.input.examples')}</span>
        {EXAMPLES.map((e) => (
          <button
            key={e.id}
            type="button"
            title={t(`tensors.examples.${e.id}.title`)}
            onClick={() => choose(e)}
          >
            {t(`tensors.examples.${e.id}.label`)}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor={id}>{t('tensors.input.value')}</label>
        <textarea
          ref={box}
          id={id}
          className="value-text"
          spellCheck={false}
          autoComplete="off"
          rows={5}
          value={shownText(t, settings.text)}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange({ text: e.target.value })}
        />
      </div>
      {error && (
        <div className="notice error" role="alert" data-testid="parse-error">
          <p>{say(error.message)}</p>
          {error.kind !== 'empty' && error.kind !== 'too-large' && (
            <pre className="excerpt">{errorExcerpt(settledText, error)}</pre>
          )}
        </div>
      )}
      <div className="row wrap">
        <Hideable name="function">
          <Select
            label={t('tensors.input.function')}
            value={settings.fn}
            options={FN_OPTIONS}
            onChange={(fn) =>
              onChange({
                fn,
                dtype: fn === 'cast' && settings.dtype === 'given' ? 'float32' : settings.dtype,
              })
            }
          />
        </Hideable>
        <Hideable name="dtype">
          <Select
            label={t('tensors.input.dtype')}
            value={settings.dtype}
            options={dtypeOptions(t, settings.fn)}
            onChange={(dtype) => onChange({ dtype })}
          />
        </Hideable>
      </div>
      <p className="muted small">{t(`tensors.input.notes.${settings.fn}`)}</p>
      <div className="calls">
        <div>
          <span className="field-label">{t('tensors.input.python')}</span>
          <code data-testid="python-call">{code.python}</code>
        </div>
        {code.js && (
          <div>
            <span className="field-label">{t('tensors.input.tfjs')}</span>
            <code data-testid="js-call">{code.js}</code>
          </div>
        )}
      </div>
    </>
  );
}
