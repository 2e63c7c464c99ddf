import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumber } from '../../i18n/hooks';
import { updatesPerEpoch } from '../../runs/updateCounting';
import { useHidden } from '../../ui/hidden';
import { ChoiceSlider } from '../../ui/Slider';
import type { PlannedRun } from './descentRun';
import {
  BATCH_CHOICES,
  MAX_RUNS,
  nextBatchChoice,
  type BatchChoice,
  type DescentSettings,
} from './settings';

interface Props {
  settings: DescentSettings;
  plans: readonly PlannedRun[];
  trainCount: number;
  disabled: boolean;
  onChange: (runs: BatchChoice[]) => void;
}

/** The runs to compare: SGD, mini-batches with a batch-size slider each, batch GD; add and remove. */
export function RunList({ settings, plans, trainCount, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const number = useNumber();
  const hidden = useHidden('runs');
  const locked = disabled || hidden;
  const runs = settings.runs;
  // A mini-batch is more than one example and fewer than all of them.
  const miniChoices = BATCH_CHOICES.filter((b) => b > 1 && b < trainCount);
  const setRun = (i: number, choice: BatchChoice) =>
    onChange(runs.map((r, k) => (k === i ? choice : r)));

  return (
    <div className="run-list">
      <ol className="run-rows">
        {plans.map((plan, i) => {
          const upe = updatesPerEpoch(trainCount, plan.batchSize);
          return (
            <li key={i} className="run-row" data-testid="planned-run">
              <span className="run-swatch" style={{ background: plan.color }} />
              <div className="run-row-main">
                <strong>{plan.name}</strong>
                <span className="muted small">
                  {upe === 1
                    ? t('descent.runs.perEpochOne')
                    : t('descent.runs.perEpoch', { updates: number(upe) })}
                </span>
              </div>
              {plan.kind === 'mini' && miniChoices.length > 0 && (
                <ChoiceSlider
                  label={t('descent.runs.batchSize')}
                  value={plan.batchSize}
                  choices={miniChoices}
                  disabled={locked}
                  format={(b) => number(b)}
                  onChange={(b) => setRun(i, b)}
                />
              )}
              {!locked && runs.length > 1 && (
                <button
                  type="button"
                  className="run-remove"
                  aria-label={t('descent.runs.removeRun', { name: plan.name })}
                  title={t('descent.runs.remove')}
                  onClick={() => onChange(runs.filter((_, k) => k !== i))}
                >
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {!locked && runs.length < MAX_RUNS && (
        <AddRun runs={runs} trainCount={trainCount} onAdd={(b) => onChange([...runs, b])} />
      )}
    </div>
  );
}

function AddRun({
  runs,
  trainCount,
  onAdd,
}: {
  runs: readonly BatchChoice[];
  trainCount: number;
  onAdd: (b: BatchChoice) => void;
}) {
  const { t } = useTranslation();
  const number = useNumber();
  const id = useId();
  const options: BatchChoice[] = [...BATCH_CHOICES.filter((b) => b < trainCount), 'all'];
  const suggested = nextBatchChoice(runs);
  const [picked, setPicked] = useState<BatchChoice | null>(null);
  const choice = picked ?? (options.includes(suggested) ? suggested : options[0]!);
  return (
    <div className="row wrap add-run">
      <label htmlFor={id} className="muted small">
        {t('descent.runs.addBatch')}
      </label>
      <select
        id={id}
        value={String(choice)}
        onChange={(e) => setPicked(e.target.value === 'all' ? 'all' : Number(e.target.value))}
      >
        {options.map((b) => (
          <option key={String(b)} value={String(b)}>
            {b === 'all' ? t('descent.runs.allOption') : number(b)}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => {
          onAdd(choice);
          setPicked(null);
        }}
      >
        ＋ {t('descent.runs.add')}
      </button>
    </div>
  );
}
