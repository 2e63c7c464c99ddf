import { GuidedSteps } from '../../ui/GuidedSteps';
import { Hideable, useHiddenControls } from '../../ui/hidden';
import type { TFunction } from 'i18next';
import { useEffect, useMemo } from 'react';
import { useRunState } from '../../ui/useRunState';
import { useTranslation } from 'react-i18next';
import { summarize } from '../../engine/model';
import { ModelSummary } from '../../ui/ModelSummary';
import { Progress } from '../../ui/Progress';
import { useBackendController, useBackendWarmUp } from '../../ui/backendContext';
import { DataSection } from './DataSection';
import { FashionControls } from './FashionControls';
import { FashionRun, type FashionRunState } from './fashionRun';
import { JudgeSection } from './JudgeSection';
import { lectureSettings, quickSettings } from './settings';
import { TrainCharts } from './TrainCharts';
import { useFashionData } from '../../ui/useFashionData';
import { decodeFashion, encodeFashion } from './urlState';
import { FASHION_FILE_BASE } from '../../codegen/fileBase';
import { fashionPython } from '../../codegen/python';
import { fashionTfjs } from '../../codegen/tfjs';
import { CodePanel } from '../../ui/CodePanel';
import { ModelFiles } from '../../ui/ModelFiles';
import { RunButtons } from '../../ui/RunButtons';
import { UrlNotice } from '../../ui/UrlNotice';
import { useUrlState } from '../../ui/useUrlState';
import { useSay } from '../../i18n/hooks';

function duration(t: TFunction, seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  if (seconds < 60) return t('common.seconds', { value: Math.ceil(seconds) });
  return t('common.minutes', {
    minutes: Math.floor(seconds / 60),
    seconds: Math.round(seconds % 60),
  });
}

function progressText(t: TFunction, run: FashionRunState) {
  const epochs = run.config?.epochs ?? 0;
  const perSecond = run.samplesSeen / Math.max(run.elapsedMs / 1000, 1e-3);
  const remaining = epochs * run.trainCount - run.samplesSeen;
  const speed = { rate: Math.round(perSecond), time: duration(t, run.elapsedMs / 1000) };
  return {
    label: t('fashion.progress', {
      epoch: run.epoch,
      epochs,
      batch: run.batch,
      batches: run.batchesPerEpoch,
    }),
    detail: run.outcome
      ? t('fashion.speed', speed)
      : t('fashion.speedRunning', { ...speed, left: duration(t, remaining / perSecond) }),
    value: (run.epoch - 1) * run.batchesPerEpoch + run.batch,
    max: epochs * run.batchesPerEpoch,
  };
}

const GUIDE = ['data', 'model', 'train', 'judge'] as const;

export default function FashionLab() {
  const { t } = useTranslation();
  const hidden = useHiddenControls();
  const guide = useMemo(
    () =>
      GUIDE.map((k) => ({
        title: t(`guide.fashion.${k}.title`),
        body: t(`guide.fashion.${k}.body`),
      })),
    [t],
  );
  const say = useSay();
  const backend = useBackendController();
  useBackendWarmUp();
  const run = useMemo(() => new FashionRun(backend), [backend]);
  useEffect(() => () => run.dispose(), [run]);
  const state = useRunState(run);
  const { state: data, loadFiles } = useFashionData();
  const { settings, setSettings, notices } = useUrlState(decodeFashion, encodeFashion);
  const busy = ['preparing', 'running', 'paused', 'evaluating'].includes(state.phase);
  const summary = useMemo(() => summarize(settings.model), [settings.model]);
  const code = useMemo(
    () => ({
      python: fashionPython(settings),
      javascript: fashionTfjs(settings),
      fileBase: FASHION_FILE_BASE,
    }),
    [settings],
  );
  const progress = progressText(t, state);

  return (
    <div className="lab fashion">
      <UrlNotice notices={notices} />
      <GuidedSteps lab="fashion" steps={guide} />

      <Hideable name="data">
        <section className="card" aria-label={t('fashion.sections.data')}>
          <h2>{t('fashion.sections.dataTitle')}</h2>
          <DataSection state={data} onFiles={loadFiles} />
        </section>
      </Hideable>

      <section className="card" aria-label={t('fashion.sections.model')}>
        <h2>{t('fashion.sections.modelTitle')}</h2>
        <div className="model-config">
          <FashionControls settings={settings} disabled={busy} onChange={setSettings} />
          <div>
            <div className="row wrap">
              <button type="button" disabled={busy} onClick={() => setSettings(lectureSettings())}>
                {t('fashion.lectureSettings')}
              </button>
              <Hideable name="quickRun">
                <button type="button" disabled={busy} onClick={() => setSettings(quickSettings())}>
                  {t('fashion.quickRun')}
                </button>
              </Hideable>
            </div>
            <h3>model.summary()</h3>
            <ModelSummary {...summary} />
            <p className="muted small">{t('fashion.flattenNote')}</p>
            <Hideable name="code">
              <details className="code-details">
                <summary>{t('fashion.codeSummary')}</summary>
                <CodePanel {...code} />
              </details>
            </Hideable>
          </div>
        </div>
      </section>

      <section className="card" aria-label={t('fashion.sections.training')}>
        <h2>{t('fashion.sections.trainingTitle')}</h2>
        <div className="row wrap actions">
          <RunButtons
            phase={state.phase}
            trainLabel={t('common.train')}
            trainDisabled={data.status !== 'ready'}
            onTrain={() => data.status === 'ready' && void run.start(settings, data.data)}
            run={run}
          />
          {!state.loadedFrom && (
            <span className="phase" data-testid="phase" data-path={state.path ?? undefined}>
              {t(`common.phase.${state.phase}`)}
            </span>
          )}
          {state.pathNote && (
            <span className="notice warn small" role="status" data-testid="path-note">
              {t('fashion.fastPathOff', { reason: state.pathNote })}
            </span>
          )}
        </div>
        <Hideable name="files">
          <ModelFiles
            ready={state.test !== null && run.hasModel()}
            fileBase={FASHION_FILE_BASE}
            disabled={busy || data.status !== 'ready'}
            loadedFrom={state.loadedFrom}
            onDownload={() => run.downloadModel(FASHION_FILE_BASE)}
            onLoad={(files) =>
              data.status === 'ready'
                ? run.loadModel(files, settings, data.data)
                : Promise.resolve()
            }
          />
        </Hideable>
        {state.phase !== 'idle' && state.config && !state.loadedFrom && (
          <Progress
            label={progress.label}
            value={progress.value}
            max={progress.max}
            detail={progress.detail}
          />
        )}
        {state.phase === 'evaluating' && (
          <Progress label={t('fashion.evaluating')} value={state.testProgress} max={1} />
        )}
        {state.outcome?.status === 'diverged' && (
          <p className="notice error" role="alert">
            {t('fashion.diverged', {
              loss: String(state.outcome.loss),
              step: state.outcome.step,
            })}
          </p>
        )}
        {state.error && (
          <p className="notice error" role="alert">
            {say(state.error)}
          </p>
        )}
        {/* Drawn, empty, before the first run too: mounting the charts then would hold the page up. */}
        {!state.loadedFrom && (
          <TrainCharts batchLosses={state.batchLosses} steps={state.step} epochs={state.epochs} />
        )}
      </section>

      {state.test && data.status === 'ready' && !hidden.has('judge') && (
        <section className="card" aria-label={t('fashion.sections.judging')}>
          <h2>{t('fashion.sections.judgingTitle')}</h2>
          <JudgeSection run={state} data={data.data} />
        </section>
      )}
    </div>
  );
}
