/**
 * Fashion-MNIST in the browser: the four IDX files, loaded from a URL (what `npm run data` puts in
 * public/data/fashion-mnist/) or from files the student picks or drops. Images stay bytes (0–255): no
 * copies beyond reading and inflating each file once.
 */
import {
  gunzipIfNeeded,
  IdxError,
  idxSizeFromHeader,
  isGzip,
  parseIdx,
  readStreamBytes,
} from './idx';
import type { TrainData } from '../engine/batch';
import { errorText, message, MessageError, type Message } from '../engine/message';

export const FASHION_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

export const FASHION_FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;

export type FashionFileKey = keyof typeof FASHION_FILES;

export interface FashionSplit {
  /** count × rows × cols bytes, 0–255, row-major. */
  images: Uint8Array;
  /** count class indices, 0–9 (see FASHION_CLASSES). */
  labels: Uint8Array;
  count: number;
}

export interface FashionMnist {
  train: FashionSplit;
  test: FashionSplit;
  rows: number;
  cols: number;
}

/**
 * One file's progress. In `download`, loadedBytes counts the body as received and totalBytes is the
 * expected body size when known (null when the server does not say, or compresses in transit). In the
 * other stages both are the size of the bytes at hand.
 */
export interface LoadProgress {
  file: string;
  loadedBytes: number;
  totalBytes: number | null;
  stage: 'download' | 'unzip' | 'parse' | 'done';
}

type OnProgress = (p: LoadProgress) => void;

/** Some of the four files could not be had (HTTP error, network failure, or not among picked files). */
export class DataMissingError extends MessageError {
  readonly files: string[];

  constructor(files: string[], text: Message) {
    super(text);
    this.name = 'DataMissingError';
    this.files = files;
  }
}

const KEYS = Object.keys(FASHION_FILES) as FashionFileKey[];
const IMAGE_SIDE = 28;
const CLASS_COUNT = FASHION_CLASSES.length;
/** Download progress is reported at most once per this many bytes (and at the end). */
const PROGRESS_STEP = 1 << 20;

/**
 * Reads a body stream, reporting `download` progress. Without a `total` from the server, an inflated
 * IDX body announces its own size in its header; the stream may still turn out longer than `total`.
 */
async function readWithProgress(
  stream: ReadableStream<Uint8Array>,
  file: string,
  announced: number | null,
  onProgress?: OnProgress,
): Promise<Uint8Array> {
  let total = announced;
  let reported = 0;
  const report = (loadedBytes: number) => {
    const totalBytes = total !== null && loadedBytes <= total ? total : null;
    onProgress?.({ file, loadedBytes, totalBytes, stage: 'download' });
  };
  report(0);
  const bytes = await readStreamBytes(stream, total ?? 0, (loaded, sofar) => {
    if (total === null || loaded > total) total = idxSizeFromHeader(sofar);
    if (loaded - reported >= PROGRESS_STEP) {
      reported = loaded;
      report(loaded);
    }
  });
  if (reported !== bytes.length) report(bytes.length);
  return bytes;
}

/** The body size a response announces, if it is the size of what the body stream will give. */
function announcedSize(response: Response): number | null {
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding !== 'identity') return null; // the length of the compressed transfer
  const length = Number(response.headers.get('content-length') ?? NaN);
  return Number.isInteger(length) && length > 0 ? length : null;
}

interface Parsed {
  dims: number[];
  data: Uint8Array;
}

/** Inflates (if gzipped) and parses one file: images are n×28×28, labels n. */
async function decode(
  key: FashionFileKey,
  file: string,
  raw: Uint8Array,
  onProgress?: OnProgress,
): Promise<Parsed> {
  if (isGzip(raw)) {
    onProgress?.({ file, loadedBytes: raw.length, totalBytes: raw.length, stage: 'unzip' });
  }
  const bytes = await gunzipIfNeeded(raw, file);
  onProgress?.({ file, loadedBytes: bytes.length, totalBytes: bytes.length, stage: 'parse' });
  const dims = key.endsWith('Images') ? [null, IMAGE_SIDE, IMAGE_SIDE] : [null];
  const parsed = parseIdx(bytes, file, { dims });
  onProgress?.({ file, loadedBytes: bytes.length, totalBytes: bytes.length, stage: 'done' });
  return parsed;
}

function toSplit(images: Parsed, labels: Parsed, imagesFile: string, labelsFile: string) {
  const count = images.dims[0] ?? 0;
  if (count === 0) throw new IdxError(imagesFile, message('data.fashion.noImages'));
  if (labels.dims[0] !== count) {
    throw new IdxError(
      labelsFile,
      message('data.fashion.labelCount', {
        labels: labels.dims[0] ?? 0,
        imagesFile,
        images: count,
      }),
    );
  }
  const bad = labels.data.findIndex((label) => label >= CLASS_COUNT);
  if (bad >= 0) {
    throw new IdxError(
      labelsFile,
      message('data.fashion.badLabel', {
        label: labels.data[bad]!,
        index: bad,
        max: CLASS_COUNT - 1,
      }),
    );
  }
  return { images: images.data, labels: labels.data, count };
}

/** Decodes the four files (in parallel) and checks they belong together. */
async function assemble(
  raw: Record<FashionFileKey, { file: string; bytes: Promise<Uint8Array> }>,
  onProgress?: OnProgress,
): Promise<FashionMnist> {
  const parsed = await Promise.all(
    KEYS.map(async (key) => decode(key, raw[key].file, await raw[key].bytes, onProgress)),
  );
  const [trainImages, trainLabels, testImages, testLabels] = parsed as [
    Parsed,
    Parsed,
    Parsed,
    Parsed,
  ];
  return {
    train: toSplit(trainImages, trainLabels, raw.trainImages.file, raw.trainLabels.file),
    test: toSplit(testImages, testLabels, raw.testImages.file, raw.testLabels.file),
    rows: IMAGE_SIDE,
    cols: IMAGE_SIDE,
  };
}

function fromEntries<T>(make: (key: FashionFileKey) => T): Record<FashionFileKey, T> {
  return Object.fromEntries(KEYS.map((key) => [key, make(key)])) as Record<FashionFileKey, T>;
}

/**
 * Fetches the four files from `${baseUrl}/${name}` in parallel. A 404 (or any HTTP error) or a network
 * failure rejects with DataMissingError listing every file that could not be had; a file that is not
 * what it should be rejects with IdxError.
 */
export async function loadFashionMnist(
  baseUrl: string,
  onProgress?: OnProgress,
  fetchFn: typeof fetch = fetch,
): Promise<FashionMnist> {
  const base = baseUrl.replace(/\/+$/, '');
  // Once one file fails, the others are not worth waiting for.
  const controller = new AbortController();
  const answers = await Promise.allSettled(
    KEYS.map((key) => fetchFn(`${base}/${FASHION_FILES[key]}`, { signal: controller.signal })),
  );
  const problems = answers.flatMap((answer, i): { file: string; why: Message | string }[] => {
    const file = FASHION_FILES[KEYS[i] as FashionFileKey];
    if (answer.status === 'rejected') {
      return [
        { file, why: message('data.fashion.networkError', { error: errorText(answer.reason) }) },
      ];
    }
    const { ok, status, statusText, headers } = answer.value;
    if (!ok) return [{ file, why: `HTTP ${status}${statusText ? ` ${statusText}` : ''}` }];
    // A development server answers an unknown path with its index page rather than a 404.
    const html = headers.get('content-type')?.includes('text/html');
    return html ? [{ file, why: message('data.fashion.webPage') }] : [];
  });
  if (problems.length > 0) {
    controller.abort();
    for (const answer of answers) {
      if (answer.status === 'fulfilled') answer.value.body?.cancel().catch(() => {});
    }
    const list = problems.map(({ file, why }) => message('data.fashion.fileWhy', { file, why }));
    throw new DataMissingError(
      problems.map(({ file }) => file),
      message('data.fashion.notFoundAt', { base, list: { list, separator: ', ' } }),
    );
  }
  const responses = answers.map((answer) => (answer as PromiseFulfilledResult<Response>).value);
  try {
    return await assemble(
      fromEntries((key) => {
        const file = FASHION_FILES[key];
        const response = responses[KEYS.indexOf(key)] as Response;
        return { file, bytes: download(response, file, onProgress) };
      }),
      onProgress,
    );
  } catch (error) {
    controller.abort();
    throw error;
  }
}

async function download(response: Response, file: string, onProgress?: OnProgress) {
  try {
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    return await readWithProgress(response.body, file, announcedSize(response), onProgress);
  } catch (error) {
    throw new DataMissingError(
      [file],
      message('data.fashion.downloadFailed', { file, error: errorText(error) }),
    );
  }
}

async function readPicked(file: File, onProgress?: OnProgress) {
  try {
    return await readWithProgress(file.stream(), file.name, file.size, onProgress);
  } catch (error) {
    throw new DataMissingError(
      [file.name],
      message('data.fashion.unreadable', { file: file.name, error: errorText(error) }),
    );
  }
}

// --- Files picked or dropped by the student -------------------------------------------------------

/**
 * The names accepted for each slot, apart from case, a `.gz` and a browser's ` (1)` copy suffix:
 * `train-images-idx3-ubyte`, `train-images.idx3-ubyte`, `t10k-…` or `test-…`, with any prefix ending in
 * `-`, `_` or a space (`fashion-train-images-idx3-ubyte.gz`). Images must say idx3, labels idx1.
 */
const NAME_PATTERN = /^(?:.*[-_ ])?(train|t10k|test)[-_.](images|labels)[-_.]idx([13])[-_.]ubyte$/;

/** Which of the four slots a file name fills, or null. */
export function fashionFileKey(name: string): FashionFileKey | null {
  const stem = name
    .toLowerCase()
    .replace(/\.gz$/, '')
    .replace(/\s?\(\d+\)$/, '');
  const match = NAME_PATTERN.exec(stem);
  if (!match) return null;
  const [, split, kind, rank] = match;
  if ((kind === 'images') !== (rank === '3')) return null;
  return `${split === 'train' ? 'train' : 'test'}${kind === 'images' ? 'Images' : 'Labels'}`;
}

export interface FashionFileMatch<T> {
  /** The file for each slot that exactly one file fills. */
  found: Partial<Record<FashionFileKey, T>>;
  /** Standard names of the slots no file fills. */
  missing: string[];
  /** Names of files that fill no slot. */
  extra: string[];
  /** Slots more than one file claims, with their names. */
  ambiguous: { file: string; candidates: string[] }[];
}

/** Sorts picked files into the four slots by name. */
export function matchFashionFiles<T extends { name: string }>(
  files: readonly T[],
): FashionFileMatch<T> {
  const claims = fromEntries<T[]>(() => []);
  const extra: string[] = [];
  for (const file of files) {
    const key = fashionFileKey(file.name);
    if (key) claims[key].push(file);
    else extra.push(file.name);
  }
  const found: Partial<Record<FashionFileKey, T>> = {};
  const missing: string[] = [];
  const ambiguous: FashionFileMatch<T>['ambiguous'] = [];
  for (const key of KEYS) {
    const [first, ...others] = claims[key];
    if (!first) missing.push(FASHION_FILES[key]);
    else if (others.length === 0) found[key] = first;
    else ambiguous.push({ file: FASHION_FILES[key], candidates: claims[key].map((f) => f.name) });
  }
  return { found, missing, extra, ambiguous };
}

function describeMismatch({ missing, extra, ambiguous }: FashionFileMatch<unknown>): Message[] {
  return [
    ...(missing.length > 0 ? [message('data.fashion.missing', { files: missing.join(', ') })] : []),
    ...ambiguous.map(({ file, candidates }) =>
      message('data.fashion.ambiguous', { file, candidates: candidates.join(', ') }),
    ),
    ...(extra.length > 0 ? [message('data.fashion.extra', { files: extra.join(', ') })] : []),
  ];
}

/**
 * Loads the four files a student picked or dropped (gzipped or not; other files are ignored). Missing
 * or ambiguous files reject with DataMissingError naming them.
 */
export async function fashionMnistFromFiles(
  files: readonly File[],
  onProgress?: OnProgress,
): Promise<FashionMnist> {
  const match = matchFashionFiles(files);
  if (match.missing.length > 0 || match.ambiguous.length > 0) {
    throw new DataMissingError(
      [...match.missing, ...match.ambiguous.map(({ file }) => file)],
      message('data.fashion.needsFour', {
        files: Object.values(FASHION_FILES).join(', '),
        problems: { list: describeMismatch(match), separator: '; ' },
      }),
    );
  }
  return assemble(
    fromEntries((key) => {
      const file = match.found[key] as File;
      return { file: file.name, bytes: readPicked(file, onProgress) };
    }),
    onProgress,
  );
}

const PIXELS = 28 * 28;

/** Images [start, start + count) of a split, as training data (bytes, scaled by 1/255 per batch). */
export function fashionImages(
  split: FashionMnist['train'],
  start: number,
  count: number,
): TrainData {
  return {
    x: split.images.subarray(start * PIXELS, (start + count) * PIXELS),
    y: split.labels.subarray(start, start + count),
    count,
    xShape: [28, 28],
    yShape: [1],
    xScale: 1 / 255,
  };
}
