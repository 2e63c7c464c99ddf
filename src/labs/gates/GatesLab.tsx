import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { GATE_INPUTS, GATES, gateLabels, type Gate } from '../../data/gates';
import type { ModelConfig } from '../../engine/config';
import { summarize } from '../../engine/model';
import { Heatmap } from '../../ui/Heatmap';
import { LossChart } from '../../ui/LossChart';
import { ModelSummary } from '../../ui/ModelSummary';
import { Progress } from '../../ui/Progress';
import { Segmented, Select } from '../../ui/Slider';
import { useBackendController } from '../../ui/backendContext';
import { GatesRun, GRID_DOMAIN, GRID_N, type ModelRun } from './gatesRun';
import { ModelControls } from './ModelControls';
import { RepeatPanel } from './RepeatPanel';
import { ResultsTable } from './ResultsTable';
import { lectureSettings, modelName, type GatesSettings } from './settings';
import { decodeGates, encodeGates } from './urlState';

const COLORS = ['#d95f02', '#1b9e77'];

const PACES = [
  { value: 'full', label: 'full speed', epochsPerSecond: null },
  { value: '300', label: 'watch it learn (300 epochs/s)', epochsPerSecond: 300 },
  { value: '60', label: 'slow motion (60 epochs/s)', epochsPerSecond: 60 },
] as const;
type Pace = (typeof PACES)[number]['value'];

function readPace(): Pace {
  const asked = new URLSearchParams(window.location.search).get('pace');
  return PACES.find((p) => p.value === asked)?.value ?? '300';
}

function readSettings() {
  return decodeGates(new URLSearchParams(window.location.search));
}

function useUrlSettings() {
  const [initial] = useState(readSettings);
  const [settings, setSettings] = useState<GatesSettings>(initial.settings);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    encodeGates(settings, params);
    const url = `${window.location.pathname}?${params.toString()}${window.location.hash}`;
    window.history.replaceState(null, '', url);
  }, [settings]);
  return { settings, setSettings, notices: initial.notices };
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function statusText(run: ModelRun | undefined): string {
  if (!run) return 'not trained yet';
  const o = run.outcome;
  if (o?.status === 'diverged') return `diverged at step ${o.step} (loss ${o.loss})`;
  if (o?.status === 'failed') return `failed: ${o.error}`;
  if (o?.status === 'stopped') return `stopped at epoch ${run.epoch}`;
  if (o?.status === 'done') return 'done';
  return run.status === 'idle' ? 'waiting for the backend' : run.status;
}

export default function GatesLab() {
  const backend = useBackendController();
  const run = useMemo(() => new GatesRun(backend), [backend]);
  useEffect(() => () => run.dispose(), [run]);
  const state = useSyncExternalStore(
    (onChange) => run.on('change', onChange),
    () => run.state,
  );
  const { settings, setSettings, notices } = useUrlSettings();
  const [sweeping, setSweeping] = useState(false);
  const [logScale, setLogScale] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [pace, setPace] = useState<Pace>(readPace);
  // On a phone the settings start folded, so the results come first.
  const [wide] = useState(() => window.matchMedia('(min-width: 700px)').matches);
  useEffect(() => {
    run.setPace(PACES.find((p) => p.value === pace)!.epochsPerSecond);
    const params = new URLSearchParams(window.location.search);
    params.set('pace', pace);
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
  }, [run, pace]);

  const busy = state.phase === 'preparing' || state.phase === 'running' || state.phase === 'paused';
  const gate: Gate = state.gate ?? settings.gate;
  const points = useMemo(() => {
    const labels = gateLabels(gate);
    return GATE_INPUTS.map(([x, y], i) => ({ x, y, label: labels[i] as 0 | 1 }));
  }, [gate]);
  const setModel = (i: number, config: ModelConfig) =>
    setSettings((s) => ({
      ...s,
      models: s.models.map((m, k) => (k === i ? config : m)) as [ModelConfig, ModelConfig],
    }));

  const names = settings.models.map(modelName);
  const chartNames = names[0] === names[1] ? names.map((n, i) => `${n} (${i + 1})`) : names;
  const series = state.models.map((m, i) => ({
    name: chartNames[i] ?? `model ${i + 1}`,
    color: COLORS[i]!,
    values: m.losses,
  }));
  const lead = state.models.reduce<ModelRun | undefined>(
    (a, m) => (!a || m.epoch / m.epochs < a.epoch / a.epochs ? m : a),
    undefined,
  );

  return (
    <div className="lab gates">
      {notices.length > 0 && !dismissed && (
        <div className="notice warn" role="alert" data-testid="url-notice">
          <strong>Some settings in the link were not valid and were changed:</strong>
          <ul>
            {notices.map((n) => (
              <li key={n.field + n.message}>
                <code>{n.field}</code>: {n.message}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setDismissed(true)}>
            OK
          </button>
        </div>
      )}

      <section className="card experiment" aria-label="Experiment">
        <div className="row wrap">
          <Segmented
            label="Gate"
            value={settings.gate}
            options={GATES}
            disabled={busy || sweeping}
            onChange={(g) => setSettings((s) => ({ ...s, gate: g }))}
          />
          <table className="truth" aria-label="Truth table">
            <thead>
              <tr>
                <th>x₁</th>
                <th>x₂</th>
                <th>{settings.gate}</th>
              </tr>
            </thead>
            <tbody>
              {GATE_INPUTS.map(([a, b], i) => (
                <tr key={i}>
                  <td>{a}</td>
                  <td>{b}</td>
                  <td>{gateLabels(settings.gate)[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="row wrap actions">
          {!busy && (
            <button
              type="button"
              className="primary"
              disabled={sweeping}
              onClick={() => void run.start(settings)}
            >
              ▶ Train both
            </button>
          )}
          {state.phase === 'running' && (
            <button type="button" onClick={() => run.pause()}>
              ❚❚ Pause
            </button>
          )}
          {state.phase === 'paused' && (
            <button type="button" className="primary" onClick={() => run.resume()}>
              ▶ Resume
            </button>
          )}
          {busy && (
            <button type="button" onClick={() => run.stop()}>
              ■ Stop
            </button>
          )}
          <button
            type="button"
            disabled={busy || sweeping}
            onClick={() => setSettings(lectureSettings(settings.gate))}
          >
            Reset to the lecture’s settings
          </button>
          <Select label="Speed" value={pace} options={PACES} onChange={setPace} />
          <span className="phase" data-testid="phase">
            {state.phase === 'preparing' ? 'choosing a backend…' : state.phase}
          </span>
        </div>
        {lead && state.phase !== 'idle' && (
          <Progress
            label={`epoch ${lead.epoch} / ${lead.epochs}`}
            value={lead.epoch}
            max={lead.epochs}
            detail={`${formatDuration(lead.elapsedMs)} of training · ${Math.round(lead.step / Math.max(lead.elapsedMs / 1000, 1e-3)).toLocaleString('en')} updates/s`}
          />
        )}
        {state.error && (
          <p className="notice error" role="alert">
            {state.error}
          </p>
        )}
      </section>

      <div className="models">
        {settings.models.map((config, i) => {
          const m = state.models[i];
          const summary = summarize(config);
          return (
            <section
              key={i}
              className="card model"
              aria-label={`Model ${i + 1}`}
              data-testid={`model-${i + 1}`}
            >
              <header className="model-head">
                <h2 style={{ color: COLORS[i] }}>
                  Model {i + 1}: {names[i]}
                </h2>
                <span className="muted small" data-testid="model-status">
                  {statusText(m)}
                  {m &&
                    m.step > 0 &&
                    ` · ${m.step.toLocaleString('en')} updates, ${formatDuration(m.elapsedMs)} of training`}
                </span>
              </header>
              <ResultsTable gate={gate} outputs={m?.outputs ?? null} name={names[i]!} />
              <div className="model-body">
                <Heatmap
                  values={m?.grid ?? null}
                  n={GRID_N}
                  domain={GRID_DOMAIN}
                  points={points}
                  title={`${names[i]} decision map`}
                />
                <div>
                  <details open={wide}>
                    <summary>Settings</summary>
                    <ModelControls
                      config={config}
                      disabled={busy || sweeping}
                      onChange={(c) => setModel(i, c)}
                    />
                  </details>
                  <details>
                    <summary>Model summary ({summary.total} parameters)</summary>
                    <ModelSummary {...summary} />
                  </details>
                </div>
              </div>
            </section>
          );
        })}
      </div>

      <section className="card" aria-label="Loss chart">
        <div className="row spread">
          <h2>Loss per epoch</h2>
          <label className="toggle">
            <input
              type="checkbox"
              checked={logScale}
              onChange={(e) => setLogScale(e.target.checked)}
            />{' '}
            log scale
          </label>
        </div>
        <LossChart
          series={series}
          xLabel="epoch"
          yLabel={`loss (${settings.models[0]!.loss})`}
          logScale={logScale}
        />
      </section>

      <RepeatPanel
        gate={settings.gate}
        models={settings.models}
        disabled={busy}
        onBusy={setSweeping}
      />
    </div>
  );
}
