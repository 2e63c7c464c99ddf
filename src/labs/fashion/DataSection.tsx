import { useState, type DragEvent } from 'react';
import { FASHION_CLASSES, FASHION_FILES, type FashionMnist } from '../../data/fashionMnist';
import { Colorbar } from '../../ui/Colorbar';
import { ImageGrid } from '../../ui/ImageGrid';
import { PixelImage } from '../../ui/PixelImage';
import { Progress } from '../../ui/Progress';
import type { DataState } from './useFashionData';

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

function MissingData({ message, onFiles }: { message: string; onFiles: (files: File[]) => void }) {
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
      <strong>The Fashion-MNIST files are not on this server.</strong>
      <p className="small">{message}</p>
      <p>
        Whoever runs the lab can fetch them with <code>npm run data</code> (on Debian or Ubuntu,{' '}
        <code>sudo apt-get install dataset-fashion-mnist</code> first, or set{' '}
        <code>FASHION_MNIST_DIR</code> to a folder that has them). Or give the lab the four files
        yourself: {Object.values(FASHION_FILES).join(', ')} (gzipped or not).
      </p>
      <label className="file-button">
        Choose the four files…
        <input
          type="file"
          multiple
          accept=".gz,application/gzip,application/octet-stream,*"
          aria-label="Fashion-MNIST files"
          onChange={(e) => onFiles([...(e.target.files ?? [])])}
        />
      </label>{' '}
      <span className="muted small">or drop them here.</span>
    </div>
  );
}

interface Props {
  state: DataState;
  onFiles: (files: File[]) => void;
}

/** The first half of the lecture's `main.py`: shapes, one image with a colorbar, a 5×5 grid, scaling. */
export function DataSection({ state, onFiles }: Props) {
  const [index, setIndex] = useState(0);
  if (state.status === 'loading') {
    return (
      <Progress
        label={`Loading Fashion-MNIST (${state.stage})…`}
        value={state.fraction}
        max={1}
        detail={`${Math.round(state.fraction * 100)}%`}
      />
    );
  }
  if (state.status === 'missing') return <MissingData message={state.message} onFiles={onFiles} />;
  if (state.status === 'error') {
    return (
      <div className="notice error" role="alert" data-testid="data-error">
        <strong>The Fashion-MNIST files could not be read.</strong> {state.message}
        <MissingData message="Try the files again:" onFiles={onFiles} />
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
        Loaded from {state.source} in {state.seconds.toFixed(2)} s.
      </p>
      <div className="data-views">
        <figure className="one-image">
          <figcaption>
            <code>plt.imshow(train_images[{shown}]); plt.colorbar()</code> —{' '}
            <strong>{FASHION_CLASSES[train.labels[shown]!]}</strong>
          </figcaption>
          <div className="image-with-bar">
            <PixelImage
              pixels={pixels}
              width={28}
              height={28}
              range={[0, 255]}
              colormap="viridis"
              size={252}
              alt={`Training image ${shown}: ${FASHION_CLASSES[train.labels[shown]!]}`}
            />
            <Colorbar colormap="viridis" range={[0, 255]} height={252} />
          </div>
          <div className="row stepper">
            <button
              type="button"
              onClick={() => setIndex(shown - 1)}
              disabled={shown === 0}
              aria-label="Previous image"
            >
              ◀
            </button>
            <label>
              image{' '}
              <input
                type="number"
                min={0}
                max={train.count - 1}
                value={shown}
                onChange={(e) => setIndex(Math.round(Number(e.target.value)) || 0)}
              />{' '}
              of {train.count.toLocaleString('en')}
            </label>
            <button
              type="button"
              onClick={() => setIndex(shown + 1)}
              disabled={shown === train.count - 1}
              aria-label="Next image"
            >
              ▶
            </button>
          </div>
        </figure>
        <figure className="grid-25">
          <figcaption>
            The first 25 training images, <code>cmap=plt.cm.binary</code>, with their class names
          </figcaption>
          <ImageGrid
            label="The first 25 training images"
            items={Array.from({ length: 25 }, (_, i) => ({
              pixels: image(train, i),
              caption: FASHION_CLASSES[train.labels[i]!]!,
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
          Scaling: <code>train_images = train_images / 255.0</code>
        </h3>
        <table className="summary" aria-label="Pixel values before and after scaling">
          <tbody>
            <tr>
              <th>before (uint8, 0 to 255)</th>
              <td>
                <code>{`[… ${Array.from(row).join(' ')} …]`}</code>
              </td>
            </tr>
            <tr>
              <th>after (float32, 0.0 to 1.0)</th>
              <td>
                <code>{`[… ${Array.from(row, (v) => (v / 255).toFixed(2)).join(' ')} …]`}</code>
              </td>
            </tr>
          </tbody>
        </table>
        <p className="muted small">
          Eight pixels from the middle row of image {shown}. The network sees the scaled values; the
          lab divides each batch by 255 as it is made.
        </p>
      </div>
    </div>
  );
}
