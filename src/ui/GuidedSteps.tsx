import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHidden } from './hidden';

export interface GuideStep {
  title: string;
  body: string;
}

const storageKey = (lab: string) => `training-lab.guide.${lab}`;

function readDismissed(lab: string): boolean {
  try {
    return localStorage.getItem(storageKey(lab)) === 'dismissed';
  } catch {
    return false;
  }
}

function writeDismissed(lab: string, dismissed: boolean): void {
  try {
    if (dismissed) localStorage.setItem(storageKey(lab), 'dismissed');
    else localStorage.removeItem(storageKey(lab));
  } catch {
    // not remembered: the guide comes back on the next visit
  }
}

/**
 * Short steps in the lecture's order, one at a time; dismissed (and remembered) by the student,
 * reopened by the "Guide" button, hidden altogether by a classroom link (`guide_hide=true`).
 */
export const GuidedSteps = memo(function GuidedSteps({
  lab,
  steps,
}: {
  lab: string;
  steps: readonly GuideStep[];
}) {
  const { t } = useTranslation();
  const hidden = useHidden('guide');
  const [dismissed, setDismissed] = useState(() => readDismissed(lab));
  const [index, setIndex] = useState(0);
  if (hidden || steps.length === 0) return null;
  const dismiss = (value: boolean) => {
    writeDismissed(lab, value);
    setDismissed(value);
  };
  if (dismissed) {
    return (
      <button type="button" className="guide-reopen" onClick={() => dismiss(false)}>
        {t('guide.reopen')}
      </button>
    );
  }
  const at = Math.min(index, steps.length - 1);
  const step = steps[at]!;
  return (
    <aside className="card guide" aria-label={t('guide.title')} data-testid="guide">
      <div className="row spread">
        <strong>
          {t('guide.stepOf', { step: at + 1, count: steps.length })} · {step.title}
        </strong>
        <button type="button" className="link" onClick={() => dismiss(true)}>
          {t('guide.close')}
        </button>
      </div>
      <p>{step.body}</p>
      <div className="row">
        <button type="button" disabled={at === 0} onClick={() => setIndex(at - 1)}>
          {t('guide.back')}
        </button>
        {at < steps.length - 1 ? (
          <button type="button" className="primary" onClick={() => setIndex(at + 1)}>
            {t('guide.next')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => dismiss(true)}>
            {t('guide.done')}
          </button>
        )}
      </div>
    </aside>
  );
});
