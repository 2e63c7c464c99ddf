import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { errorInEnglish } from '../test/english';
import {
  gunzipIfNeeded,
  IdxError,
  idxSizeFromHeader,
  isGzip,
  parseIdx,
  readStreamBytes,
} from './idx';

/** An IDX file of unsigned bytes with the given dims; data is i mod 251 unless given. */
function idx(dims: number[], data?: Uint8Array, type = 0x08): Uint8Array {
  const size = dims.reduce((a, b) => a * b, 1);
  const body = data ?? Uint8Array.from({ length: size }, (_, i) => i % 251);
  const out = new Uint8Array(4 + 4 * dims.length + body.length);
  const view = new DataView(out.buffer);
  out[2] = type;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(body, 4 + 4 * dims.length);
  return out;
}

function idxError(run: () => unknown): IdxError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IdxError);
    return error as IdxError;
  }
  throw new Error('expected an IdxError, nothing was thrown');
}

describe('parseIdx', () => {
  it('reads dims (big-endian) and returns the data as a view, not a copy', () => {
    const bytes = idx([3, 2, 300]);
    const { dims, data } = parseIdx(bytes, 'x.idx', { dims: [null, 2, 300] });
    expect(dims).toEqual([3, 2, 300]);
    expect(data.length).toBe(1800);
    expect(data.buffer).toBe(bytes.buffer);
    expect(data.byteOffset).toBe(16);
    expect(data[0]).toBe(0);
    expect(data[1799]).toBe(1799 % 251);
  });

  it('works on a view that does not start at the beginning of its buffer', () => {
    const file = idx([5]);
    const padded = new Uint8Array(file.length + 7);
    padded.set(file, 3);
    const { dims, data } = parseIdx(padded.subarray(3, 3 + file.length), 'labels');
    expect(dims).toEqual([5]);
    expect(Array.from(data)).toEqual([0, 1, 2, 3, 4]);
  });

  it('accepts any size where expected says null, and any rank without expected', () => {
    expect(parseIdx(idx([7, 28, 28]), 'a', { dims: [null, 28, 28] }).dims).toEqual([7, 28, 28]);
    expect(parseIdx(idx([2, 3, 4, 5]), 'a').dims).toEqual([2, 3, 4, 5]);
  });

  it('rejects a wrong magic, naming the file and the bytes found', () => {
    const bytes = idx([2]);
    bytes[1] = 0x03;
    const error = idxError(() => parseIdx(bytes, 'train-labels-idx1-ubyte.gz'));
    expect(error.file).toBe('train-labels-idx1-ubyte.gz');
    expect(errorInEnglish(error)).toContain('train-labels-idx1-ubyte.gz');
    expect(errorInEnglish(error)).toContain('00 03 08 01');
    expect(errorInEnglish(error)).toContain('magic');
  });

  it('says when it was given an HTML page', () => {
    const html = new TextEncoder().encode('\n<!doctype html><html><body>app</body></html>');
    const error = idxError(() => parseIdx(html, 'train-images-idx3-ubyte.gz'));
    expect(errorInEnglish(error)).toMatch(/HTML page, not an IDX file/);
  });

  it('supports only unsigned bytes, and says so', () => {
    const error = idxError(() => parseIdx(idx([2], new Uint8Array(2), 0x0d), 'f'));
    expect(errorInEnglish(error)).toContain('32-bit floats (type 0x0d)');
    expect(errorInEnglish(error)).toContain('only unsigned bytes (0x08)');
  });

  it('checks the rank and each fixed dimension against expected', () => {
    expect(
      errorInEnglish(idxError(() => parseIdx(idx([4]), 'f', { dims: [null, 28, 28] }))),
    ).toContain('has 1 dimensions, expected 3');
    const error = idxError(() => parseIdx(idx([4, 28, 27]), 'f', { dims: [null, 28, 28] }));
    expect(errorInEnglish(error)).toContain('dimension 3 is 27, expected 28 (shape 4×28×27)');
  });

  it('rejects truncated data and trailing bytes, with the byte counts', () => {
    const bytes = idx([10, 3]); // 12-byte header + 30
    const short = idxError(() => parseIdx(bytes.subarray(0, 41), 'f'));
    expect(errorInEnglish(short)).toContain(
      'should be 42 bytes (12-byte header + 10×3 values), found 41',
    );
    expect(errorInEnglish(short)).toContain('truncated');
    const long = new Uint8Array(45);
    long.set(bytes);
    expect(errorInEnglish(idxError(() => parseIdx(long, 'f')))).toContain(
      'found 45: 3 trailing bytes',
    );
  });

  it('rejects a header that is cut off', () => {
    expect(errorInEnglish(idxError(() => parseIdx(new Uint8Array([0, 0]), 'f')))).toContain(
      '2 bytes long',
    );
    const bytes = idx([10, 3]).subarray(0, 9);
    expect(errorInEnglish(idxError(() => parseIdx(bytes, 'f')))).toContain(
      'header is truncated: 2 dimensions need 12 bytes, found 9',
    );
  });
});

describe('idxSizeFromHeader', () => {
  it('gives header + data size once the header is there', () => {
    const bytes = idx([3, 2, 300]);
    expect(idxSizeFromHeader(bytes.subarray(0, 16))).toBe(16 + 1800);
    expect(idxSizeFromHeader(bytes.subarray(0, 15))).toBeNull();
    expect(idxSizeFromHeader(idx([60_000, 28, 28], new Uint8Array(0)))).toBe(47_040_016);
  });

  it('gives null for anything but an IDX file of unsigned bytes', () => {
    expect(idxSizeFromHeader(new TextEncoder().encode('<!doctype html>'))).toBeNull();
    expect(idxSizeFromHeader(idx([2], new Uint8Array(8), 0x0d))).toBeNull();
    expect(idxSizeFromHeader(new Uint8Array(gzipSync(idx([4]))))).toBeNull();
  });
});

describe('gunzipIfNeeded', () => {
  const content = idx([50, 28, 28]);

  it('inflates gzip and returns other bytes as they are', async () => {
    const gz = new Uint8Array(gzipSync(content));
    expect(isGzip(gz)).toBe(true);
    expect(await gunzipIfNeeded(gz, 'f.gz')).toEqual(content);
    expect(await gunzipIfNeeded(content, 'f.gz')).toBe(content);
  });

  it('inflates output far larger than one stream chunk', async () => {
    const big = Uint8Array.from({ length: 3_000_000 }, (_, i) => (i * 7919) % 256);
    const out = await gunzipIfNeeded(new Uint8Array(gzipSync(big)), 'big.gz');
    expect(out.length).toBe(big.length);
    expect(Buffer.compare(out, big)).toBe(0);
  });

  const broken: [string, (gz: Uint8Array) => Uint8Array][] = [
    ['truncated in the middle', (gz) => gz.subarray(0, gz.length >> 1)],
    ['missing its trailer', (gz) => gz.subarray(0, gz.length - 8)],
    ['only a header', (gz) => gz.subarray(0, 10)],
    [
      'corrupted',
      (gz) => {
        const copy = gz.slice();
        for (let i = 20; i < 60; i++) copy[i] = 0xff;
        return copy;
      },
    ],
    [
      'with a wrong checksum',
      (gz) => {
        const copy = gz.slice();
        copy[copy.length - 6] = (copy[copy.length - 6] ?? 0) ^ 0xff;
        return copy;
      },
    ],
  ];
  it.each(broken)(
    'rejects a gzip %s with an IdxError naming the file',
    async (_, damage) => {
      const bad = damage(new Uint8Array(gzipSync(content)));
      const error = await gunzipIfNeeded(bad, 'train-images-idx3-ubyte.gz').catch((e) => e);
      expect(error).toBeInstanceOf(IdxError);
      expect(error.file).toBe('train-images-idx3-ubyte.gz');
      expect(errorInEnglish(error)).toMatch(
        /^train-images-idx3-ubyte\.gz: .*not a valid gzip file/,
      );
    },
    5_000,
  );
});

describe('readStreamBytes', () => {
  function streamOf(chunks: number[][]): ReadableStream<Uint8Array> {
    return new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(Uint8Array.from(chunk));
        controller.close();
      },
    });
  }

  it.each([0, 2, 5, 100])('joins the chunks whatever the size hint (%i)', async (hint) => {
    const seen: number[] = [];
    const bytes = await readStreamBytes(streamOf([[1, 2], [3], [4, 5]]), hint, (n) => seen.push(n));
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toEqual([2, 3, 5]);
  });
});
