import { GuidedSteps } from '../../ui/GuidedSteps';
import { Hideable } from '../../ui/hidden';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
import { useBackendState } from '../../ui/backendContext';
import { ValueInput } from './ValueInput';

/** Typing waits this long before the value is read; examples and menus apply at once. */
const TYPING_DELAY_MS = 150;

const GUIDE = ['constant', 'cast', 'rank'] as const;

/**
 * The lecture's tensor section: type a value, pick tf.constant, tf.convert_to_tensor or tf.cast
 * and a dtype, and see the real (tfjs) tensor: its shape, rank, dtype and size, TensorFlow's
 * printout, a picture, and what casting does.
 */
export default function TensorsLab() {
  const { t } = useTranslation();
  const guide = GUIDE.map((k) => ({
    title: t(`guide.tensors.${k}.title`),
    body: t(`guide.tensors.${k}.body`),
  }));
  const { settings, setSettings, notices } = useUrlState(decodeTensors, encodeTensors);
  const [typing, setTyping] = useState(false);
  const settledText = useDebounced(settings.text, typing ? TYPING_DELAY_MS : 0);
  const backend = useBackendState();
  const outcome = useTensorOutcome(
    settledText,
    settings.fn,
    settings.dtype,
    backend.busy || backend.warming,
  );
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
      <GuidedSteps lab="tensors" steps={guide} />

      <div className="tensors-top">
        <section className="card" aria-label={t('tensors.sections.make')} ref={top}>
          <h2>{t('tensors.sections.make')}</h2>
          <ValueInput
            settings={settings}
            outcome={outcome}
            settledText={settledText}
            code={code}
            onChange={update}
          />
        </section>
        <section className="card" aria-label={t('tensors.sections.tensor')}>
          <h2>{t('tensors.sections.tensor')}</h2>
          <ResultPanel outcome={outcome} pythonLine={code.python} />
        </section>
      </div>

      {made && (
        <section className="card" aria-label={t('tensors.sections.picture')}>
          <h2>{t('tensors.sections.picture')}</h2>
          <TensorPicture tensor={made.result} />
        </section>
      )}

      <section className="card" aria-label={t('tensors.sections.casting')}>
        <h2>{t(made?.before ? 'tensors.sections.castDone' : 'tensors.sections.castTitle')}</h2>
        {made?.before ? (
          <CastPanel made={made} inputCall={code.input} />
        ) : (
          <p className="small">
            <Trans i18nKey="tensors.pickCast" components={{ strong: <strong />, code: <code /> }} />
          </p>
        )}
        <ImmutableNote cast={Boolean(made?.before)} />
      </section>

      <Hideable name="quiz">
        <section className="card" aria-label={t('tensors.sections.questions')}>
          <h2>{t('tensors.sections.questions')}</h2>
          <LectureQuiz onTry={tryExample} />
        </section>
      </Hideable>
    </div>
  );
}
