import { useMemo, useState } from 'react';
import { FASHION_CLASSES, type FashionMnist } from '../../data/fashionMnist';
import { ConfusionMatrix } from '../../ui/ConfusionMatrix';
import { ImageGrid } from '../../ui/ImageGrid';
import { ProbabilityBars } from '../../ui/ProbabilityBars';
import { WeightImages } from '../../ui/WeightImages';
import { image } from './DataSection';
import type { FashionRunState, TestResults } from './fashionRun';

const PAGE = 25;
const SHORT = [
  'T-shirt',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Boot',
];

type Filter =
  { kind: 'all' } | { kind: 'mistakes' } | { kind: 'cell'; trueClass: number; predicted: number };

function indicesFor(test: TestResults, labels: Uint8Array, filter: Filter): number[] | null {
  if (filter.kind === 'all') return null; // every index, without building a 10,000-long list
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const p = test.predicted[i]!;
    const t = labels[i]!;
    if (filter.kind === 'mistakes' ? p !== t : t === filter.trueClass && p === filter.predicted)
      out.push(i);
  }
  return out;
}

interface Props {
  run: FashionRunState;
  data: FashionMnist;
}

/** The end of `main.py`: evaluate, predict, and look at what the model got right and wrong. */
export function JudgeSection({ run, data }: Props) {
  const [filter, setFilter] = useState<Filter>({ kind: 'all' });
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const test = run.test;
  const labels = data.test.labels;
  const subset = useMemo(
    () => (test ? indicesFor(test, labels, filter) : null),
    [test, labels, filter],
  );
  if (!test) return null;

  const total = subset ? subset.length : data.test.count;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = Array.from({ length: Math.min(PAGE, total - current * PAGE) }, (_, k) => {
    const position = current * PAGE + k;
    return subset ? subset[position]! : position;
  });
  const lastEpoch = run.epochs[run.epochs.length - 1];
  const trainAccuracy = lastEpoch?.accuracy ?? null;
  const chosen = selected ?? shown[0] ?? null;
  const setFilterAndReset = (f: Filter) => {
    setFilter(f);
    setPage(0);
    setSelected(null);
  };

  return (
    <div className="judge">
      <div className="scores" data-testid="scores">
        <div className="score">
          <span className="muted">test accuracy</span>
          <strong data-testid="test-accuracy">{test.accuracy.toFixed(4)}</strong>
          <span className="muted small">
            on {data.test.count.toLocaleString('en')} test images (loss {test.loss.toFixed(4)})
          </span>
        </div>
        {trainAccuracy !== null && (
          <div className="score">
            <span className="muted">training accuracy</span>
            <strong>{trainAccuracy.toFixed(4)}</strong>
            <span className="muted small">in the last epoch</span>
          </div>
        )}
        {trainAccuracy !== null && (
          <p className="small gap">
            {trainAccuracy > test.accuracy
              ? `The model does ${((trainAccuracy - test.accuracy) * 100).toFixed(1)} points better on the images it trained on than on images it has never seen: that gap is overfitting.`
              : 'The model does as well on images it has never seen as on the ones it trained on.'}
          </p>
        )}
        <pre className="printout small">
          {`313/313 - loss: ${test.loss.toFixed(4)} - accuracy: ${test.accuracy.toFixed(4)}`}
        </pre>
      </div>

      <div className="judge-grid">
        <section aria-label="Predictions">
          <h3>Predictions on the test set</h3>
          <div className="row wrap">
            <label className="toggle">
              <input
                type="checkbox"
                checked={filter.kind === 'mistakes'}
                onChange={(e) =>
                  setFilterAndReset(e.target.checked ? { kind: 'mistakes' } : { kind: 'all' })
                }
              />{' '}
              only mistakes
            </label>
            {filter.kind === 'cell' && (
              <span className="small">
                true {FASHION_CLASSES[filter.trueClass]}, predicted{' '}
                {FASHION_CLASSES[filter.predicted]}{' '}
                <button type="button" onClick={() => setFilterAndReset({ kind: 'all' })}>
                  show all
                </button>
              </span>
            )}
            <span className="muted small" data-testid="prediction-count">
              {total.toLocaleString('en')} images
            </span>
          </div>
          {total === 0 ? (
            <p className="muted">No images here.</p>
          ) : (
            <ImageGrid
              label="Test images with their predicted class"
              items={shown.map((i) => {
                const p = test.predicted[i]!;
                const t = labels[i]!;
                return {
                  pixels: image(data.test, i),
                  caption: FASHION_CLASSES[p]!,
                  tone: p === t ? 'normal' : 'wrong',
                  detail: p === t ? undefined : `true: ${FASHION_CLASSES[t]}`,
                };
              })}
              range={[0, 255]}
              colormap="binary"
              imageSize={80}
              onSelect={(k) => setSelected(shown[k]!)}
              selected={chosen === null ? null : shown.indexOf(chosen)}
            />
          )}
          <div className="row stepper">
            <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
              ◀ previous 25
            </button>
            <span className="small" data-testid="prediction-page">
              {total === 0
                ? ''
                : `${current * PAGE + 1}–${current * PAGE + shown.length} of ${total.toLocaleString('en')}`}
            </span>
            <button
              type="button"
              disabled={current >= pages - 1}
              onClick={() => setPage(current + 1)}
            >
              next 25 ▶
            </button>
          </div>
        </section>
        {chosen !== null && (
          <section aria-label="Probabilities of one image">
            <h3>Test image {chosen}: what the model says</h3>
            <ProbabilityBars
              probabilities={test.probabilities.subarray(chosen * 10, chosen * 10 + 10)}
              labels={FASHION_CLASSES}
              trueClass={labels[chosen]!}
            />
          </section>
        )}
      </div>

      <section aria-label="Confusion matrix">
        <h3>Which classes does it confuse?</h3>
        <ConfusionMatrix
          matrix={test.confusion}
          labels={FASHION_CLASSES}
          shortLabels={SHORT}
          caption={`Test set, ${data.test.count.toLocaleString('en')} images: rows are the true class, columns the prediction. Click a cell to see its images.`}
          onSelectCell={(t, p) => setFilterAndReset({ kind: 'cell', trueClass: t, predicted: p })}
          selectedCell={filter.kind === 'cell' ? [filter.trueClass, filter.predicted] : null}
        />
      </section>

      {run.firstLayer && (
        <section aria-label="First layer weights">
          <h3>What the first layer’s units look at</h3>
          <p className="muted small">
            Each picture is one unit’s 784 incoming weights, laid out as the 28×28 image they
            multiply: blue pixels push the unit up, red pixels push it down.
          </p>
          <WeightImages kernel={run.firstLayer.kernel} rows={28} cols={28} maxUnits={64} />
        </section>
      )}
    </div>
  );
}
