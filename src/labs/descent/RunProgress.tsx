import { useTranslation } from 'react-i18next';
import { useNumber } from '../../i18n/hooks';
import { updateCount } from '../../runs/chartSeries';
import { updatesPerEpoch } from '../../runs/updateCounting';
import { Progress } from '../../ui/Progress';
import type { DescentRunState } from './descentRun';
import { formatDuration } from './format';

/** Which run trains, where it is, and about how long it has left. */
export function RunProgress({ state }: { state: DescentRunState }) {
  const { t } = useTranslation();
  const number = useNumber();
  const plan = state.plans[state.current];
  if (!plan) return null;
  const record = state.records[state.current];
  const perEpoch = updatesPerEpoch(state.trainCount, plan.batchSize);
  const total = perEpoch * state.epochs;
  const done = record ? updateCount(record) : 0;
  const elapsedMs = record?.durationMs ?? 0;
  const leftMs = done > 0 ? ((total - done) * elapsedMs) / done : Number.NaN;
  const duration = (ms: number) =>
    Number.isFinite(ms)
      ? formatDuration(ms, number, (minutes, seconds) => t('common.minutes', { minutes, seconds }))
      : '…';
  const label = t('descent.progress.label', {
    run: state.current + 1,
    runs: state.plans.length,
    name: plan.name,
    epoch: Math.min(state.epochs, Math.floor(done / perEpoch) + 1),
    epochs: state.epochs,
    update: number(done),
    updates: number(total),
  });
  return (
    <Progress
      label={label}
      value={state.current + done / Math.max(1, total)}
      max={state.plans.length}
      detail={t('descent.progress.left', { elapsed: duration(elapsedMs), left: duration(leftMs) })}
    />
  );
}
