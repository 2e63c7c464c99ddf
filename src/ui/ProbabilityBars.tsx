import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';

export interface ProbabilityBarColors {
  /** Classes neither predicted nor true. */
  other: string;
  /** The predicted class when it is the true class. */
  right: string;
  /** The predicted class when it is not the true class. */
  wrong: string;
  /** The true class when the prediction missed it. */
  truth: string;
}

/** The app's --muted-grey, --good, --bad and --accent (SVG fills cannot read CSS variables). */
export const DEFAULT_BAR_COLORS: ProbabilityBarColors = {
  other: '#b4bccb',
  right: '#1a7f37',
  wrong: '#c62828',
  truth: '#2856c4',
};

export interface ProbabilityBarsProps {
  /** One probability per class, in [0, 1] (one row of the softmax output). */
  probabilities: ArrayLike<number>;
  labels: readonly string[];
  /** The true class, if known: its bar is drawn in the `truth` colour and its name marked. */
  trueClass?: number | null;
  /** The predicted class; by default the most probable one (first on ties). */
  predictedClass?: number;
  /** Text added after the true class's name (by default "true" in the page's language). */
  trueMarker?: string;
  /** Legend words for the two highlighted bars. */
  predictedLegend?: string;
  trueLegend?: string;
  colors?: Partial<ProbabilityBarColors>;
  /** Height of one bar row in px. */
  rowHeight?: number;
  /** Width of the class-name axis in px. */
  labelWidth?: number;
  /** Accessible name of the chart. */
  label?: string;
}

const formatPercent = (v: number) => (v >= 99.95 ? '100%' : `${v.toFixed(1)}%`);

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown; index?: number };
}

/**
 * One image's predicted probabilities as horizontal bars, like the lecture's `plot_value_array`:
 * the predicted class highlighted (green if right, red if wrong), the true class in blue with a
 * marker, the values as percentages.
 */
export function ProbabilityBars({
  probabilities,
  labels,
  trueClass = null,
  predictedClass,
  trueMarker: trueMarkerText,
  predictedLegend,
  trueLegend,
  colors,
  rowHeight = 24,
  labelWidth = 96,
  label,
}: ProbabilityBarsProps) {
  const { t } = useTranslation();
  const trueMarker = trueMarkerText ?? t('ui.probabilities.trueMarker');
  const palette = { ...DEFAULT_BAR_COLORS, ...colors };
  let predicted = predictedClass ?? 0;
  if (predictedClass === undefined)
    for (let c = 1; c < labels.length; c++)
      if ((probabilities[c] ?? 0) > (probabilities[predicted] ?? 0)) predicted = c;
  const right = trueClass === predicted;

  const rows = labels.map((name, c) => ({ name, value: 100 * (probabilities[c] ?? 0) }));
  const fillOf = (c: number) =>
    c === predicted
      ? right || trueClass === null
        ? palette.right
        : palette.wrong
      : c === trueClass
        ? palette.truth
        : palette.other;

  const tick = ({ x = 0, y = 0, payload }: TickProps) => {
    const c = payload?.index ?? -1;
    const isTrue = c === trueClass;
    const isPredicted = c === predicted;
    return (
      <text
        x={Number(x)}
        y={Number(y)}
        dx={-4}
        dy={4}
        textAnchor="end"
        fontSize={12}
        fontWeight={isTrue || isPredicted ? 700 : 400}
        fill={isPredicted || isTrue ? fillOf(c) : '#1d2330'}
      >
        {String(payload?.value ?? '')}
        {isTrue && trueMarker ? ` (${trueMarker})` : ''}
      </text>
    );
  };

  const height = rows.length * rowHeight + 36;
  return (
    <div className="prob-bars" role="img" aria-label={label ?? t('ui.probabilities.label')}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 52, bottom: 4, left: 4 }}
          barCategoryGap={3}
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke="#e3e3e3" />
          <XAxis
            type="number"
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(v: number) => `${v}%`}
            fontSize={11}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={labelWidth + (trueClass !== null ? 40 : 0)}
            interval={0}
            tickLine={false}
            tick={tick}
          />
          <Bar dataKey="value" isAnimationActive={false} minPointSize={1}>
            {rows.map((_, c) => (
              <Cell key={c} fill={fillOf(c)} />
            ))}
            <LabelList
              dataKey="value"
              position="right"
              fontSize={11}
              fill="#5d6675"
              formatter={(v: unknown) => (typeof v === 'number' ? formatPercent(v) : '')}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <p className="prob-bars-legend" aria-hidden="true">
        <span className="swatch" style={{ background: right ? palette.right : palette.wrong }} />{' '}
        {predictedLegend ?? t('ui.probabilities.predicted')}
        {trueClass !== null && !right && (
          <>
            {' '}
            <span className="swatch" style={{ background: palette.truth }} />{' '}
            {trueLegend ?? t('ui.probabilities.trueClass')}
          </>
        )}
      </p>
    </div>
  );
}
