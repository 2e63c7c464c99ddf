import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, message, type Message } from '../engine/message';
import { useSay } from '../i18n/hooks';

interface Props {
  /** Whether there is a model to download (trained, or loaded). */
  ready: boolean;
  /** The files' name without extension: `name.json` and `name.weights.bin`. */
  fileBase: string;
  /** While the lab trains: neither download nor load. */
  disabled?: boolean;
  /** The .json file the shown model was loaded from, to say so; null or absent if trained here. */
  loadedFrom?: string | null;
  /** Saves the model as tfjs files; a rejection is shown as the error. */
  onDownload: () => Promise<void>;
  /** Loads the chosen files; a rejection (a wrong or damaged file) is shown as the error. */
  onLoad: (files: File[]) => Promise<void>;
}

/**
 * Download a lab's model as tfjs files (`name.json` + `name.weights.bin`), or load such files
 * back, chosen or dropped here. What to do with them is the lab's: this shows buttons and errors.
 */
export function ModelFiles({ ready, fileBase, disabled = false, loadedFrom, ...on }: Props) {
  const { t } = useTranslation();
  const say = useSay();
  const [error, setError] = useState<Message | null>(null);
  const [working, setWorking] = useState(false);
  const [over, setOver] = useState(false);
  const off = disabled || working;

  const download = async () => {
    setError(null);
    try {
      await on.onDownload();
    } catch (err) {
      setError(message('modelFiles.controls.downloadFailed', { error: errorText(err) }));
    }
  };

  const load = async (files: File[]) => {
    if (files.length === 0 || off) return;
    setError(null);
    setWorking(true);
    try {
      await on.onLoad(files);
    } catch (err) {
      setError(message('modelFiles.controls.loadFailed', { error: errorText(err) }));
    } finally {
      setWorking(false);
    }
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void load([...e.dataTransfer.files]);
  };

  return (
    <div
      className={`model-files${over ? ' over' : ''}`}
      role="group"
      aria-label={t('modelFiles.controls.label')}
      onDragOver={(e) => {
        if (off) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <div className="row wrap">
        {ready && (
          <button type="button" disabled={off} onClick={() => void download()}>
            {t('modelFiles.controls.download')}
          </button>
        )}
        <label className={`file-button${off ? ' disabled' : ''}`}>
          {t('modelFiles.controls.load')}
          <input
            type="file"
            accept=".json,.bin,application/json,application/octet-stream"
            multiple
            disabled={off}
            onChange={(e) => {
              const input = e.currentTarget;
              const files = Array.from(input.files ?? []);
              input.value = ''; // choosing the same files again loads them again
              void load(files);
            }}
          />
        </label>
        <span className="muted small" data-testid="model-files-hint">
          {working
            ? t('modelFiles.controls.loading')
            : ready
              ? `${fileBase}.json + ${fileBase}.weights.bin`
              : t('modelFiles.controls.chooseBoth')}
        </span>
      </div>
      {loadedFrom && !working && (
        <p className="loaded-from small" data-testid="model-loaded-from">
          {t('modelFiles.controls.loadedFrom', { file: loadedFrom })}
        </p>
      )}
      {error && (
        <p className="notice error" role="alert" data-testid="model-file-error">
          {say(error)}
        </p>
      )}
    </div>
  );
}
