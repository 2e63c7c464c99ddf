import { useTranslation } from 'react-i18next';
import { useSay } from '../../i18n/hooks';
import { tensorStr } from './numpyText';
import { TensorFacts } from './TensorFacts';
import type { Outcome } from './useTensorOutcome';

/** What Python would print: the tensor with its facts, or the exception TensorFlow raises. */
export function ResultPanel({ outcome, pythonLine }: { outcome: Outcome; pythonLine: string }) {
  const { t } = useTranslation();
  const say = useSay();
  if (outcome.status === 'parse-error') {
    return <p className="muted">{t('tensors.result.noTensor')}</p>;
  }
  if (outcome.status === 'waiting') {
    return (
      <p className="muted" role="status">
        {t('tensors.result.waiting')}
      </p>
    );
  }
  if (outcome.status === 'tfjs-error') {
    return (
      <p className="notice error" role="alert">
        {t('tensors.result.tfjsError', { error: outcome.message })}
      </p>
    );
  }
  if (outcome.status === 'tf-error') {
    const { plan } = outcome;
    return (
      <>
        {plan.tfjsOnly ? (
          <p className="notice warn" data-testid="tf-error">
            {say(plan.error)}
          </p>
        ) : (
          <pre className="printout" data-testid="tf-error">
            {`>>> ${pythonLine}\nTraceback (most recent call last):\n  ...\n`}
            <span className="wrong">{say(plan.error)}</span>
          </pre>
        )}
        <p className="hint">{say(plan.why)}</p>
      </>
    );
  }
  const { result, backend } = outcome.made;
  return (
    <>
      <TensorFacts tensor={result} backend={backend} />
      <pre className="printout" data-testid="printout" aria-label="print(x)">
        {`>>> print(x)\n${tensorStr(result.values, result.shape, result.dtype)}`}
      </pre>
    </>
  );
}
