import { Hideable } from '../../ui/hidden';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { linearlySeparable, type Gate } from '../../data/gates';
import type { ModelConfig } from '../../engine/config';
import { summarize } from '../../engine/model';
import { Heatmap, type HeatmapPoint } from '../../ui/Heatmap';
import { ModelFiles } from '../../ui/ModelFiles';
import { ModelSummary } from '../../ui/ModelSummary';
import { GRID_DOMAIN, GRID_N, type GatesRun, type ModelRun } from './gatesRun';
import { ModelControls } from './ModelControls';
import { ResultsTable } from './ResultsTable';
import { modelName } from './settings';

export const MODEL_COLORS = ['#d95f02', '#1b9e77'] as const;

export function formatDuration(t: TFunction, ms: number): string {
  return ms < 1000
    ? t('common.milliseconds', { value: Math.round(ms) })
    : t('common.seconds', { value: (ms / 1000).toFixed(1) });
}

function statusText(t: TFunction, run: ModelRun | undefined): string {
  if (!run?.name) return t('gates.model.notTrained');
  if (run.loadedFrom) return t('gates.model.loadedFrom', { file: run.loadedFrom });
  const o = run.outcome;
  if (o?.status === 'diverged')
    return t('gates.model.diverged', { step: o.step, loss: String(o.loss) });
  if (o?.status === 'failed') return t('gates.model.failed', { error: String(o.error) });
  if (o?.status === 'stopped') return t('gates.model.stopped', { epoch: run.epoch });
  if (o?.status === 'done') return t('gates.model.status.done');
  return run.status === 'idle' ? t('gates.model.waiting') : t(`gates.model.status.${run.status}`);
}

interface Props {
  index: number;
  /** The lab's run: it holds the models to download and takes the ones loaded. */
  lab: GatesRun;
  config: ModelConfig;
  run: ModelRun | undefined;
  /** The gate the shown results were trained on. */
  gate: Gate;
  points: readonly HeatmapPoint[];
  disabled: boolean;
  settingsOpen: boolean;
  onChange: (index: number, config: ModelConfig) => void;
}

/** One model: its printout, its decision map, its settings and its Keras summary. */
export const ModelCard = memo(function ModelCard(props: Props) {
  const { index, lab, config, run, gate, points, disabled, settingsOpen, onChange } = props;
  const { t } = useTranslation();
  const name = modelName(config);
  const summary = summarize(config);
  const fileBase = `${gate.toLowerCase()}_${run?.name === 'SLP' ? 'slp' : 'mlp'}`;
  return (
    <section
      className="card model"
      aria-label={t('gates.model.label', { n: index + 1 })}
      data-testid={`model-${index + 1}`}
    >
      <header className="model-head">
        <h2 style={{ color: MODEL_COLORS[index] }}>
          {t('gates.model.title', { n: index + 1, name })}
        </h2>
        <span className="muted small" data-testid="model-status">
          {statusText(t, run)}
          {run &&
            run.step > 0 &&
            t('gates.model.steps', {
              updates: run.step,
              time: formatDuration(t, run.elapsedMs),
            })}
        </span>
      </header>
      <ResultsTable gate={gate} outputs={run?.outputs ?? null} name={run?.name || name} />
      <Hideable name="files">
        <ModelFiles
          ready={!!run && (run.outcome !== null || run.loadedFrom !== null) && lab.hasModel(index)}
          fileBase={fileBase}
          disabled={disabled}
          onDownload={() => lab.downloadModel(index, fileBase)}
          onLoad={(files) => lab.loadModel(index, files, config)}
        />
      </Hideable>
      {run?.outcome && run.name === 'SLP' && !linearlySeparable(gate) && (
        <p className="hint">{t('gates.model.slpHint', { gate })}</p>
      )}
      <div className="model-body">
        <Heatmap
          values={run?.grid ?? null}
          n={GRID_N}
          domain={GRID_DOMAIN}
          points={points}
          title={t('gates.model.decisionMap', { name })}
        />
        <div>
          <details open={settingsOpen}>
            <summary>{t('gates.model.settings')}</summary>
            <ModelControls
              config={config}
              disabled={disabled}
              onChange={(c) => onChange(index, c)}
            />
          </details>
          <details>
            <summary>{t('gates.model.summary', { total: summary.total })}</summary>
            <ModelSummary {...summary} />
          </details>
        </div>
      </div>
    </section>
  );
});
