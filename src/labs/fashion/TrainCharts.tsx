import { memo, useMemo, useState } from 'react';
import type { EpochEnd } from '../../engine/trainer';
import { smoothEma } from '../../runs/smoothing';
import { LossChart } from '../../ui/LossChart';
import { Slider } from '../../ui/Slider';

const TRAIN = '#2856c4';
const VALIDATION = '#d95f02';

interface Props {
  batchLosses: readonly number[];
  /** Changes whenever batchLosses grows (the array itself is appended to). */
  steps: number;
  epochs: readonly EpochEnd[];
}

/** Loss per update (raw and smoothed), and loss and accuracy per epoch for training and validation. */
export const TrainCharts = memo(function TrainCharts({ batchLosses, steps, epochs }: Props) {
  const [smoothing, setSmoothing] = useState(0.9);
  const perBatch = useMemo(() => {
    const raw = batchLosses.slice(0, steps);
    return [
      { name: 'loss per update', color: TRAIN, values: raw, opacity: 0.25, width: 1 },
      { name: 'smoothed', color: TRAIN, values: Array.from(smoothEma(raw, smoothing)) },
    ];
  }, [batchLosses, steps, smoothing]);
  const hasValidation = epochs.some((e) => e.valLoss !== null);
  const perEpochLoss = useMemo(
    () => [
      { name: 'training loss', color: TRAIN, values: epochs.map((e) => e.loss) },
      ...(hasValidation
        ? [
            {
              name: 'validation loss',
              color: VALIDATION,
              dashed: true,
              values: epochs.map((e) => e.valLoss ?? Number.NaN),
            },
          ]
        : []),
    ],
    [epochs, hasValidation],
  );
  const perEpochAccuracy = useMemo(
    () => [
      {
        name: 'training accuracy',
        color: TRAIN,
        values: epochs.map((e) => e.accuracy ?? Number.NaN),
      },
      ...(hasValidation
        ? [
            {
              name: 'validation accuracy',
              color: VALIDATION,
              dashed: true,
              values: epochs.map((e) => e.valAccuracy ?? Number.NaN),
            },
          ]
        : []),
    ],
    [epochs, hasValidation],
  );
  return (
    <div className="train-charts">
      <figure className="chart-card" aria-label="Loss per update">
        <div className="row spread">
          <figcaption>Loss per update (each batch)</figcaption>
          <Slider
            label="Smoothing"
            value={smoothing}
            min={0}
            max={0.99}
            step={0.01}
            format={(v) => v.toFixed(2)}
            onChange={setSmoothing}
          />
        </div>
        <LossChart series={perBatch} xLabel="update" yLabel="loss" logScale={false} height={240} />
      </figure>
      <figure className="chart-card" aria-label="Loss per epoch">
        <figcaption>Loss per epoch{hasValidation ? ': training and validation' : ''}</figcaption>
        <LossChart
          series={perEpochLoss}
          xLabel="epoch"
          yLabel="loss"
          logScale={false}
          height={220}
        />
      </figure>
      <figure className="chart-card" aria-label="Accuracy per epoch">
        <figcaption>
          Accuracy per epoch{hasValidation ? ': training and validation' : ''}
        </figcaption>
        <LossChart
          series={perEpochAccuracy}
          xLabel="epoch"
          yLabel="accuracy"
          logScale={false}
          yDomain={[0, 1]}
          height={220}
        />
      </figure>
    </div>
  );
});
