import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { summarize } from '../../engine/model';
import { ModelSummary } from '../../ui/ModelSummary';
import { Progress } from '../../ui/Progress';
import { useBackendController } from '../../ui/backendContext';
import { DataSection } from './DataSection';
import { FashionControls } from './FashionControls';
import { FashionRun, type FashionRunState } from './fashionRun';
import { JudgeSection } from './JudgeSection';
import { lectureSettings, quickSettings } from './settings';
import { TrainCharts } from './TrainCharts';
import { useFashionData } from './useFashionData';
import { decodeFashion, encodeFashion } from './urlState';
import { FASHION_FILE_BASE } from '../../codegen/fileBase';
import { fashionPython } from '../../codegen/python';
import { fashionTfjs } from '../../codegen/tfjs';
import { CodePanel } from '../../ui/CodePanel';
import { RunButtons } from '../../ui/RunButtons';
import { UrlNotice } from '../../ui/UrlNotice';
import { useUrlState } from '../../ui/useUrlState';

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

function progressText(run: FashionRunState) {
  const epochs = run.config?.epochs ?? 0;
  const perSecond = run.samplesSeen / Math.max(run.elapsedMs / 1000, 1e-3);
  const remaining = epochs * run.trainCount - run.samplesSeen;
  return {
    label: `epoch ${run.epoch} / ${epochs} · batch ${run.batch.toLocaleString('en')} / ${run.batchesPerEpoch.toLocaleString('en')}`,
    detail: `${Math.round(perSecond).toLocaleString('en')} images/s · ${duration(run.elapsedMs / 1000)}${
      run.outcome ? '' : ` so far · about ${duration(remaining / perSecond)} left`
    }`,
    value: (run.epoch - 1) * run.batchesPerEpoch + run.batch,
    max: epochs * run.batchesPerEpoch,
  };
}

export default function FashionLab() {
  const backend = useBackendController();
  const run = useMemo(() => new FashionRun(backend), [backend]);
  useEffect(() => () => run.dispose(), [run]);
  const state = useSyncExternalStore(
    (onChange) => run.on('change', onChange),
    () => run.state,
  );
  const { state: data, loadFiles } = useFashionData();
  const { settings, setSettings, notices } = useUrlState(decodeFashion, encodeFashion);
  const busy = ['preparing', 'running', 'paused', 'evaluating'].includes(state.phase);
  const summary = summarize(settings.model);
  const code = useMemo(
    () => ({
      python: fashionPython(settings),
      javascript: fashionTfjs(settings),
      fileBase: FASHION_FILE_BASE,
    }),
    [settings],
  );
  const progress = progressText(state);

  return (
    <div className="lab fashion">
      <UrlNotice notices={notices} />

      <section className="card" aria-label="The data">
        <h2>1. The data</h2>
        <DataSection state={data} onFiles={loadFiles} />
      </section>

      <section className="card" aria-label="The model">
        <h2>2. The model</h2>
        <div className="model-config">
          <FashionControls settings={settings} disabled={busy} onChange={setSettings} />
          <div>
            <div className="row wrap">
              <button type="button" disabled={busy} onClick={() => setSettings(lectureSettings())}>
                The lecture’s settings
              </button>
              <button type="button" disabled={busy} onClick={() => setSettings(quickSettings())}>
                Quick run (6,000 images, 2 epochs)
              </button>
            </div>
            <h3>model.summary()</h3>
            <ModelSummary {...summary} />
            <p className="muted small">
              Flatten turns each 28×28 image into 784 numbers; every Dense layer has one weight per
              input and unit, plus one bias per unit.
            </p>
            <details className="code-details">
              <summary>This model as code: Keras (the lecture’s main.py) and TensorFlow.js</summary>
              <CodePanel {...code} />
            </details>
          </div>
        </div>
      </section>

      <section className="card" aria-label="Training">
        <h2>3. Training: model.fit</h2>
        <div className="row wrap actions">
          <RunButtons
            phase={state.phase}
            trainLabel="Train"
            trainDisabled={data.status !== 'ready'}
            onTrain={() => data.status === 'ready' && void run.start(settings, data.data)}
            run={run}
          />
          <span className="phase" data-testid="phase">
            {state.phase === 'preparing' ? 'choosing a backend…' : state.phase}
          </span>
        </div>
        {state.phase !== 'idle' && state.config && (
          <Progress
            label={progress.label}
            value={progress.value}
            max={progress.max}
            detail={progress.detail}
          />
        )}
        {state.phase === 'evaluating' && (
          <Progress label="model.evaluate on the test set" value={state.testProgress} max={1} />
        )}
        {state.outcome?.status === 'diverged' && (
          <p className="notice error" role="alert">
            The loss became {String(state.outcome.loss)} at update {state.outcome.step}: training
            diverged. Try a smaller learning rate.
          </p>
        )}
        {state.error && (
          <p className="notice error" role="alert">
            {state.error}
          </p>
        )}
        {state.config && (
          <TrainCharts batchLosses={state.batchLosses} steps={state.step} epochs={state.epochs} />
        )}
      </section>

      {state.test && data.status === 'ready' && (
        <section className="card" aria-label="Judging the model">
          <h2>4. Judging it: model.evaluate and model.predict</h2>
          <JudgeSection run={state} data={data.data} />
        </section>
      )}
    </div>
  );
}
