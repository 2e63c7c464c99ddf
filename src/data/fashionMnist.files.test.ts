import { File as NodeFile } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { errorInEnglish } from '../test/english';
import {
  DataMissingError,
  FASHION_FILES,
  fashionFileKey,
  fashionMnistFromFiles,
  matchFashionFiles,
  type LoadProgress,
} from './fashionMnist';
import { IdxError } from './idx';

const FileClass = (globalThis.File ?? NodeFile) as typeof File;

function idx(dims: number[], data: ArrayLike<number>): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = 0x08;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

const trainImages = idx([2, 28, 28], new Uint8Array(2 * 784).fill(7));
const trainLabels = idx([2], [9, 4]);
const testImages = idx([1, 28, 28], new Uint8Array(784).fill(200));
const testLabels = idx([1], [5]);
const gz = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));
const file = (name: string, bytes: Uint8Array) =>
  new FileClass([bytes as Uint8Array<ArrayBuffer>], name);

describe('fashionFileKey', () => {
  it.each([
    ['train-images-idx3-ubyte.gz', 'trainImages'],
    ['train-images-idx3-ubyte', 'trainImages'],
    ['train-images.idx3-ubyte', 'trainImages'],
    ['Train-Images-IDX3-UBYTE.GZ', 'trainImages'],
    ['train-images-idx3-ubyte (1).gz', 'trainImages'],
    ['train-images-idx3-ubyte(2)', 'trainImages'],
    ['fashion-train-images-idx3-ubyte.gz', 'trainImages'],
    ['train-labels-idx1-ubyte.gz', 'trainLabels'],
    ['t10k-images-idx3-ubyte.gz', 'testImages'],
    ['t10k-labels.idx1-ubyte', 'testLabels'],
    ['test-labels-idx1-ubyte.gz', 'testLabels'],
  ])('%s fills %s', (name, key) => {
    expect(fashionFileKey(name)).toBe(key);
  });

  it.each([
    'train-images-idx1-ubyte.gz', // images with a labels' rank
    't10k-labels-idx3-ubyte',
    'train-images-idx3-ubyte.zip',
    'train-images.gz',
    'README.md',
    'xtrain-images-idx3-ubyte.gz',
  ])('%s fills no slot', (name) => {
    expect(fashionFileKey(name)).toBeNull();
  });
});

describe('matchFashionFiles', () => {
  it('says what is missing, extra and ambiguous', () => {
    const names = [
      'train-images-idx3-ubyte.gz',
      'train-images-idx3-ubyte',
      'train-labels-idx1-ubyte.gz',
      'notes.txt',
      't10k-labels-idx1-ubyte',
    ].map((name) => ({ name }));
    const match = matchFashionFiles(names);
    expect(match.found).toEqual({
      trainLabels: { name: 'train-labels-idx1-ubyte.gz' },
      testLabels: { name: 't10k-labels-idx1-ubyte' },
    });
    expect(match.missing).toEqual([FASHION_FILES.testImages]);
    expect(match.extra).toEqual(['notes.txt']);
    expect(match.ambiguous).toEqual([
      {
        file: FASHION_FILES.trainImages,
        candidates: ['train-images-idx3-ubyte.gz', 'train-images-idx3-ubyte'],
      },
    ]);
  });
});

describe('fashionMnistFromFiles', () => {
  it('loads a mix of gzipped, plain and dotted names, ignoring other files', async () => {
    const events: LoadProgress[] = [];
    const data = await fashionMnistFromFiles(
      [
        file('README.txt', new Uint8Array([1, 2, 3])),
        file('t10k-labels.idx1-ubyte', testLabels),
        file('train-images-idx3-ubyte.gz', gz(trainImages)),
        file('train-labels-idx1-ubyte', trainLabels),
        file('t10k-images-idx3-ubyte (1).gz', gz(testImages)),
      ],
      (p) => events.push(p),
    );
    expect(data.train.count).toBe(2);
    expect(data.test.count).toBe(1);
    expect(Array.from(data.train.labels)).toEqual([9, 4]);
    expect(data.train.images[1567]).toBe(7);
    expect(data.test.images[0]).toBe(200);
    expect(events.filter((e) => e.stage === 'done').map((e) => e.file)).toHaveLength(4);
    expect(
      events
        .filter((e) => e.stage === 'unzip')
        .map((e) => e.file)
        .sort(),
    ).toEqual(['t10k-images-idx3-ubyte (1).gz', 'train-images-idx3-ubyte.gz']);
    expect(events.find((e) => e.file === 'train-labels-idx1-ubyte')).toEqual({
      file: 'train-labels-idx1-ubyte',
      loadedBytes: 0,
      totalBytes: trainLabels.length,
      stage: 'download',
    });
  });

  it('names the missing files, and the ones it did not recognise', async () => {
    const error = await fashionMnistFromFiles([
      file('train-images-idx3-ubyte.gz', gz(trainImages)),
      file('train-labels-idx1-ubyte.gz', gz(trainLabels)),
      file('photo.png', new Uint8Array(4)),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataMissingError);
    expect((error as DataMissingError).files).toEqual([
      FASHION_FILES.testImages,
      FASHION_FILES.testLabels,
    ]);
    expect(errorInEnglish(error)).toContain(
      `missing: ${FASHION_FILES.testImages}, ${FASHION_FILES.testLabels}`,
    );
    expect(errorInEnglish(error)).toContain('not Fashion-MNIST files: photo.png');
  });

  it('refuses to guess between two files for one slot', async () => {
    const error = await fashionMnistFromFiles([
      file('train-images-idx3-ubyte.gz', gz(trainImages)),
      file('train-images-idx3-ubyte', trainImages),
      file('train-labels-idx1-ubyte.gz', gz(trainLabels)),
      file('t10k-images-idx3-ubyte.gz', gz(testImages)),
      file('t10k-labels-idx1-ubyte.gz', gz(testLabels)),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataMissingError);
    expect((error as DataMissingError).files).toEqual([FASHION_FILES.trainImages]);
    expect(errorInEnglish(error)).toContain(
      `more than one file for ${FASHION_FILES.trainImages}: train-images-idx3-ubyte.gz, train-images-idx3-ubyte`,
    );
  });

  it('names the picked file whose content is wrong', async () => {
    const error = await fashionMnistFromFiles([
      file('train-images-idx3-ubyte.gz', gz(trainImages)),
      file('train-labels-idx1-ubyte.gz', gz(trainLabels)),
      file('t10k-images-idx3-ubyte', testImages.subarray(0, 500)),
      file('t10k-labels-idx1-ubyte.gz', gz(testLabels)),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdxError);
    expect((error as IdxError).file).toBe('t10k-images-idx3-ubyte');
    expect(errorInEnglish(error)).toContain('found 500: truncated');
  });
});
