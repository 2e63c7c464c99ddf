import type { CSSProperties } from 'react';
import type { ColormapName, ValueRange } from './colormaps';
import { PixelImage } from './PixelImage';

export type CaptionTone = 'normal' | 'wrong' | 'right';

export interface ImageGridItem {
  /** One value per pixel, row-major, `width × height` of the grid. */
  pixels: ArrayLike<number>;
  /** The line under the image (matplotlib's `plt.xlabel`), e.g. a class name. */
  caption: string;
  /** Caption colour: 'wrong' red, 'right' green, 'normal' plain. */
  tone?: CaptionTone;
  /** An optional smaller second line, e.g. "true: Shirt". */
  detail?: string;
  /** Screen-reader text for the image; defaults to the caption and detail. */
  alt?: string;
}

export interface ImageGridProps {
  items: readonly ImageGridItem[];
  /** Image size in pixels (all items share it). */
  width?: number;
  height?: number;
  /** The value range of the pixels, e.g. [0, 255] for raw bytes, [0, 1] once scaled. */
  range?: ValueRange;
  colormap?: ColormapName;
  /** Images per row (n of the n×n grid). */
  columns?: number;
  /** Display width of each image in CSS px; images shrink to fit narrow screens. */
  imageSize?: number;
  /** Makes each item a button; called with its index. */
  onSelect?: (index: number) => void;
  selected?: number | null;
  /** An accessible name for the whole grid. */
  label?: string;
  className?: string;
}

/**
 * A grid of small images with a caption under each, like the lecture's 5×5
 * `plt.subplot(5, 5, i + 1); plt.imshow(img, cmap=plt.cm.binary); plt.xlabel(class_names[y])`.
 */
export function ImageGrid({
  items,
  width = 28,
  height = 28,
  range = [0, 1],
  colormap = 'binary',
  columns = 5,
  imageSize = 96,
  onSelect,
  selected = null,
  label,
  className,
}: ImageGridProps) {
  const style = { '--grid-columns': columns, '--grid-image': `${imageSize}px` } as CSSProperties;
  return (
    <ul
      className={['image-grid', className ?? ''].filter(Boolean).join(' ')}
      style={style}
      aria-label={label}
    >
      {items.map((item, i) => {
        const tone = item.tone ?? 'normal';
        const alt = item.alt ?? [item.caption, item.detail].filter(Boolean).join(', ');
        // When the alt text already says the captions, screen readers need not hear them twice.
        const hideCaptions = item.alt === undefined;
        const body = (
          <>
            <PixelImage
              pixels={item.pixels}
              width={width}
              height={height}
              range={range}
              colormap={colormap}
              size={imageSize}
              alt={alt}
            />
            <span
              className={`image-grid-caption tone-${tone}`}
              title={item.caption}
              aria-hidden={hideCaptions}
            >
              {item.caption}
            </span>
            {item.detail && (
              <span className="image-grid-detail" title={item.detail} aria-hidden={hideCaptions}>
                {item.detail}
              </span>
            )}
          </>
        );
        return (
          <li key={i} className={selected === i ? 'selected' : undefined}>
            {onSelect ? (
              <button
                type="button"
                className="image-grid-item"
                aria-pressed={selected === i}
                onClick={() => onSelect(i)}
              >
                {body}
              </button>
            ) : (
              <div className="image-grid-item">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
