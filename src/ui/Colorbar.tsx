import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { colormap as lutOf, LUT_SIZE, type ColormapName, type ValueRange } from './colormaps';

/**
 * Round tick values inside [min, max], like matplotlib's MaxNLocator: the smallest step of
 * 1, 2, 2.5 or 5 × 10ᵏ that needs at most `maxBins` intervals. [0, 255] → 0, 50, …, 250;
 * [0, 1] → 0, 0.2, …, 1.
 */
export function niceTicks(min: number, max: number, maxBins = 6): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  if (max === min) return [min];
  const raw = (max - min) / Math.max(1, maxBins);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-9))!;
  const ticks: number[] = [];
  const eps = step * 1e-9;
  for (let k = Math.ceil((min - eps) / step); k * step <= max + eps; k++) {
    // Rounded to the step's precision so 0.6000000000000001 prints as 0.6, and −0 as 0.
    ticks.push(Number((k * step).toPrecision(12)) + 0);
  }
  return ticks;
}

/**
 * Fixed-point label with as many decimals as the tick step has (50 → "150", 0.2 → "0.4"), and a
 * real minus sign as matplotlib prints it ("−0.1").
 */
export function formatTick(value: number, ticks: readonly number[]): string {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  const text = String(Number(step.toPrecision(6)));
  const dot = text.indexOf('.');
  const decimals = dot < 0 || text.includes('e') ? 0 : Math.min(6, text.length - dot - 1);
  return value.toFixed(decimals).replace('-', '\u2212');
}

export interface ColorbarProps {
  colormap: ColormapName;
  /** The value range of the image it explains, [min, max] (min at the bottom). */
  range: ValueRange;
  /**
   * Height in CSS px: the displayed height of the image beside it. Without it the bar stretches
   * to the height of its flex or grid row (at least 120 px).
   */
  height?: number;
  /** Width of the colour strip in CSS px. */
  barWidth?: number;
  /** Tick values; by default round numbers (about one per 30 px). */
  ticks?: readonly number[];
  format?: (value: number) => string;
  /** Optional label along the bar (matplotlib's `cbar.set_label`). */
  label?: string;
  className?: string;
}

/** A vertical colorbar like matplotlib's `plt.colorbar()`: the colormap, max at the top, ticks. */
export function Colorbar({
  colormap,
  range,
  height,
  barWidth = 14,
  ticks,
  format,
  label,
  className,
}: ColorbarProps) {
  const { t } = useTranslation();
  const strip = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = strip.current?.getContext('2d');
    if (!ctx) return;
    const lut = lutOf(colormap);
    const image = ctx.createImageData(1, LUT_SIZE);
    // Top row is the top of the map.
    for (let i = 0; i < LUT_SIZE; i++)
      image.data.set(lut.subarray((LUT_SIZE - 1 - i) * 4, (LUT_SIZE - i) * 4), i * 4);
    ctx.putImageData(image, 0, 0);
  }, [colormap]);

  const [min, max] = range;
  const bins = height === undefined ? 5 : Math.max(2, Math.min(9, Math.floor(height / 30)));
  const values = ticks ?? niceTicks(min, max, bins);
  const span = max - min || 1;
  const say = format ?? ((v: number) => String(Number(v.toPrecision(3))));
  return (
    <div
      className={['colorbar', height === undefined ? 'stretch' : '', className ?? '']
        .filter(Boolean)
        .join(' ')}
      style={height === undefined ? undefined : { height }}
      role="img"
      aria-label={
        label
          ? t('ui.colorbar.labelled', { min: say(min), max: say(max), label })
          : t('ui.colorbar.label', { min: say(min), max: say(max) })
      }
    >
      <div className="colorbar-strip" style={{ width: barWidth }}>
        <canvas ref={strip} width={1} height={LUT_SIZE} />
      </div>
      <div className="colorbar-ticks" aria-hidden="true">
        {values
          .filter((v) => v >= min - span * 1e-9 && v <= max + span * 1e-9)
          .map((v) => (
            <span
              key={v}
              className="colorbar-tick"
              style={{ top: `${(1 - (v - min) / span) * 100}%` }}
            >
              {format ? format(v) : formatTick(v, values)}
            </span>
          ))}
      </div>
      {label && (
        <span className="colorbar-label" aria-hidden="true">
          {label}
        </span>
      )}
    </div>
  );
}
