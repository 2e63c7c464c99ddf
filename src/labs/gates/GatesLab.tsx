import { GuidedSteps } from '../../ui/GuidedSteps';
import { Hideable, useHiddenControls } from '../../ui/hidden';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useRunState } from '../../ui/useRunState';
import { useTranslation } from 'react-i18next';
import { GATE_INPUTS, GATES, gateLabels, type Gate } from '../../data/gates';
import type { ModelConfig } from '../../engine/config';
import { LossChart } from '../../ui/LossChart';
import { Progress } from '../../ui/Progress';
import { Segmented, Select } from '../../ui/Slider';
import { useBackendController, useBackendWarmUp } from '../../ui/backendContext';
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
import { useSay } from '../../i18n/hooks';

/** The loss chart redraws at most 4 times a second: a full-speed run ends sooner without more. */
const CHART_REDRAW_MS = 250;

const PACES = [
  { value: 'full', label: 'full', epochsPerSecond: null },
  { value: '300', label: 'watch', epochsPerSecond: 300 },
  { value: '60', label: 'slow', epochsPerSecond: 60 },
] as const;
type Pace = (typeof PACES)[number]['value'];

function readPace(): Pace {
  const asked = new URLSearchParams(window.location.search).get('pace');
  return PACES.find((p) => p.value === asked)?.value ?? '300';
}

const GUIDE = ['and', 'xor', 'hidden', 'seeds', 'code'] as const;

export default function GatesLab() {
  const { t } = useTranslation();
  const hidden = useHiddenControls();
  const guide = GUIDE.map((k) => ({
    title: t(`guide.gates.${k}.title`),
    body: t(`guide.gates.${k}.body`),
  }));
  const say = useSay();
  const backend = useBackendController();
  useBackendWarmUp();
  const run = useMemo(() => new GatesRun(backend), [backend]);
  useEffect(() => () => run.dispose(), [run]);
  const state = useRunState(run);
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
      <GuidedSteps lab="gates" steps={guide} />

      <section className="card experiment" aria-label={t('gates.experiment')}>
        <div className="row wrap">
          <Hideable name="gate">
            <Segmented
              label={t('gates.gate')}
              value={settings.gate}
              options={GATES}
              disabled={busy || sweeping}
              onChange={(g) => setSettings((s) => ({ ...s, gate: g }))}
            />
          </Hideable>
          <table className="truth" aria-label={t('gates.truthTable')}>
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
            trainLabel={t('gates.trainBoth')}
            trainDisabled={sweeping}
            onTrain={() => void run.start(settings)}
            run={run}
          />
          <Hideable name="reset">
            <button
              type="button"
              disabled={busy || sweeping}
              onClick={() => setSettings(lectureSettings(settings.gate))}
            >
              {t('gates.reset')}
            </button>
          </Hideable>
          <Hideable name="pace">
            <Select
              label={t('gates.speed')}
              value={pace}
              options={PACES.map((p) => ({ value: p.value, label: t(`gates.paces.${p.label}`) }))}
              onChange={setPace}
            />
          </Hideable>
          <span className="phase" data-testid="phase">
            {t(`common.phase.${state.phase}`)}
          </span>
        </div>
        {lead && state.phase !== 'idle' && (
          <Progress
            label={t('gates.epochOf', { epoch: lead.epoch, epochs: lead.epochs })}
            value={lead.epoch}
            max={lead.epochs}
            detail={t('gates.progressDetail', {
              time: formatDuration(t, lead.elapsedMs),
              rate: Math.round(lead.step / Math.max(lead.elapsedMs / 1000, 1e-3)),
            })}
          />
        )}
        {state.error && (
          <p className="notice error" role="alert">
            {say(state.error)}
          </p>
        )}
      </section>

      <div className="models">
        {settings.models.map((config, i) =>
          hidden.has(`model${i + 1}`) ? null : (
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
          ),
        )}
      </div>

      <Hideable name="chart">
        <section className="card" aria-label={t('gates.lossChart')}>
          <div className="row spread">
            <h2>{t('gates.lossPerEpoch')}</h2>
            <label className="toggle">
              <input
                type="checkbox"
                checked={logScale}
                onChange={(e) => setLogScale(e.target.checked)}
              />{' '}
              {t('common.logScale')}
            </label>
          </div>
          <LossChart
            series={series}
            xLabel={t('common.epoch')}
            yLabel={t('gates.lossAxis', { loss: settings.models[0]!.loss })}
            logScale={logScale}
            redrawMs={CHART_REDRAW_MS}
          />
        </section>
      </Hideable>

      <Hideable name="code">
        <section className="card" aria-label={t('gates.code')}>
          <details>
            <summary>{t('gates.codeSummary')}</summary>
            <CodePanel {...code} />
          </details>
        </section>
      </Hideable>

      <Hideable name="repeat">
        <RepeatPanel
          gate={settings.gate}
          models={settings.models}
          disabled={busy}
          onBusy={setSweeping}
        />
      </Hideable>
    </div>
  );
}
