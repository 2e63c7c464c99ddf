/**
 * Puts the four Fashion-MNIST .gz files into the lab's data folder (public/data/fashion-mnist/) from the
 * first source that has a valid copy of each: the folder in $FASHION_MNIST_DIR, the Debian package
 * dataset-fashion-mnist, then the data set's upstream home. Each file is checked by the SHA-256 and size
 * of its DECOMPRESSED content: the .gz bytes differ between sources (Debian recompressed them).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { FASHION_FILES } from '../src/data/fashionMnist';

export interface Expected {
  sha256: string;
  size: number;
}

/** The decompressed files, by name without `.gz`. */
export const FASHION_EXPECTED: Readonly<Record<string, Expected>> = {
  'train-images-idx3-ubyte': {
    sha256: 'c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888',
    size: 47_040_016,
  },
  'train-labels-idx1-ubyte': {
    sha256: 'bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9',
    size: 60_008,
  },
  't10k-images-idx3-ubyte': {
    sha256: '5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b',
    size: 7_840_016,
  },
  't10k-labels-idx1-ubyte': {
    sha256: '0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34',
    size: 10_008,
  },
};

export const ENV_VAR = 'FASHION_MNIST_DIR';
export const SYSTEM_DIR = '/usr/share/datasets/fashion-mnist';
export const UPSTREAM_URL = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com';

export interface ResolveOptions {
  env: Readonly<Record<string, string | undefined>>;
  systemDir: string;
  targetDir: string;
  fetchFn: typeof fetch;
  log: (line: string) => void;
  /** Checks for each decompressed file; the real ones unless a test gives its own. */
  expected?: Readonly<Record<string, Expected>>;
  downloadUrl?: string;
  /** A download that sends nothing for this long is given up. */
  stallTimeoutMs?: number;
}

export type SourceKind = 'target' | 'env' | 'system' | 'download';

export interface FileOutcome {
  /** The .gz name in the target folder. */
  file: string;
  source: SourceKind | null;
  /** Why each source that was tried did not give the file. */
  problems: string[];
}

export interface ResolveResult {
  ok: boolean;
  /** Every file was already in the target folder and valid: nothing was written. */
  untouched: boolean;
  files: FileOutcome[];
}

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);

/** An error's message, with its cause (Node's fetch says only "fetch failed" and hides why there). */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

const isGzip = (bytes: Uint8Array) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Checks a file (gzipped or not) against `expected` and returns the bytes to store: the .gz as it is
 * when it is one plain gzip member, else a fresh gzip of the content (browsers' DecompressionStream
 * rejects concatenated members and trailing bytes, which Node's zlib accepts).
 */
export async function verifiedGz(bytes: Buffer, expected: Expected): Promise<Buffer> {
  const gzipped = isGzip(bytes);
  let content = bytes;
  if (gzipped) {
    try {
      content = await gunzipAsync(bytes);
    } catch (error) {
      throw new Error(`not a valid gzip file (${reason(error)})`);
    }
  }
  if (content.length !== expected.size) {
    throw new Error(`decompressed size is ${content.length} bytes, expected ${expected.size}`);
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (sha256 !== expected.sha256) {
    throw new Error(`SHA-256 of the content is ${sha256}, expected ${expected.sha256}`);
  }
  const plainMember = gzipped && bytes.readUInt32LE(bytes.length - 4) === content.length % 2 ** 32;
  return plainMember ? bytes : gzipAsync(content);
}

async function readIfPresent(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The file from a folder, as `name.gz` or uncompressed `name`. */
async function fromFolder(dir: string, name: string) {
  for (const candidate of [`${name}.gz`, name]) {
    const path = join(dir, candidate);
    const bytes = await readIfPresent(path);
    if (bytes) return { bytes, from: display(path) };
  }
  return null;
}

/** The server answered, but not with the file. */
class HttpError extends Error {
  constructor(status: number) {
    super(`HTTP ${status}`);
    this.name = 'HttpError';
  }
}

/** GETs `url`, giving up when no bytes arrive for `stallMs`. */
export async function download(url: string, fetchFn: typeof fetch, stallMs: number) {
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), stallMs);
  const stalled = () => new Error(`no data for ${stallMs / 1000} s`);
  try {
    const response = await fetchFn(url, { signal: controller.signal }).catch((error) => {
      throw controller.signal.aborted ? stalled() : error;
    });
    if (!response.ok) throw new HttpError(response.status);
    if (!response.body) return Buffer.from(await response.arrayBuffer());
    const chunks: Uint8Array[] = [];
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch((error) => {
        throw controller.signal.aborted ? stalled() : error;
      });
      if (done) return Buffer.concat(chunks);
      chunks.push(value);
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), stallMs);
    }
  } finally {
    clearTimeout(timer);
  }
}

interface Source {
  kind: Exclude<SourceKind, 'target'>;
  /** Where this source looks for the file, for messages. */
  where: (name: string) => string;
  /** The bytes and where they came from, null when this source does not have the file. */
  get: (name: string) => Promise<{ bytes: Buffer; from: string } | null>;
}

function sources(options: ResolveOptions): Source[] {
  const envDir = options.env[ENV_VAR]?.trim();
  const baseUrl = (options.downloadUrl ?? UPSTREAM_URL).replace(/\/+$/, '');
  const stallMs = options.stallTimeoutMs ?? 30_000;
  const url = (name: string) => `${baseUrl}/${name}.gz`;
  const list: Source[] = [];
  if (envDir) {
    list.push({
      kind: 'env',
      where: () => `${ENV_VAR}=${envDir}`,
      get: (name) => fromFolder(envDir, name),
    });
  }
  list.push({
    kind: 'system',
    where: () => options.systemDir,
    get: (name) => fromFolder(options.systemDir, name),
  });
  // Without a network, one failed download is enough: the next files are not tried (and waited for).
  let offline: string | null = null;
  list.push({
    kind: 'download',
    where: url,
    get: async (name) => {
      if (offline) throw new Error(`not tried, an earlier download failed (${offline})`);
      try {
        return { bytes: await download(url(name), options.fetchFn, stallMs), from: url(name) };
      } catch (error) {
        if (!(error instanceof HttpError)) offline = reason(error);
        throw error;
      }
    },
  });
  return list;
}

const VERB: Record<Exclude<SourceKind, 'target'>, string> = {
  env: `from ${ENV_VAR}`,
  system: 'from the system data set',
  download: 'downloaded',
};

/** Writes via a temporary name, so an interrupted run never leaves a half file behind. */
async function writeAtomically(path: string, bytes: Buffer) {
  const temporary = `${path}.partial-${process.pid}`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Whether the target folder already holds a valid copy; says why not when it holds a bad one. */
async function alreadyValid(name: string, expected: Expected, options: ResolveOptions) {
  const existing = await readIfPresent(join(options.targetDir, `${name}.gz`));
  if (!existing) return false;
  try {
    await verifiedGz(existing, expected);
    return true;
  } catch (error) {
    const where = display(options.targetDir);
    options.log(`${name}.gz: the copy in ${where} is invalid (${reason(error)}); replacing it`);
    return false;
  }
}

/** Takes the file from the first source with a valid copy. */
async function fetchFile(
  name: string,
  expected: Expected,
  options: ResolveOptions,
  from: readonly Source[],
) {
  const file = `${name}.gz`;
  const target = join(options.targetDir, file);
  const outcome: FileOutcome = { file, source: null, problems: [] };
  for (const source of from) {
    let found: { bytes: Buffer; from: string } | null;
    try {
      found = await source.get(name);
    } catch (error) {
      outcome.problems.push(`${source.where(name)}: ${reason(error)}`);
      continue;
    }
    if (!found) {
      outcome.problems.push(`not in ${source.where(name)}`);
      continue;
    }
    try {
      await writeAtomically(target, await verifiedGz(found.bytes, expected));
    } catch (error) {
      const problem = `${found.from} rejected: ${reason(error)}`;
      options.log(`${file}: ${problem}; trying the next source`);
      outcome.problems.push(problem);
      continue;
    }
    options.log(`${file}: ${VERB[source.kind]} (${found.from})`);
    outcome.source = source.kind;
    return outcome;
  }
  return outcome;
}

/** Fills `targetDir` with the four files; logs one line per file fetched or rejected. */
export async function resolveFashionData(options: ResolveOptions): Promise<ResolveResult> {
  const expected = options.expected ?? FASHION_EXPECTED;
  await mkdir(options.targetDir, { recursive: true });
  const names = Object.values(FASHION_FILES).map((file) => file.replace(/\.gz$/, ''));
  const wants = names.map((name) => {
    const want = expected[name];
    if (!want) throw new Error(`no expected SHA-256 and size for ${name}`);
    return want;
  });
  // Checking what is there is most runs' only work: all four at once (zlib inflates off the main thread).
  const valid = await Promise.all(names.map((name, i) => alreadyValid(name, wants[i]!, options)));
  const untouched = valid.every(Boolean);
  const where = display(options.targetDir);
  if (untouched) {
    options.log(`Fashion-MNIST: all 4 files already in ${where} and valid; nothing to do`);
  }
  const envDir = options.env[ENV_VAR]?.trim();
  if (!untouched && envDir && !(await isFolder(envDir))) {
    options.log(`${ENV_VAR}=${envDir} is not a folder; looking elsewhere`);
  }
  const from = sources(options);
  const files: FileOutcome[] = [];
  for (const [i, name] of names.entries()) {
    if (valid[i]) {
      if (!untouched) options.log(`${name}.gz: already in ${where}`);
      files.push({ file: `${name}.gz`, source: 'target', problems: [] });
    } else {
      files.push(await fetchFile(name, wants[i]!, options, from));
    }
  }
  const ok = files.every((f) => f.source !== null);
  if (ok && !untouched) options.log(`Fashion-MNIST: all 4 files ready in ${where}`);
  return { ok, untouched, files };
}

/** What to tell the user when some files could not be had. */
export function unavailableMessage(result: ResolveResult, targetDir: string): string {
  const missing = result.files.filter((f) => f.source === null);
  return [
    `Fashion-MNIST: ${missing.length} of 4 files could not be had:`,
    ...missing.map((f) => `  ${f.file}: ${f.problems.join('; ')}`),
    'To get them, do one of:',
    `  - set ${ENV_VAR} to a folder holding the four files (.gz or uncompressed), then run npm run data`,
    '  - install the Debian/Ubuntu package: sudo apt-get install dataset-fashion-mnist',
    `  - connect to the internet and run npm run data (it downloads from ${UPSTREAM_URL})`,
    `  - or put the four .gz files in ${display(targetDir)} yourself.`,
    'The Fashion-MNIST lab also accepts the four files through its file picker (or drag and drop).',
  ].join('\n');
}

/**
 * The `npm run data` command: fills `targetDir`, and when files are missing explains how to get them.
 * Returns the exit code: 0, or 1 with `--require` when files are missing.
 */
export async function fetchDataCommand(
  argv: readonly string[],
  options: Omit<ResolveOptions, 'log'> & {
    out: (line: string) => void;
    err: (line: string) => void;
  },
): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: { require: { type: 'boolean', default: false } },
  });
  const result = await resolveFashionData({
    ...options,
    log: (line) => options.out(`[data] ${line}`),
  });
  if (result.ok) return 0;
  for (const line of unavailableMessage(result, options.targetDir).split('\n')) {
    options.err(`[data] ${line}`);
  }
  if (!values.require) return 0;
  options.err('[data] --require: stopping here.');
  return 1;
}
