import { GuidedSteps } from '../../ui/GuidedSteps';
import { useCallback, useEffect, useMemo } from 'react';
import { useRunState } from '../../ui/useRunState';
import { useTranslation } from 'react-i18next';
import { useNumber, useSay } from '../../i18n/hooks';
import { useBackendController, useBackendWarmUp } from '../../ui/backendContext';
import { Hideable } from '../../ui/hidden';
import { RunButtons } from '../../ui/RunButtons';
import { RunsChart } from '../../ui/RunsChart';
import { useThrottled } from '../../ui/useThrottled';
import { useFashionData } from '../../ui/useFashionData';
import { UrlNotice } from '../../ui/UrlNotice';
import { useUrlState } from '../../ui/useUrlState';
import { DataControls } from './DataControls';
import { DecisionMaps } from './DecisionMaps';
import { DescentRun, planRuns } from './descentRun';
import { ExportButtons } from './ExportButtons';
import { NetworkControls } from './NetworkControls';
import { RunList } from './RunList';
import { RunProgress } from './RunProgress';
import { splitCounts, type RunKind } from './settings';
import { StatsTable } from './StatsTable';
import { decodeDescent, encodeDescent } from './urlState';

/** The loss chart redraws at most 4 times a second: each redraw is main-thread time the runs do not get. */
const CHART_REDRAW_MS = 250;

/**
 * Issue 4: stochastic, mini-batch and batch gradient descent on one chart, from the same initial
 * weights, with what each update costs.
 */
const GUIDE = ['runs', 'noise', 'cost'] as const;

export default function DescentLab() {
  const { t } = useTranslation();
  const guide = GUIDE.map((k) => ({
    title: t(`guide.descent.${k}.title`),
    body: t(`guide.descent.${k}.body`),
  }));
  const say = useSay();
  const number = useNumber();
  const backend = useBackendController();
  useBackendWarmUp();
  const run = useMemo(() => new DescentRun(backend), [backend]);
  useEffect(() => () => run.dispose(), [run]);
  const state = useRunState(run);
  const { settings, setSettings, notices } = useUrlState(decodeDescent, encodeDescent);
  const fashion = useFashionData(settings.data === 'fashion');
  const busy = state.phase === 'preparing' || state.phase === 'running' || state.phase === 'paused';
  const name = useCallback(
    (kind: RunKind, batch: number) =>
      t('descent.runs.name', { kind: t(`descent.runs.kinds.${kind}`), batch: number(batch) }),
    [t, number],
  );
  const plans = useMemo(() => planRuns(settings, name), [settings, name]);
  const { train } = splitCounts(settings);
  const dataReady = settings.data !== 'fashion' || fashion.state.status === 'ready';
  const shown = state.plans.length > 0 ? state : null;
  const chartRuns = useThrottled(state.records, CHART_REDRAW_MS);
  const diverged = state.outcomes.flatMap((o, i) =>
    o?.status === 'diverged' ? [{ outcome: o, plan: state.plans[i]! }] : [],
  );

  return (
    <div className="lab descent">
      <UrlNotice notices={notices} />
      <GuidedSteps lab="descent" steps={guide} />

      <section className="card" aria-label={t('descent.sections.setup')}>
        <h2>{t('descent.sections.setup')}</h2>
        <div className="descent-setup">
          <DataControls
            settings={settings}
            disabled={busy}
            fashion={fashion.state}
            onFiles={fashion.loadFiles}
            onChange={setSettings}
          />
          <NetworkControls
            model={settings.model}
            disabled={busy}
            onChange={(model) => setSettings({ ...settings, model })}
          />
        </div>
      </section>

      <section className="card" aria-label={t('descent.sections.runs')}>
        <h2>{t('descent.sections.runs')}</h2>
        <RunList
          settings={settings}
          plans={plans}
          trainCount={train}
          disabled={busy}
          onChange={(runs) => setSettings({ ...settings, runs })}
        />
        <p className="muted small">{t('descent.runs.order')}</p>
        <div className="row wrap actions">
          <RunButtons
            phase={state.phase}
            trainLabel={t('descent.runs.train')}
            trainDisabled={!dataReady}
            onTrain={() => {
              const data = fashion.state.status === 'ready' ? fashion.state.data : null;
              if (dataReady) void run.start(settings, data, plans);
            }}
            run={run}
          />
          <span className="phase" data-testid="phase" data-phase={state.phase}>
            {t(`common.phase.${state.phase}`)}
          </span>
        </div>
        {(state.phase === 'running' || state.phase === 'paused') && <RunProgress state={state} />}
        {state.phase === 'finished' && state.backend && !state.error && (
          <p className="muted small" data-testid="descent-done">
            {state.outcomes.some((o) => o?.status === 'stopped') ||
            state.outcomes.some((o) => o === null)
              ? t('descent.progress.stopped')
              : t('descent.progress.done', { backend: state.backend })}
          </p>
        )}
        {diverged.map(({ outcome, plan }) => (
          <p key={plan.name} className="notice error" role="alert">
            {t('descent.progress.diverged', {
              name: plan.name,
              loss: String(outcome.loss),
              step: number(outcome.step),
            })}
          </p>
        ))}
        {state.error && (
          <p className="notice error" role="alert">
            {say(state.error)}
          </p>
        )}
      </section>

      {shown && (
        <section className="card" aria-label={t('descent.sections.loss')}>
          <h2>{t('descent.sections.loss')}</h2>
          <Hideable name="chart">
            <RunsChart runs={chartRuns} />
          </Hideable>
          <StatsTable
            plans={shown.plans}
            records={shown.records}
            trainCount={shown.trainCount}
            current={shown.current}
            finished={shown.phase === 'finished'}
          />
          {shown.phase === 'finished' && <ExportButtons records={shown.records} />}
        </section>
      )}

      {shown?.plane && (
        <section className="card" aria-label={t('descent.sections.maps')}>
          <h2>{t('descent.sections.maps')}</h2>
          <DecisionMaps plans={shown.plans} maps={shown.maps} plane={shown.plane} />
        </section>
      )}
    </div>
  );
}
