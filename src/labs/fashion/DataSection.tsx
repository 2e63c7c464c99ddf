import { memo, type DragEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { FASHION_FILES, type FashionMnist } from '../../data/fashionMnist';
import type { Text } from '../../engine/message';
import { useSay } from '../../i18n/hooks';
import { Colorbar } from '../../ui/Colorbar';
import { ImageGrid } from '../../ui/ImageGrid';
import { PixelImage } from '../../ui/PixelImage';
import { Progress } from '../../ui/Progress';
import { useClassNames } from './classNames';
import type { DataState } from '../../ui/useFashionData';

const PIXELS = 28 * 28;

/** numpy's summary of a long array: `[9 0 0 ... 3 0 5]`. */
function numpyArray(values: ArrayLike<number>): string {
  const n = values.length;
  const pick = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => values[from + i]!);
  if (n <= 6) return `[${pick(0, n).join(' ')}]`;
  return `[${pick(0, 3).join(' ')} ... ${pick(n - 3, n).join(' ')}]`;
}

export function image(split: FashionMnist['train'], index: number): Uint8Array {
  return split.images.subarray(index * PIXELS, (index + 1) * PIXELS);
}

function MissingData({ message, onFiles }: { message: Text; onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const say = useSay();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    onFiles([...e.dataTransfer.files]);
  };
  return (
    <div
      className={`notice warn dropzone${over ? ' over' : ''}`}
      role="alert"
      data-testid="data-missing"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <strong>{t('fashion.data.missing')}</strong>
      <p className="small">{say(message)}</p>
      <p>
        <Trans
          i18nKey="fashion.data.howTo"
          values={{ files: Object.values(FASHION_FILES).join(', ') }}
          components={{ code: <code /> }}
        />
      </p>
      <label className="file-button">
        {t('fashion.data.choose')}
        <input
          type="file"
          multiple
          accept=".gz,application/gzip,application/octet-stream,*"
          aria-label={t('fashion.data.filesLabel')}
          onChange={(e) => onFiles([...(e.target.files ?? [])])}
        />
      </label>{' '}
      <span className="muted small">{t('fashion.data.orDrop')}</span>
    </div>
  );
}

interface Props {
  state: DataState;
  onFiles: (files: File[]) => void;
}

/** The first half of the lecture's `main.py`: shapes, one image with a colorbar, a 5×5 grid, scaling. */
export const DataSection = memo(function DataSection({ state, onFiles }: Props) {
  const { t } = useTranslation();
  const say = useSay();
  const classes = useClassNames().names;
  const [index, setIndex] = useState(0);
  if (state.status === 'loading') {
    return (
      <Progress
        label={t('fashion.data.loading', { stage: t(`fashion.data.stages.${state.stage}`) })}
        value={state.fraction}
        max={1}
        detail={`${Math.round(state.fraction * 100)}%`}
      />
    );
  }
  // The lab always wants the data: "idle" lasts no longer than the first render.
  if (state.status === 'idle') return null;
  if (state.status === 'missing') return <MissingData message={state.message} onFiles={onFiles} />;
  if (state.status === 'error') {
    return (
      <div className="notice error" role="alert" data-testid="data-error">
        <strong>{t('fashion.data.unreadable')}</strong> {say(state.message)}
        <MissingData message={t('fashion.data.tryAgain')} onFiles={onFiles} />
      </div>
    );
  }
  const { train, test } = state.data;
  const shown = Math.min(Math.max(0, index), train.count - 1);
  const pixels = image(train, shown);
  const row = pixels.subarray(14 * 28 + 4, 14 * 28 + 12);
  return (
    <div className="data-section">
      <pre className="printout" data-testid="data-printout">
        {`Train data shape (${train.count}, 28, 28)\n`}
        {`Train labels ${numpyArray(train.labels)}\n`}
        {`Test data shape (${test.count}, 28, 28)\n`}
        {`Test labels ${numpyArray(test.labels)}`}
      </pre>
      <p className="muted small">
        {t('fashion.data.loadedFrom', {
          source: t(`fashion.data.sources.${state.source}`),
          seconds: state.seconds.toFixed(2),
        })}
      </p>
      <div className="data-views">
        <figure className="one-image">
          <figcaption>
            <code>plt.imshow(train_images[{shown}]); plt.colorbar()</code> —{' '}
            <strong>{classes[train.labels[shown]!]}</strong>
          </figcaption>
          <div className="image-with-bar">
            <PixelImage
              pixels={pixels}
              width={28}
              height={28}
              range={[0, 255]}
              colormap="viridis"
              size={252}
              alt={t('fashion.data.imageAlt', {
                index: shown,
                name: classes[train.labels[shown]!],
              })}
            />
            <Colorbar colormap="viridis" range={[0, 255]} height={252} />
          </div>
          <div className="row stepper">
            <button
              type="button"
              onClick={() => setIndex(shown - 1)}
              disabled={shown === 0}
              aria-label={t('fashion.data.previous')}
            >
              ◀
            </button>
            <label>
              {t('fashion.data.image')}{' '}
              <input
                type="number"
                min={0}
                max={train.count - 1}
                value={shown}
                onChange={(e) => setIndex(Math.round(Number(e.target.value)) || 0)}
              />{' '}
              {t('fashion.data.imageOf', { total: train.count })}
            </label>
            <button
              type="button"
              onClick={() => setIndex(shown + 1)}
              disabled={shown === train.count - 1}
              aria-label={t('fashion.data.next')}
            >
              ▶
            </button>
          </div>
        </figure>
        <figure className="grid-25">
          <figcaption>
            <Trans i18nKey="fashion.data.gridCaption" components={{ code: <code /> }} />
          </figcaption>
          <ImageGrid
            label={t('fashion.data.gridLabel')}
            items={Array.from({ length: 25 }, (_, i) => ({
              pixels: image(train, i),
              caption: classes[train.labels[i]!]!,
            }))}
            range={[0, 255]}
            colormap="binary"
            imageSize={80}
            onSelect={setIndex}
            selected={shown < 25 ? shown : null}
          />
        </figure>
      </div>
      <div className="scaling">
        <h3>
          {t('fashion.data.scaling')} <code>train_images = train_images / 255.0</code>
        </h3>
        <table className="summary" aria-label={t('fashion.data.scalingLabel')}>
          <tbody>
            <tr>
              <th>{t('fashion.data.before')}</th>
              <td>
                <code>{`[… ${Array.from(row).join(' ')} …]`}</code>
              </td>
            </tr>
            <tr>
              <th>{t('fashion.data.after')}</th>
              <td>
                <code>{`[… ${Array.from(row, (v) => (v / 255).toFixed(2)).join(' ')} …]`}</code>
              </td>
            </tr>
          </tbody>
        </table>
        <p className="muted small">{t('fashion.data.scalingNote', { index: shown })}</p>
      </div>
    </div>
  );
});
