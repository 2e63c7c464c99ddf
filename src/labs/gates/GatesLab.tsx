import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { GATE_INPUTS, GATES, gateLabels, type Gate } from '../../data/gates';
import type { ModelConfig } from '../../engine/config';
import { LossChart } from '../../ui/LossChart';
import { Progress } from '../../ui/Progress';
import { Segmented, Select } from '../../ui/Slider';
import { useBackendController } from '../../ui/backendContext';
import { GatesRun, type ModelRun } from './gatesRun';
import { formatDuration, MODEL_COLORS, ModelCard } from './ModelCard';
import { RepeatPanel } from './RepeatPanel';
import { lectureSettings } from './settings';
import { decodeGates, encodeGates } from './urlState';
import { gatesFileBase } from '../../codegen/fileBase';
import { gatesPython } from '../../codegen/python';
import { gatesTfjs } from '../../codegen/tfjs';
import { CodePanel } from '../../ui/CodePanel';
import { RunButtons } from '../../ui/RunButtons';
import { UrlNotice } from '../../ui/UrlNotice';
import { useUrlState } from '../../ui/useUrlState';

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

export default function GatesLab() {
  const backend = useBackendController();
  const run = useMemo(() => new GatesRun(backend), [backend]);
  useEffect(() => () => run.dispose(), [run]);
  const state = useSyncExternalStore(
    (onChange) => run.on('change', onChange),
    () => run.state,
  );
  const { settings, setSettings, notices } = useUrlState(decodeGates, encodeGates);
  const [sweeping, setSweeping] = useState(false);
  const [logScale, setLogScale] = useState(false);
  const [pace, setPace] = useState<Pace>(readPace);
  // On a phone the settings start folded, so the results come first.
  const [wide] = useState(() => window.matchMedia('(min-width: 700px)').matches);
  useEffect(() => {
    run.setPace(PACES.find((p) => p.value === pace)!.epochsPerSecond);
    const params = new URLSearchParams(window.location.search);
    params.set('pace', pace);
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
  }, [run, pace]);

  const code = useMemo(
    () => ({
      python: gatesPython(settings),
      javascript: gatesTfjs(settings),
      fileBase: gatesFileBase(settings),
    }),
    [settings],
  );
  const busy = state.phase === 'preparing' || state.phase === 'running' || state.phase === 'paused';
  const gate: Gate = state.gate ?? settings.gate;
  const points = useMemo(() => {
    const labels = gateLabels(gate);
    return GATE_INPUTS.map(([x, y], i) => ({ x, y, label: labels[i] as 0 | 1 }));
  }, [gate]);
  const setModel = useCallback(
    (i: number, config: ModelConfig) =>
      setSettings((s) => ({
        ...s,
        models: s.models.map((m, k) => (k === i ? config : m)) as [ModelConfig, ModelConfig],
      })),
    [setSettings],
  );

  // The legend names the models that were trained, whatever the controls say now.
  const series = useMemo(() => {
    const names = state.models.map((m) => m.name);
    return state.models.map((m, i) => ({
      name: names.indexOf(m.name) === names.lastIndexOf(m.name) ? m.name : `${m.name} (${i + 1})`,
      color: MODEL_COLORS[i]!,
      values: m.losses,
    }));
  }, [state.models]);
  const lead = state.models.reduce<ModelRun | undefined>(
    (a, m) => (!a || m.epoch / m.epochs < a.epoch / a.epochs ? m : a),
    undefined,
  );

  return (
    <div className="lab gates">
      <UrlNotice notices={notices} />

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
          <RunButtons
            phase={state.phase}
            trainLabel="Train both"
            trainDisabled={sweeping}
            onTrain={() => void run.start(settings)}
            run={run}
          />
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
        {settings.models.map((config, i) => (
          <ModelCard
            key={i}
            index={i}
            lab={run}
            config={config}
            run={state.models[i]}
            gate={gate}
            points={points}
            disabled={busy || sweeping}
            settingsOpen={wide}
            onChange={setModel}
          />
        ))}
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

      <section className="card" aria-label="Code">
        <details>
          <summary>
            The code of this experiment: Keras (the lecture’s MLP.py) and TensorFlow.js
          </summary>
          <CodePanel {...code} />
        </details>
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
