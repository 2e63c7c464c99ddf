import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FashionMnist } from '../../data/fashionMnist';
import { ConfusionMatrix } from '../../ui/ConfusionMatrix';
import { ImageGrid } from '../../ui/ImageGrid';
import { ProbabilityBars } from '../../ui/ProbabilityBars';
import { WeightImages } from '../../ui/WeightImages';
import { useClassNames } from './classNames';
import { image } from './DataSection';
import type { FashionRunState, TestResults } from './fashionRun';

const PAGE = 25;

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
  const { t } = useTranslation();
  const classes = useClassNames();
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
          <span className="muted">{t('fashion.judge.testAccuracy')}</span>
          <strong data-testid="test-accuracy">{test.accuracy.toFixed(4)}</strong>
          <span className="muted small">
            {t('fashion.judge.onTest', { n: data.test.count, loss: test.loss.toFixed(4) })}
          </span>
        </div>
        {run.loadedFrom && (
          <div className="score" data-testid="judged-model">
            <span className="muted">{t('fashion.judge.model')}</span>
            <strong className="file-name">{run.loadedFrom}</strong>
            <span className="muted small">{t('fashion.judge.loadedNote')}</span>
          </div>
        )}
        {trainAccuracy !== null && (
          <div className="score">
            <span className="muted">{t('fashion.judge.trainAccuracy')}</span>
            <strong>{trainAccuracy.toFixed(4)}</strong>
            <span className="muted small">{t('fashion.judge.lastEpoch')}</span>
          </div>
        )}
        {trainAccuracy !== null && (
          <p className="small gap">
            {trainAccuracy > test.accuracy
              ? t('fashion.judge.overfitting', {
                  points: ((trainAccuracy - test.accuracy) * 100).toFixed(1),
                })
              : t('fashion.judge.noGap')}
          </p>
        )}
        <pre className="printout small">
          {`313/313 - loss: ${test.loss.toFixed(4)} - accuracy: ${test.accuracy.toFixed(4)}`}
        </pre>
      </div>

      <div className="judge-grid">
        <section aria-label={t('fashion.judge.predictions')}>
          <h3>{t('fashion.judge.predictionsTitle')}</h3>
          <div className="row wrap">
            <label className="toggle">
              <input
                type="checkbox"
                checked={filter.kind === 'mistakes'}
                onChange={(e) =>
                  setFilterAndReset(e.target.checked ? { kind: 'mistakes' } : { kind: 'all' })
                }
              />{' '}
              {t('fashion.judge.onlyMistakes')}
            </label>
            {filter.kind === 'cell' && (
              <span className="small">
                {t('fashion.judge.cell', {
                  trueName: classes.names[filter.trueClass],
                  predicted: classes.names[filter.predicted],
                })}{' '}
                <button type="button" onClick={() => setFilterAndReset({ kind: 'all' })}>
                  {t('fashion.judge.showAll')}
                </button>
              </span>
            )}
            <span className="muted small" data-testid="prediction-count">
              {t('fashion.judge.images', { n: total })}
            </span>
          </div>
          {total === 0 ? (
            <p className="muted">{t('fashion.judge.noImages')}</p>
          ) : (
            <ImageGrid
              label={t('fashion.judge.gridLabel')}
              items={shown.map((i) => {
                const p = test.predicted[i]!;
                const truth = labels[i]!;
                return {
                  pixels: image(data.test, i),
                  caption: classes.names[p]!,
                  tone: p === truth ? 'normal' : 'wrong',
                  detail:
                    p === truth
                      ? undefined
                      : t('fashion.judge.trueDetail', { name: classes.names[truth] }),
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
              {t('fashion.judge.previous')}
            </button>
            <span className="small" data-testid="prediction-page">
              {total === 0
                ? ''
                : t('fashion.judge.page', {
                    from: current * PAGE + 1,
                    to: current * PAGE + shown.length,
                    total,
                  })}
            </span>
            <button
              type="button"
              disabled={current >= pages - 1}
              onClick={() => setPage(current + 1)}
            >
              {t('fashion.judge.next')}
            </button>
          </div>
        </section>
        {chosen !== null && (
          <section aria-label={t('fashion.judge.probabilities')}>
            <h3>{t('fashion.judge.probabilitiesTitle', { index: chosen })}</h3>
            <ProbabilityBars
              probabilities={test.probabilities.subarray(chosen * 10, chosen * 10 + 10)}
              labels={classes.names}
              trueClass={labels[chosen]!}
            />
          </section>
        )}
      </div>

      <section aria-label={t('fashion.judge.confusion')}>
        <h3>{t('fashion.judge.confusionTitle')}</h3>
        <ConfusionMatrix
          matrix={test.confusion}
          labels={classes.names}
          shortLabels={classes.short}
          caption={t('fashion.judge.confusionCaption', { n: data.test.count })}
          onSelectCell={(t, p) => setFilterAndReset({ kind: 'cell', trueClass: t, predicted: p })}
          selectedCell={filter.kind === 'cell' ? [filter.trueClass, filter.predicted] : null}
        />
      </section>

      {run.firstLayer && (
        <section aria-label={t('fashion.judge.weights')}>
          <h3>{t('fashion.judge.weightsTitle')}</h3>
          <p className="muted small">{t('fashion.judge.weightsNote')}</p>
          <WeightImages kernel={run.firstLayer.kernel} rows={28} cols={28} maxUnits={64} />
        </section>
      )}
    </div>
  );
}
