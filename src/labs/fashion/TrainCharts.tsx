import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EpochEnd } from '../../engine/trainer';
import { smoothEma } from '../../runs/smoothing';
import { LossChart } from '../../ui/LossChart';
import { Slider } from '../../ui/Slider';

const TRAIN = '#2856c4';
const VALIDATION = '#d95f02';
/** The per-update chart redraws once a second: 4 redraws a second took a tenth of the main thread. */
const LIVE_REDRAW_MS = 1000;
const ACCURACY_RANGE = [0, 1] as const;

interface Props {
  batchLosses: readonly number[];
  /** Changes whenever batchLosses grows (the array itself is appended to). */
  steps: number;
  epochs: readonly EpochEnd[];
}

/** Loss per update (raw and smoothed), and loss and accuracy per epoch for training and validation. */
export const TrainCharts = memo(function TrainCharts({ batchLosses, steps, epochs }: Props) {
  const { t } = useTranslation();
  const [smoothing, setSmoothing] = useState(0.9);
  const perBatch = useMemo(() => {
    const raw = batchLosses.slice(0, steps);
    return [
      {
        name: t('fashion.charts.series.lossPerUpdate'),
        color: TRAIN,
        values: raw,
        opacity: 0.25,
        width: 1,
      },
      {
        name: t('fashion.charts.series.smoothed'),
        color: TRAIN,
        values: Array.from(smoothEma(raw, smoothing)),
      },
    ];
  }, [batchLosses, steps, smoothing, t]);
  const hasValidation = epochs.some((e) => e.valLoss !== null);
  const perEpochLoss = useMemo(
    () => [
      {
        name: t('fashion.charts.series.trainingLoss'),
        color: TRAIN,
        values: epochs.map((e) => e.loss),
      },
      ...(hasValidation
        ? [
            {
              name: t('fashion.charts.series.validationLoss'),
              color: VALIDATION,
              dashed: true,
              values: epochs.map((e) => e.valLoss ?? Number.NaN),
            },
          ]
        : []),
    ],
    [epochs, hasValidation, t],
  );
  const perEpochAccuracy = useMemo(
    () => [
      {
        name: t('fashion.charts.series.trainingAccuracy'),
        color: TRAIN,
        values: epochs.map((e) => e.accuracy ?? Number.NaN),
      },
      ...(hasValidation
        ? [
            {
              name: t('fashion.charts.series.validationAccuracy'),
              color: VALIDATION,
              dashed: true,
              values: epochs.map((e) => e.valAccuracy ?? Number.NaN),
            },
          ]
        : []),
    ],
    [epochs, hasValidation, t],
  );
  return (
    <div className="train-charts">
      <figure className="chart-card" aria-label={t('fashion.charts.lossPerUpdate')}>
        <div className="row spread">
          <figcaption>{t('fashion.charts.lossPerUpdateCaption')}</figcaption>
          <Slider
            label={t('fashion.charts.smoothing')}
            value={smoothing}
            min={0}
            max={0.99}
            step={0.01}
            format={(v) => v.toFixed(2)}
            onChange={setSmoothing}
          />
        </div>
        <LossChart
          series={perBatch}
          xLabel={t('fashion.charts.update')}
          yLabel={t('common.loss')}
          logScale={false}
          height={240}
          redrawMs={LIVE_REDRAW_MS}
        />
      </figure>
      <figure className="chart-card" aria-label={t('fashion.charts.lossPerEpoch')}>
        <figcaption>
          {t(hasValidation ? 'fashion.charts.lossPerEpochBoth' : 'fashion.charts.lossPerEpoch')}
        </figcaption>
        <LossChart
          series={perEpochLoss}
          xLabel={t('common.epoch')}
          yLabel={t('common.loss')}
          logScale={false}
          height={220}
        />
      </figure>
      <figure className="chart-card" aria-label={t('fashion.charts.accuracyPerEpoch')}>
        <figcaption>
          {t(
            hasValidation
              ? 'fashion.charts.accuracyPerEpochBoth'
              : 'fashion.charts.accuracyPerEpoch',
          )}
        </figcaption>
        <LossChart
          series={perEpochAccuracy}
          xLabel={t('common.epoch')}
          yLabel={t('common.accuracy')}
          logScale={false}
          yDomain={ACCURACY_RANGE}
          height={220}
        />
      </figure>
    </div>
  );
});
