import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumber } from '../../i18n/hooks';
import type { RunRecord } from '../../runs/history/record';
import { runStats } from '../../runs/runStats';
import { updatesPerEpoch } from '../../runs/updateCounting';
import type { PlannedRun } from './descentRun';
import { formatDuration, formatLoss } from './format';

interface Props {
  plans: readonly PlannedRun[];
  /** The records of the runs started so far, in plan order. */
  records: readonly RunRecord[];
  trainCount: number;
  /** Index of the run training now, or −1. */
  current: number;
  finished: boolean;
}

/**
 * Per run: updates per epoch × time per update = time per epoch, the lecture's trade-off as an
 * equation, then the losses it bought.
 */
export function StatsTable({ plans, records, trainCount, current, finished }: Props) {
  const { t } = useTranslation();
  const number = useNumber();
  const captionId = useId();
  const duration = (ms: number | null) =>
    ms === null
      ? t('descent.stats.none')
      : formatDuration(ms, number, (minutes, seconds) => t('common.minutes', { minutes, seconds }));
  const perEpoch = (updates: number) =>
    updates === 1
      ? t('descent.runs.perEpochOne')
      : t('descent.runs.perEpoch', { updates: number(updates) });
  const all = plans.map((plan, i) => {
    const record = records[i];
    return { plan, stats: record ? runStats(record) : null };
  });
  return (
    <div className="descent-stats">
      <ul className="cost-lines" data-testid="cost-lines">
        {all.map(({ plan, stats }, i) => (
          <li key={i}>
            <span className="run-swatch small" style={{ background: plan.color }} />
            <strong>{plan.name}</strong>:{' '}
            {stats?.msPerUpdate != null && stats.secondsPerEpoch != null
              ? t('descent.stats.costLine', {
                  perEpoch: perEpoch(updatesPerEpoch(trainCount, plan.batchSize)),
                  time: duration(stats.msPerUpdate),
                  epochTime: duration(stats.secondsPerEpoch * 1000),
                })
              : perEpoch(updatesPerEpoch(trainCount, plan.batchSize))}
          </li>
        ))}
      </ul>
      <p className="hint">{t('descent.stats.explain')}</p>
      <h3 id={captionId}>{t('descent.stats.caption')}</h3>
      <div className="stats-scroll">
        <table className="stats-table" data-testid="descent-stats" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('descent.stats.run')}</th>
              <th scope="col" className="num">
                {t('descent.stats.batch')}
              </th>
              <th scope="col" className="num">
                {t('descent.stats.updatesPerEpoch')}
              </th>
              <th scope="col" className="num">
                × {t('descent.stats.timePerUpdate')}
              </th>
              <th scope="col" className="num">
                = {t('descent.stats.timePerEpoch')}
              </th>
              <th scope="col" className="num">
                {t('descent.stats.totalUpdates')}
              </th>
              <th scope="col" className="num">
                {t('descent.stats.trainLoss')}
              </th>
              <th scope="col" className="num">
                {t('descent.stats.valLoss')}
              </th>
            </tr>
          </thead>
          <tbody>
            {all.map(({ plan, stats }, i) => {
              const state = stats
                ? null
                : finished || (current >= 0 && i < current)
                  ? t('descent.runs.notRun')
                  : t('descent.runs.waiting');
              return (
                <tr key={i} data-testid="stats-row">
                  <th scope="row">
                    <span className="run-swatch small" style={{ background: plan.color }} />
                    {plan.name}
                  </th>
                  <td className="num">{number(plan.batchSize)}</td>
                  <td className="num strong">
                    {number(updatesPerEpoch(trainCount, plan.batchSize))}
                  </td>
                  <td className="num strong">{stats ? duration(stats.msPerUpdate) : state}</td>
                  <td className="num">
                    {stats?.secondsPerEpoch != null ? duration(stats.secondsPerEpoch * 1000) : '–'}
                  </td>
                  <td className="num">{stats ? number(stats.totalUpdates) : '–'}</td>
                  <td className="num">{formatLoss(stats?.trainLoss ?? null)}</td>
                  <td className="num">{formatLoss(stats?.valLoss ?? null)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('descent.stats.timesNote')}</p>
    </div>
  );
}
