import { useEffect, useRef } from 'react';
import { paintImage, type ColormapName, type ValueRange } from './colormaps';

export interface PixelImageProps {
  /** One value per pixel, row-major (e.g. 784 values for a 28×28 image). */
  pixels: ArrayLike<number>;
  width: number;
  height: number;
  /** The values mapped to the two ends of the colormap, e.g. [0, 255] or [0, 1]. */
  range: ValueRange;
  colormap: ColormapName;
  /** Display width in CSS px (the height follows the aspect ratio); shrinks to fit its container. */
  size: number;
  /** What the image shows, for screen readers. */
  alt: string;
  className?: string;
  /** Makes the image a button. */
  onClick?: () => void;
  /** Outlines the image (and marks the button pressed). */
  selected?: boolean;
}

/**
 * A single-channel image drawn through a colormap on a canvas at its native resolution, then
 * scaled up by CSS with hard pixel edges, as matplotlib's `imshow` (interpolation 'nearest').
 */
export function PixelImage({
  pixels,
  width,
  height,
  range,
  colormap,
  size,
  alt,
  className,
  onClick,
  selected = false,
}: PixelImageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [min, max] = range;
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(paintImage(pixels, width, height, [min, max], colormap), 0, 0);
  }, [pixels, width, height, min, max, colormap]);

  const classes = ['pixel-image', selected ? 'selected' : '', onClick ? '' : (className ?? '')]
    .filter(Boolean)
    .join(' ');
  const image = (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      className={classes}
      style={{ width: size }}
      role="img"
      aria-label={alt}
    />
  );
  if (!onClick) return image;
  return (
    <button
      type="button"
      className={['pixel-image-button', className ?? ''].filter(Boolean).join(' ')}
      aria-pressed={selected}
      onClick={onClick}
    >
      {image}
    </button>
  );
}
