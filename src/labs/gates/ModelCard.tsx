import { memo } from 'react';
import { linearlySeparable, type Gate } from '../../data/gates';
import type { ModelConfig } from '../../engine/config';
import { summarize } from '../../engine/model';
import { Heatmap, type HeatmapPoint } from '../../ui/Heatmap';
import { ModelSummary } from '../../ui/ModelSummary';
import { GRID_DOMAIN, GRID_N, type GatesRun, type ModelRun } from './gatesRun';
import { ModelFiles } from './ModelFiles';
import { ModelControls } from './ModelControls';
import { ResultsTable } from './ResultsTable';
import { modelName } from './settings';

export const MODEL_COLORS = ['#d95f02', '#1b9e77'] as const;

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function statusText(run: ModelRun | undefined): string {
  if (!run?.name) return 'not trained yet';
  if (run.loadedFrom) return `loaded from ${run.loadedFrom}`;
  const o = run.outcome;
  if (o?.status === 'diverged') return `diverged at step ${o.step} (loss ${o.loss})`;
  if (o?.status === 'failed') return `failed: ${o.error}`;
  if (o?.status === 'stopped') return `stopped at epoch ${run.epoch}`;
  if (o?.status === 'done') return 'done';
  return run.status === 'idle' ? 'waiting for the backend' : run.status;
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
  const name = modelName(config);
  const summary = summarize(config);
  return (
    <section
      className="card model"
      aria-label={`Model ${index + 1}`}
      data-testid={`model-${index + 1}`}
    >
      <header className="model-head">
        <h2 style={{ color: MODEL_COLORS[index] }}>
          Model {index + 1}: {name}
        </h2>
        <span className="muted small" data-testid="model-status">
          {statusText(run)}
          {run &&
            run.step > 0 &&
            ` · ${run.step.toLocaleString('en')} updates, ${formatDuration(run.elapsedMs)} of training`}
        </span>
      </header>
      <ResultsTable gate={gate} outputs={run?.outputs ?? null} name={run?.name || name} />
      <ModelFiles
        index={index}
        lab={lab}
        config={config}
        run={run}
        gate={gate}
        disabled={disabled}
      />
      {run?.outcome && run.name === 'SLP' && !linearlySeparable(gate) && (
        <p className="hint">
          A single-layer perceptron can only draw one straight line across the square. No line puts
          both 1s of {gate} on one side and both 0s on the other, so it settles near 0.5 everywhere.
          A hidden layer lets the model bend the boundary.
        </p>
      )}
      <div className="model-body">
        <Heatmap
          values={run?.grid ?? null}
          n={GRID_N}
          domain={GRID_DOMAIN}
          points={points}
          title={`${name} decision map`}
        />
        <div>
          <details open={settingsOpen}>
            <summary>Settings</summary>
            <ModelControls
              config={config}
              disabled={disabled}
              onChange={(c) => onChange(index, c)}
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
});
