import { downloadBlob } from './download';

export interface LegendEntry {
  label: string;
  color: string;
}

/** Style that a chart may take from the page's stylesheet, copied onto the exported copy. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];

/** The chart's own <svg>: the largest one in the container (legend icons are small svgs too). */
function chartSvg(container: Element): SVGSVGElement {
  const area = (svg: SVGSVGElement) => {
    const r = svg.getBoundingClientRect();
    return r.width * r.height;
  };
  const svgs = [...container.querySelectorAll('svg')].sort((a, b) => area(b) - area(a));
  if (!svgs[0]) throw new Error('there is no chart to export');
  return svgs[0];
}

/** A standalone copy of the svg, its computed style written inline so it draws the same alone. */
function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const style = getComputedStyle(original);
    const target = copies[i] as SVGElement;
    for (const property of STYLE_PROPERTIES)
      target.style.setProperty(property, style.getPropertyValue(property));
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(copy);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
    image.src = url;
  });
}

const LEGEND_LINE = 22;
/** White space around the chart, in CSS pixels. */
const PAD = 12;

/**
 * The chart in `container` as a PNG: its svg drawn on a white canvas at `scale` (sharp on
 * high-density screens and in slides), with the legend entries written underneath.
 */
export async function chartToPng(
  container: Element,
  legend: readonly LegendEntry[] = [],
  scale = 2,
): Promise<Blob> {
  const svg = chartSvg(container);
  const { width, height } = svg.getBoundingClientRect();
  const text = standaloneSvg(svg, width, height);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const legendHeight = legend.length > 0 ? legend.length * LEGEND_LINE + 8 : 0;
    const fullWidth = width + 2 * PAD;
    const fullHeight = height + legendHeight + 2 * PAD;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(fullWidth * scale);
    canvas.height = Math.ceil(fullHeight * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('the browser gave no canvas to draw on');
    ctx.scale(scale, scale);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, fullWidth, fullHeight);
    ctx.drawImage(image, PAD, PAD, width, height);
    ctx.font = `13px ${getComputedStyle(container).fontFamily}`;
    ctx.textBaseline = 'middle';
    legend.forEach((entry, i) => {
      const y = PAD + height + 8 + i * LEGEND_LINE + LEGEND_LINE / 2;
      ctx.fillStyle = entry.color;
      ctx.fillRect(PAD + 8, y - 2, 18, 4);
      ctx.fillStyle = '#1d2330';
      ctx.fillText(entry.label, PAD + 34, y, width - 42);
    });
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads the chart in `container` as `fileName` (a PNG). */
export async function downloadChartPng(
  container: Element,
  fileName: string,
  legend: readonly LegendEntry[] = [],
): Promise<void> {
  downloadBlob(await chartToPng(container, legend), fileName);
}
