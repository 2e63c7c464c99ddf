/**
 * Loads the real Fashion-MNIST files (Debian package dataset-fashion-mnist) through a fetch stub that
 * streams them from disk, and checks them against values read from the raw files with Node's zlib.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FASHION_CLASSES, FASHION_FILES, loadFashionMnist } from './fashionMnist';

const DIR = process.env.FASHION_MNIST_DIR ?? '/usr/share/datasets/fashion-mnist';
const present = Object.values(FASHION_FILES).every((name) => existsSync(join(DIR, name)));
const reason = `needs the four Fashion-MNIST .gz files in ${DIR} (apt-get install dataset-fashion-mnist)`;

/** Serves `${base}/${name}` from DIR as a stream, with Content-Length, like a static server. */
const diskFetch = (async (input: string | URL | Request) => {
  const path = join(DIR, String(input).split('/').pop() ?? '');
  if (!existsSync(path)) return new Response('not found', { status: 404 });
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers: { 'content-length': String(statSync(path).size) } });
}) as typeof fetch;

/** Sum of the first image's 784 pixels, read with zlib from the raw file (not with the code under test). */
function firstImageSum(name: string): number {
  const raw = gunzipSync(readFileSync(join(DIR, name)));
  return raw.subarray(16, 16 + 784).reduce((sum, pixel) => sum + pixel, 0);
}

describe.skipIf(!present)(
  `Fashion-MNIST from disk (${present ? DIR : `skipped: ${reason}`})`,
  () => {
    it('loads and parses all 70,000 images', async () => {
      const start = performance.now();
      const data = await loadFashionMnist('/data/fashion-mnist', undefined, diskFetch);
      const ms = performance.now() - start;
      console.log(`[fashion-mnist] loaded and parsed 70,000 images in ${ms.toFixed(0)} ms`);

      expect(data.rows).toBe(28);
      expect(data.cols).toBe(28);
      expect(data.train.count).toBe(60_000);
      expect(data.test.count).toBe(10_000);
      expect(data.train.images.length).toBe(60_000 * 784);
      expect(data.test.images.length).toBe(10_000 * 784);
      expect(data.train.labels.length).toBe(60_000);
      expect(data.test.labels.length).toBe(10_000);
      expect(data.train.labels[0]).toBe(9);
      expect(FASHION_CLASSES[data.train.labels[0] ?? -1]).toBe('Ankle boot');

      const sum = (pixels: Uint8Array) => pixels.subarray(0, 784).reduce((s, p) => s + p, 0);
      const trainSum = firstImageSum(FASHION_FILES.trainImages);
      expect(trainSum).toBe(76_247);
      expect(sum(data.train.images)).toBe(trainSum);
      expect(sum(data.test.images)).toBe(firstImageSum(FASHION_FILES.testImages));

      const perClass = new Array<number>(10).fill(0);
      for (const label of data.train.labels) perClass[label] = (perClass[label] ?? 0) + 1;
      expect(perClass).toEqual(new Array(10).fill(6_000));
    });
  },
);
