import { interpolateRdBu } from 'd3-scale-chromatic';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface HeatmapPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

interface HeatmapProps {
  /** n×n model outputs in [0, 1], row by row from the top. */
  values: Float32Array | null;
  n: number;
  /** The square the values cover, [min, max]² in input coordinates. */
  domain: readonly [number, number];
  points: readonly HeatmapPoint[];
  title: string;
}

const SIZE = 240;

/** Playground-style decision map: orange where the model says 0, blue where it says 1. */
export function Heatmap({ values, n, domain, points, title }: HeatmapProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, SIZE, SIZE);
    if (values) {
      const image = new ImageData(n, n);
      for (let i = 0; i < n * n; i++) {
        const rgb = /rgb\((\d+), (\d+), (\d+)\)/.exec(interpolateRdBu(0.1 + 0.8 * values[i]!));
        image.data.set([Number(rgb?.[1]), Number(rgb?.[2]), Number(rgb?.[3]), 255], i * 4);
      }
      const small = new OffscreenCanvas(n, n);
      small.getContext('2d')!.putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(small, 0, 0, SIZE, SIZE);
    } else {
      ctx.fillStyle = '#f2f2f2';
      ctx.fillRect(0, 0, SIZE, SIZE);
    }
    const [min, max] = domain;
    const toPx = (v: number) => ((v - min) / (max - min)) * SIZE;
    for (const p of points) {
      ctx.beginPath();
      ctx.arc(toPx(p.x), SIZE - toPx(p.y), 9, 0, 2 * Math.PI);
      ctx.fillStyle = p.label === 1 ? '#08519c' : '#b2182b';
      ctx.fill();
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
      ctx.fillStyle = '#fff';
      ctx.font = 'bold 11px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(String(p.label), toPx(p.x), SIZE - toPx(p.y));
    }
  }, [values, n, domain, points]);
  return (
    <figure className="heatmap">
      <canvas ref={canvas} width={SIZE} height={SIZE} role="img" aria-label={title} />
      <figcaption>
        <span className="swatch zero" /> {t('ui.heatmap.says0')} <span className="swatch one" />{' '}
        {t('ui.heatmap.says1')} · {t('ui.heatmap.axes', { min: domain[0], max: domain[1] })}
      </figcaption>
    </figure>
  );
}
