import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { errorInEnglish } from '../test/english';
import {
  DataMissingError,
  FASHION_CLASSES,
  FASHION_FILES,
  loadFashionMnist,
  type LoadProgress,
} from './fashionMnist';
import { IdxError } from './idx';

/** An IDX file of unsigned bytes. */
function idx(dims: number[], data: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = 0x08;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

/** Image k of a split is filled with (k + offset) mod 256, so every image is recognisable. */
function images(count: number, offset: number, side = 28): Uint8Array {
  const data = new Uint8Array(count * side * side);
  for (let k = 0; k < count; k++)
    data.fill((k + offset) % 256, k * side * side, (k + 1) * side * side);
  return idx([count, side, side], data);
}

/** A small data set: 5 training images, 3 test images. Files content uncompressed. */
function smallSet(): Record<string, Uint8Array> {
  return {
    [FASHION_FILES.trainImages]: images(5, 0),
    [FASHION_FILES.trainLabels]: idx([5], [9, 0, 0, 3, 7]),
    [FASHION_FILES.testImages]: images(3, 100),
    [FASHION_FILES.testLabels]: idx([3], [1, 2, 9]),
  };
}

const gz = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));

type Answer = Uint8Array | number | Error | ((url: string) => Response);

/** A fetch that serves each file name from `answers` (bytes with status 200, a status, or a failure). */
function fakeFetch(answers: Record<string, Answer>, requested: string[] = []): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    requested.push(url);
    const answer = answers[url.slice(url.lastIndexOf('/') + 1)] ?? 404;
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return answer(url);
    if (typeof answer === 'number') return new Response('not here', { status: answer });
    return new Response(answer as Uint8Array<ArrayBuffer>, {
      headers: { 'content-length': String(answer.length) },
    });
  }) as typeof fetch;
}

function gzipped(set: Record<string, Uint8Array>): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(set).map(([name, bytes]) => [name, gz(bytes)]));
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => null,
    (error: Error) => error,
  );
  if (!outcome) throw new Error('expected the promise to reject, it resolved');
  return outcome;
}

describe('loadFashionMnist', () => {
  it('loads gzipped files from baseUrl and returns views of the right shape', async () => {
    const requested: string[] = [];
    const data = await loadFashionMnist(
      'data/fashion-mnist/',
      undefined,
      fakeFetch(gzipped(smallSet()), requested),
    );
    expect(requested.sort()).toEqual(
      Object.values(FASHION_FILES)
        .map((name) => `data/fashion-mnist/${name}`)
        .sort(),
    );
    expect(data.rows).toBe(28);
    expect(data.cols).toBe(28);
    expect(data.train.count).toBe(5);
    expect(data.test.count).toBe(3);
    expect(data.train.images.length).toBe(5 * 784);
    expect(Array.from(data.train.labels)).toEqual([9, 0, 0, 3, 7]);
    expect(Array.from(data.test.labels)).toEqual([1, 2, 9]);
    expect(data.train.images[3 * 784]).toBe(3);
    expect(data.test.images[2 * 784 + 783]).toBe(102);
    expect(FASHION_CLASSES[data.train.labels[0] ?? -1]).toBe('Ankle boot');
    // Views into the inflated file, past its 16-byte header: no copy.
    expect(data.train.images.byteOffset).toBe(16);
    expect(data.train.labels.byteOffset).toBe(8);
  });

  it('takes files the server (or browser) already inflated', async () => {
    const data = await loadFashionMnist('base', undefined, fakeFetch(smallSet()));
    expect(data.train.count).toBe(5);
    expect(data.test.images[0]).toBe(100);
  });

  it('reports download, unzip, parse and done for every file, with Content-Length as total', async () => {
    const events: LoadProgress[] = [];
    const files = gzipped(smallSet());
    await loadFashionMnist('base', (p) => events.push(p), fakeFetch(files));
    for (const name of Object.values(FASHION_FILES)) {
      const mine = events.filter((e) => e.file === name);
      expect(mine.map((e) => e.stage)).toEqual(['download', 'download', 'unzip', 'parse', 'done']);
      const size = files[name]?.length;
      expect(mine[0]).toEqual({ file: name, loadedBytes: 0, totalBytes: size, stage: 'download' });
      expect(mine[1]).toEqual({
        file: name,
        loadedBytes: size,
        totalBytes: size,
        stage: 'download',
      });
      expect(mine[4]?.loadedBytes).toBe(smallSet()[name]?.length);
    }
  });

  /** Serves each file in one chunk with the given headers. */
  function servedWith(
    set: Record<string, Uint8Array>,
    headers: (bytes: Uint8Array) => HeadersInit,
  ) {
    const answers: Record<string, Answer> = {};
    for (const [name, bytes] of Object.entries(set)) {
      answers[name] = () =>
        new Response(bytes as Uint8Array<ArrayBuffer>, { headers: headers(bytes) });
    }
    return fakeFetch(answers);
  }

  const downloads = (events: LoadProgress[], file: string) =>
    events.filter((e) => e.file === file && e.stage === 'download');

  it('takes the size from the IDX header when the body outgrows Content-Length', async () => {
    // A cross-origin compressed transfer: Content-Length is the compressed size, and the
    // Content-Encoding header is not visible to the page.
    const plain = smallSet();
    const events: LoadProgress[] = [];
    const fetchFn = servedWith(plain, (bytes) => ({ 'content-length': String(gz(bytes).length) }));
    const data = await loadFashionMnist('base', (p) => events.push(p), fetchFn);
    expect(data.train.count).toBe(5);
    const size = plain[FASHION_FILES.trainImages]?.length;
    expect(downloads(events, FASHION_FILES.trainImages).at(-1)).toMatchObject({
      loadedBytes: size,
      totalBytes: size,
    });
  });

  it('ignores Content-Length when the server says it compressed the transfer', async () => {
    const plain = smallSet();
    const events: LoadProgress[] = [];
    const fetchFn = servedWith(plain, () => ({
      'content-length': '999999999',
      'content-encoding': 'gzip',
    }));
    await loadFashionMnist('base', (p) => events.push(p), fetchFn);
    for (const name of Object.values(FASHION_FILES)) {
      expect(downloads(events, name).map((e) => e.totalBytes)).toEqual([null, plain[name]?.length]);
    }
  });

  it('reports a long download about once per MiB, with the total from the IDX header', async () => {
    const set = smallSet();
    const big = images(4000, 0); // 3,136,016 bytes
    set[FASHION_FILES.trainImages] = big;
    set[FASHION_FILES.trainLabels] = idx([4000], new Uint8Array(4000));
    const answers: Record<string, Answer> = { ...set };
    answers[FASHION_FILES.trainImages] = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (let at = 0; at < big.length; at += 65_536) {
              controller.enqueue(big.slice(at, at + 65_536));
            }
            controller.close();
          },
        }),
      );
    const events: LoadProgress[] = [];
    const data = await loadFashionMnist('base', (p) => events.push(p), fakeFetch(answers));
    expect(data.train.count).toBe(4000);
    const mine = downloads(events, FASHION_FILES.trainImages);
    expect(mine.map((e) => e.loadedBytes)).toEqual([0, 1_048_576, 2_097_152, big.length]);
    expect(mine.map((e) => e.totalBytes)).toEqual([null, big.length, big.length, big.length]);
  });

  it('reports no total for a gzip body of unknown length', async () => {
    const events: LoadProgress[] = [];
    const fetchFn = servedWith(gzipped(smallSet()), () => ({}));
    await loadFashionMnist('base', (p) => events.push(p), fetchFn);
    const all = events.filter((e) => e.stage === 'download');
    expect(all).toHaveLength(8);
    expect(all.every((e) => e.totalBytes === null)).toBe(true);
  });

  it('lists every file that answers 404 in a DataMissingError', async () => {
    const files: Record<string, Answer> = gzipped(smallSet());
    delete files[FASHION_FILES.trainImages];
    files[FASHION_FILES.testLabels] = 500;
    const error = await rejection(loadFashionMnist('/data', undefined, fakeFetch(files)));
    expect(error).toBeInstanceOf(DataMissingError);
    expect((error as DataMissingError).files).toEqual([
      FASHION_FILES.trainImages,
      FASHION_FILES.testLabels,
    ]);
    expect(errorInEnglish(error)).toContain('/data/');
    expect(errorInEnglish(error)).toContain(`${FASHION_FILES.trainImages} (HTTP 404)`);
    expect(errorInEnglish(error)).toContain(`${FASHION_FILES.testLabels} (HTTP 500)`);
  });

  it('turns a network failure into a DataMissingError', async () => {
    const files: Record<string, Answer> = gzipped(smallSet());
    files[FASHION_FILES.trainLabels] = new TypeError('Failed to fetch');
    const error = await rejection(loadFashionMnist('b', undefined, fakeFetch(files)));
    expect(error).toBeInstanceOf(DataMissingError);
    expect((error as DataMissingError).files).toEqual([FASHION_FILES.trainLabels]);
    expect(errorInEnglish(error)).toContain('network error (Failed to fetch)');
  });

  it('turns a download that breaks off into a DataMissingError, and stops the others', async () => {
    const signals: AbortSignal[] = [];
    const files: Record<string, Answer> = gzipped(smallSet());
    files[FASHION_FILES.testImages] = () =>
      new Response(new ReadableStream({ pull: () => new Promise(() => {}) })); // never ends
    files[FASHION_FILES.trainImages] = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array([0x1f, 0x8b, 8]));
            controller.error(new Error('connection reset'));
          },
        }),
      );
    const fetchFn = fakeFetch(files);
    const spy = ((url: string, init?: RequestInit) => {
      if (init?.signal) signals.push(init.signal);
      return fetchFn(url, init);
    }) as typeof fetch;
    const error = await rejection(loadFashionMnist('b', undefined, spy));
    expect(error).toBeInstanceOf(DataMissingError);
    expect(errorInEnglish(error)).toContain('the download failed (connection reset)');
    expect(signals).toHaveLength(4);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });

  it('says clearly when a dev server answers with its HTML page', async () => {
    const html = new TextEncoder().encode('<!DOCTYPE html>\n<html><head></head></html>');
    const files = Object.fromEntries(Object.values(FASHION_FILES).map((name) => [name, html]));
    const error = await rejection(loadFashionMnist('b', undefined, fakeFetch(files)));
    expect(error).toBeInstanceOf(IdxError);
    expect(errorInEnglish(error)).toMatch(/ubyte\.gz: starts with "<!doctype html>.*HTML page/);
  });

  it('treats a web page served for the file (a dev server fallback) as a missing file', async () => {
    const page = () =>
      new Response('<!DOCTYPE html><html></html>', { headers: { 'content-type': 'text/html' } });
    const files = Object.fromEntries(Object.values(FASHION_FILES).map((name) => [name, page]));
    const error = await rejection(loadFashionMnist('b', undefined, fakeFetch(files)));
    expect(error).toBeInstanceOf(DataMissingError);
    expect((error as DataMissingError).files).toEqual(Object.values(FASHION_FILES));
    expect(errorInEnglish(error)).toContain('answered with a web page');
  });

  it('rejects a truncated gzip download with an IdxError', async () => {
    const files = gzipped(smallSet());
    const full = files[FASHION_FILES.testImages] as Uint8Array;
    files[FASHION_FILES.testImages] = full.subarray(0, full.length - 30);
    const error = await rejection(loadFashionMnist('b', undefined, fakeFetch(files)));
    expect(error).toBeInstanceOf(IdxError);
    expect((error as IdxError).file).toBe(FASHION_FILES.testImages);
  });

  it('rejects images and labels whose counts differ', async () => {
    const files = smallSet();
    files[FASHION_FILES.testLabels] = idx([4], [1, 2, 3, 4]);
    const error = await rejection(loadFashionMnist('b', undefined, fakeFetch(files)));
    expect(error).toBeInstanceOf(IdxError);
    expect(errorInEnglish(error)).toBe(
      `${FASHION_FILES.testLabels}: holds 4 labels but ${FASHION_FILES.testImages} holds 3 images`,
    );
  });

  it('rejects a label that is not a class', async () => {
    const files = smallSet();
    files[FASHION_FILES.trainLabels] = idx([5], [9, 0, 10, 3, 7]);
    const error = await rejection(loadFashionMnist('b', undefined, fakeFetch(files)));
    expect(errorInEnglish(error)).toBe(
      `${FASHION_FILES.trainLabels}: label 10 at index 2 is not a class (0–9)`,
    );
  });

  it('rejects images that are not 28×28, and files swapped for each other', async () => {
    const files = smallSet();
    files[FASHION_FILES.trainImages] = images(5, 0, 27);
    expect(
      errorInEnglish(await rejection(loadFashionMnist('b', undefined, fakeFetch(files)))),
    ).toContain('dimension 2 is 27, expected 28');
    const swapped = smallSet();
    swapped[FASHION_FILES.testImages] = smallSet()[FASHION_FILES.testLabels] as Uint8Array;
    const error = await rejection(loadFashionMnist('b', undefined, fakeFetch(swapped)));
    expect(errorInEnglish(error)).toBe(`${FASHION_FILES.testImages}: has 1 dimensions, expected 3`);
  });

  it('rejects an empty split', async () => {
    const files = smallSet();
    files[FASHION_FILES.testImages] = images(0, 0);
    files[FASHION_FILES.testLabels] = idx([0], []);
    const error = await rejection(loadFashionMnist('b', undefined, fakeFetch(files)));
    expect(errorInEnglish(error)).toBe(`${FASHION_FILES.testImages}: holds no images`);
  });
});
