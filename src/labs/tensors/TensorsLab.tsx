import { useCallback, useMemo, useRef, useState } from 'react';
import { UrlNotice } from '../../ui/UrlNotice';
import { useUrlState } from '../../ui/useUrlState';
import { calls } from './calls';
import { CastPanel, ImmutableNote } from './CastPanel';
import type { Example } from './examples';
import { LectureQuiz } from './LectureQuiz';
import { ResultPanel } from './ResultPanel';
import { TensorPicture } from './TensorPicture';
import { decodeTensors, encodeTensors, type TensorSettings } from './urlState';
import { useDebounced } from './useDebounced';
import { useTensorOutcome } from './useTensorOutcome';
import { ValueInput } from './ValueInput';

/** Typing waits this long before the value is read; examples and menus apply at once. */
const TYPING_DELAY_MS = 150;

/**
 * The lecture's tensor section: type a value, pick tf.constant, tf.convert_to_tensor or tf.cast
 * and a dtype, and see the real (tfjs) tensor: its shape, rank, dtype and size, TensorFlow's
 * printout, a picture, and what casting does.
 */
export default function TensorsLab() {
  const { settings, setSettings, notices } = useUrlState(decodeTensors, encodeTensors);
  const [typing, setTyping] = useState(false);
  const settledText = useDebounced(settings.text, typing ? TYPING_DELAY_MS : 0);
  const outcome = useTensorOutcome(settledText, settings.fn, settings.dtype);
  const code = useMemo(
    () => calls(outcome, settledText, settings.fn, settings.dtype),
    [outcome, settledText, settings.fn, settings.dtype],
  );
  const top = useRef<HTMLElement>(null);

  const update = useCallback(
    (patch: Partial<TensorSettings>) => {
      setTyping(Object.keys(patch).length === 1 && patch.text !== undefined);
      setSettings((s) => ({ ...s, ...patch }));
    },
    [setSettings],
  );
  const tryExample = useCallback(
    (e: Example) => {
      update({ text: e.text, fn: e.fn, dtype: e.dtype });
      top.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    },
    [update],
  );

  const made = outcome.status === 'made' ? outcome.made : null;
  return (
    <div className="lab tensors">
      <UrlNotice notices={notices} />

      <div className="tensors-top">
        <section className="card" aria-label="Make a tensor" ref={top}>
          <h2>Make a tensor</h2>
          <ValueInput
            settings={settings}
            outcome={outcome}
            settledText={settledText}
            code={code}
            onChange={update}
          />
        </section>
        <section className="card" aria-label="The tensor">
          <h2>The tensor</h2>
          <ResultPanel outcome={outcome} pythonLine={code.python} />
        </section>
      </div>

      {made && (
        <section className="card" aria-label="Picture">
          <h2>Picture</h2>
          <TensorPicture tensor={made.result} />
        </section>
      )}

      <section className="card" aria-label="Casting">
        <h2>{made?.before ? 'What tf.cast did' : 'Casting and immutability'}</h2>
        {made?.before ? (
          <CastPanel made={made} inputCall={code.input} />
        ) : (
          <p className="small">
            Pick <strong>tf.cast</strong> above to see a tensor before and after casting, e.g. the
            lecture’s <code>tf.cast(input_data, tf.float32)</code> or 1.7 to int32.
          </p>
        )}
        <ImmutableNote cast={Boolean(made?.before)} />
      </section>

      <section className="card" aria-label="The lecture’s questions">
        <h2>The lecture’s questions</h2>
        <LectureQuiz onTry={tryExample} />
      </section>
    </div>
  );
}
