import { useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Colorbar } from './Colorbar';
import { cssColorAt } from './colormaps';
import { PixelImage } from './PixelImage';

export interface WeightImagesProps {
  /**
   * A Dense layer's kernel, shape [rows·cols inputs, units], row-major as tfjs stores it:
   * the weight from input i to unit u is kernel[i * units + u].
   */
  kernel: Float32Array;
  /** The input image shape, e.g. 28 × 28: each unit's weights are drawn as such an image. */
  rows: number;
  cols: number;
  /**
   * 'unit': each image scaled by its own max |w| (shows every unit's pattern);
   * 'shared': one scale, the max |w| over the units shown (compares strengths), with a colorbar.
   */
  scale?: 'unit' | 'shared';
  /** At most this many units are drawn (the first ones). */
  maxUnits?: number;
  /** Display width of each image in CSS px. */
  imageSize?: number;
  /** Text before a unit's number, e.g. "unit " or "#". */
  unitPrefix?: string;
  /** Words of the legend: negative, zero, positive weight (by default in the page's language). */
  legend?: readonly [string, string, string];
  /** The note shown when units are left out. */
  formatNote?: (shown: number, total: number) => string;
  onSelect?: (unit: number) => void;
  selected?: number | null;
  className?: string;
}

function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (a > m) m = a;
  }
  return m;
}

/**
 * The first hidden layer's weights as images, one per unit: blue where a bright input pixel
 * pushes the unit up, red where it pushes it down, white for no effect (0 in the middle of a
 * symmetric scale).
 */
export function WeightImages({
  kernel,
  rows,
  cols,
  scale = 'unit',
  maxUnits = 64,
  imageSize = 56,
  unitPrefix = '#',
  legend: legendWords,
  formatNote,
  onSelect,
  selected = null,
  className,
}: WeightImagesProps) {
  const { t } = useTranslation();
  const legend = legendWords ?? [t('ui.weights.negative'), '0', t('ui.weights.positive')];
  const note = formatNote ?? ((shown, total) => t('ui.weights.note', { shown, total }));
  const inputs = rows * cols;
  const units = inputs > 0 ? kernel.length / inputs : 0;
  if (!Number.isInteger(units))
    throw new RangeError(`WeightImages: ${kernel.length} weights is not ${inputs} × units`);
  const shown = Math.max(0, Math.min(units, maxUnits));

  // Each shown unit's column as its own image (a strided read of the kernel).
  const images = useMemo(() => {
    const out: Float32Array[] = [];
    for (let u = 0; u < shown; u++) {
      const img = new Float32Array(inputs);
      for (let i = 0; i < inputs; i++) img[i] = kernel[i * units + u]!;
      out.push(img);
    }
    return out;
  }, [kernel, inputs, units, shown]);

  const shared = useMemo(() => Math.max(...images.map(maxAbs), 0), [images]);
  const rangeOf = (img: Float32Array): [number, number] => {
    const m = (scale === 'shared' ? shared : maxAbs(img)) || 1; // all zeros: plain white
    return [-m, m];
  };

  return (
    <div className={['weight-images', className ?? ''].filter(Boolean).join(' ')}>
      <p className="weight-images-legend">
        <span className="weight-swatch" style={{ background: cssColorAt('redBlue', 0) }} />
        {legend[0]}
        <span className="weight-swatch" style={{ background: cssColorAt('redBlue', 0.5) }} />
        {legend[1]}
        <span className="weight-swatch" style={{ background: cssColorAt('redBlue', 1) }} />
        {legend[2]}
        {shown < units && <span className="weight-images-note">{note(shown, units)}</span>}
      </p>
      <div className="weight-images-body">
        <ul
          className="weight-images-grid"
          style={{ '--weight-image': `${imageSize}px` } as CSSProperties}
        >
          {images.map((img, u) => {
            const range = rangeOf(img);
            const alt = t('ui.weights.alt', { unit: u, max: range[1].toPrecision(2) });
            return (
              <li key={u} className={selected === u ? 'selected' : undefined}>
                <PixelImage
                  pixels={img}
                  width={cols}
                  height={rows}
                  range={range}
                  colormap="redBlue"
                  size={imageSize}
                  alt={alt}
                  selected={selected === u}
                  onClick={onSelect ? () => onSelect(u) : undefined}
                />
                <span className="weight-images-unit">
                  {unitPrefix}
                  {u}
                </span>
              </li>
            );
          })}
        </ul>
        {scale === 'shared' && shown > 0 && (
          <Colorbar
            colormap="redBlue"
            range={[-(shared || 1), shared || 1]}
            className="weight-images-colorbar"
          />
        )}
      </div>
    </div>
  );
}
