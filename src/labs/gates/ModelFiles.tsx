import { useState, type ChangeEvent } from 'react';
import type { Gate } from '../../data/gates';
import type { ModelConfig } from '../../engine/config';
import type { GatesRun, ModelRun } from './gatesRun';
import { errorMessage } from '../../engine/errors';

interface Props {
  index: number;
  lab: GatesRun;
  config: ModelConfig;
  run: ModelRun | undefined;
  gate: Gate;
  disabled: boolean;
}

/** Download a model slot's trained model as tfjs files, or load such files back into the slot. */
export function ModelFiles({ index, lab, config, run, gate, disabled }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const ready = !!run && (run.outcome !== null || run.loadedFrom !== null) && lab.hasModel(index);
  const fileBase = `${gate.toLowerCase()}_${run?.name === 'SLP' ? 'slp' : 'mlp'}`;

  const download = async () => {
    setError(null);
    try {
      await lab.downloadModel(index, fileBase);
    } catch (err) {
      setError(`Could not download the model: ${errorMessage(err)}`);
    }
  };

  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const files = Array.from(input.files ?? []);
    if (files.length === 0) return;
    setError(null);
    setWorking(true);
    try {
      await lab.loadModel(index, files, config);
    } catch (err) {
      setError(`Could not load the model: ${errorMessage(err)}`);
    } finally {
      setWorking(false);
      input.value = ''; // choosing the same files again loads them again
    }
  };

  return (
    <div className="model-files">
      <div className="row wrap">
        {ready && (
          <button type="button" disabled={disabled || working} onClick={() => void download()}>
            Download model
          </button>
        )}
        <label className="file-button">
          Load model…
          <input
            type="file"
            accept=".json,.bin,application/json,application/octet-stream"
            multiple
            disabled={disabled || working}
            onChange={(e) => void load(e)}
          />
        </label>
        <span className="muted small">
          {ready
            ? `${fileBase}.json + ${fileBase}.weights.bin`
            : 'choose the .json and .weights.bin together'}
        </span>
      </div>
      {error && (
        <p className="notice error" role="alert" data-testid="model-file-error">
          {error}
        </p>
      )}
    </div>
  );
}
