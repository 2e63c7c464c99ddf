import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  download,
  ENV_VAR,
  fetchDataCommand,
  resolveFashionData,
  type Expected,
  type ResolveOptions,
} from './fashionData';

const NAMES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
];

/** Small stand-ins for the four files, distinct from each other, with their checks. */
const CONTENT = Object.fromEntries(
  NAMES.map((name, i) => [name, Buffer.from(`${name} `.repeat(200 + i * 50))]),
);
const EXPECTED: Record<string, Expected> = Object.fromEntries(
  NAMES.map((name) => [
    name,
    {
      sha256: createHash('sha256').update(CONTENT[name]!).digest('hex'),
      size: CONTENT[name]!.length,
    },
  ]),
);
const DOWNLOAD_URL = 'https://example.test/fashion';

let root: string;
let envDir: string;
let systemDir: string;
let targetDir: string;
let lines: string[];
let requested: string[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fashion-data-'));
  envDir = join(root, 'env');
  systemDir = join(root, 'system');
  targetDir = join(root, 'public', 'data', 'fashion-mnist');
  lines = [];
  requested = [];
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes the stand-ins into `dir`, gzipped (`name.gz`) or plain (`name`). */
async function fill(dir: string, { gzip = true, only = NAMES } = {}) {
  await mkdir(dir, { recursive: true });
  for (const name of only) {
    const content = CONTENT[name]!;
    await writeFile(join(dir, gzip ? `${name}.gz` : name), gzip ? gzipSync(content) : content);
  }
}

/** A fetch serving `${DOWNLOAD_URL}/<name>.gz` from `files` (404 for the rest). */
function fakeFetch(files: Record<string, Uint8Array> = {}): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    requested.push(url);
    const body = url.startsWith(`${DOWNLOAD_URL}/`)
      ? files[url.slice(DOWNLOAD_URL.length + 1)]
      : null;
    return body
      ? new Response(body as Uint8Array<ArrayBuffer>)
      : new Response('no such key', { status: 404 });
  }) as typeof fetch;
}

function options(overrides: Partial<ResolveOptions> = {}): ResolveOptions {
  return {
    env: { [ENV_VAR]: envDir },
    systemDir,
    targetDir,
    fetchFn: fakeFetch(),
    log: (line) => lines.push(line),
    expected: EXPECTED,
    downloadUrl: DOWNLOAD_URL,
    ...overrides,
  };
}

/** The target holds a single-member .gz of each stand-in. */
async function expectTargetComplete() {
  for (const name of NAMES) {
    const gz = await readFile(join(targetDir, `${name}.gz`));
    expect(gz[0], name).toBe(0x1f);
    expect(gz[1], name).toBe(0x8b);
    expect(gunzipSync(gz).equals(CONTENT[name]!), name).toBe(true);
    expect(gz.readUInt32LE(gz.length - 4), `${name} trailer size`).toBe(CONTENT[name]!.length);
  }
}

const sources = (result: { files: { source: string | null }[] }) =>
  result.files.map((f) => f.source);

describe('resolveFashionData', () => {
  it('takes the files from FASHION_MNIST_DIR before the system folder', async () => {
    await fill(envDir);
    await fill(systemDir);
    const result = await resolveFashionData(options());
    expect(result.ok).toBe(true);
    expect(result.untouched).toBe(false);
    expect(sources(result)).toEqual(['env', 'env', 'env', 'env']);
    await expectTargetComplete();
    expect(lines).toEqual([
      ...NAMES.map((name) => `${name}.gz: from ${ENV_VAR} (${join(envDir, `${name}.gz`)})`),
      `Fashion-MNIST: all 4 files ready in ${targetDir}`,
    ]);
    expect(requested).toEqual([]);
  });

  it('gzips uncompressed files from FASHION_MNIST_DIR', async () => {
    await fill(envDir, { gzip: false });
    const result = await resolveFashionData(options());
    expect(sources(result)).toEqual(['env', 'env', 'env', 'env']);
    await expectTargetComplete();
    expect(lines[0]).toBe(`${NAMES[0]}.gz: from ${ENV_VAR} (${join(envDir, NAMES[0]!)})`);
  });

  it('uses the system folder when FASHION_MNIST_DIR is not set, or lacks a file', async () => {
    await fill(systemDir);
    const unset = await resolveFashionData(options({ env: {} }));
    expect(sources(unset)).toEqual(['system', 'system', 'system', 'system']);
    await expectTargetComplete();

    await rm(targetDir, { recursive: true });
    await fill(envDir, { only: NAMES.slice(1) });
    const partial = await resolveFashionData(options());
    expect(sources(partial)).toEqual(['system', 'env', 'env', 'env']);
    await expectTargetComplete();
  });

  it('says so when FASHION_MNIST_DIR is not a folder', async () => {
    await fill(systemDir);
    const result = await resolveFashionData(options({ env: { [ENV_VAR]: join(root, 'nope') } }));
    expect(result.ok).toBe(true);
    expect(lines[0]).toBe(`${ENV_VAR}=${join(root, 'nope')} is not a folder; looking elsewhere`);
  });

  it('downloads from upstream when neither folder has the files', async () => {
    const served = Object.fromEntries(NAMES.map((n) => [`${n}.gz`, gzipSync(CONTENT[n]!)]));
    const result = await resolveFashionData(options({ env: {}, fetchFn: fakeFetch(served) }));
    expect(sources(result)).toEqual(['download', 'download', 'download', 'download']);
    expect(requested).toEqual(NAMES.map((name) => `${DOWNLOAD_URL}/${name}.gz`));
    await expectTargetComplete();
    expect(lines[0]).toBe(`${NAMES[0]}.gz: downloaded (${DOWNLOAD_URL}/${NAMES[0]}.gz)`);
  });

  it('rejects a corrupted, wrong or wrong-sized file and tries the next source', async () => {
    await fill(systemDir);
    await mkdir(envDir);
    const [a, b, c] = NAMES as [string, string, string];
    const corrupted = gzipSync(CONTENT[a]!);
    corrupted.fill(0xff, 20, 40);
    await writeFile(join(envDir, `${a}.gz`), corrupted);
    await writeFile(join(envDir, `${b}.gz`), gzipSync(Buffer.from(CONTENT[b]!).fill(65, 0, 1)));
    await writeFile(join(envDir, c), CONTENT[c]!.subarray(1));
    const result = await resolveFashionData(options());
    expect(result.ok).toBe(true);
    expect(sources(result)).toEqual(['system', 'system', 'system', 'system']);
    await expectTargetComplete();
    const rejected = lines.filter((line) => line.includes('rejected'));
    expect(rejected).toHaveLength(3);
    expect(rejected[0]).toMatch(/not a valid gzip file .*; trying the next source$/);
    expect(rejected[1]).toContain(`SHA-256 of the content is`);
    expect(rejected[1]).toContain(`expected ${EXPECTED[b]!.sha256}`);
    expect(rejected[2]).toContain(
      `decompressed size is ${CONTENT[c]!.length - 1} bytes, expected ${CONTENT[c]!.length}`,
    );
  });

  it('rejects a bad download too, and reports every source when none works', async () => {
    const served = { [`${NAMES[0]}.gz`]: gzipSync(Buffer.from('something else')) };
    const result = await resolveFashionData(options({ fetchFn: fakeFetch(served) }));
    expect(result.ok).toBe(false);
    expect(sources(result)).toEqual([null, null, null, null]);
    expect(result.files[0]?.problems).toEqual([
      `not in ${ENV_VAR}=${envDir}`,
      `not in ${systemDir}`,
      `${DOWNLOAD_URL}/${NAMES[0]}.gz rejected: decompressed size is 14 bytes, expected ${EXPECTED[NAMES[0]!]!.size}`,
    ]);
    expect(result.files[1]?.problems[2]).toBe(`${DOWNLOAD_URL}/${NAMES[1]}.gz: HTTP 404`);
    expect(existsSync(join(targetDir, `${NAMES[0]}.gz`))).toBe(false);
  });

  it('stops downloading after a network failure, but not after an HTTP error', async () => {
    const offline = (async (url: string) => {
      requested.push(url);
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND x') });
    }) as typeof fetch;
    const result = await resolveFashionData(options({ env: {}, fetchFn: offline }));
    expect(requested).toEqual([`${DOWNLOAD_URL}/${NAMES[0]}.gz`]);
    expect(result.files[0]?.problems.at(-1)).toBe(
      `${DOWNLOAD_URL}/${NAMES[0]}.gz: fetch failed: getaddrinfo ENOTFOUND x`,
    );
    expect(result.files[3]?.problems.at(-1)).toBe(
      `${DOWNLOAD_URL}/${NAMES[3]}.gz: not tried, an earlier download failed (fetch failed: getaddrinfo ENOTFOUND x)`,
    );
    requested = [];
    await resolveFashionData(options({ env: {} }));
    expect(requested).toHaveLength(4);
  });

  it('leaves a complete target alone, without looking anywhere else', async () => {
    await fill(systemDir);
    await resolveFashionData(options());
    const before = await Promise.all(NAMES.map((n) => stat(join(targetDir, `${n}.gz`))));
    await rm(systemDir, { recursive: true });
    lines = [];
    const fetchFn = (() => {
      throw new Error('must not download');
    }) as unknown as typeof fetch;
    const result = await resolveFashionData(options({ fetchFn }));
    expect(result).toMatchObject({ ok: true, untouched: true });
    expect(lines).toEqual([
      `Fashion-MNIST: all 4 files already in ${targetDir} and valid; nothing to do`,
    ]);
    const after = await Promise.all(NAMES.map((n) => stat(join(targetDir, `${n}.gz`))));
    expect(after.map((s) => s.mtimeMs)).toEqual(before.map((s) => s.mtimeMs));
  });

  it('replaces an invalid file in the target, keeping the valid ones', async () => {
    await fill(targetDir);
    await writeFile(join(targetDir, `${NAMES[3]}.gz`), gzipSync(Buffer.from('truncated')));
    await fill(systemDir, { only: [NAMES[3]!] });
    const result = await resolveFashionData(options({ env: {} }));
    expect(sources(result)).toEqual(['target', 'target', 'target', 'system']);
    await expectTargetComplete();
    expect(lines[0]).toMatch(
      /^t10k-labels-idx1-ubyte\.gz: the copy in .* is invalid \(decompressed size/,
    );
    expect(lines.slice(1, 4)).toEqual(
      NAMES.slice(0, 3).map((n) => `${n}.gz: already in ${targetDir}`),
    );
  });

  it('stores a concatenated (multi-member) gzip as one plain member', async () => {
    await mkdir(envDir);
    const [name] = NAMES as [string];
    const half = CONTENT[name]!.length >> 1;
    const twoMembers = Buffer.concat([
      gzipSync(CONTENT[name]!.subarray(0, half)),
      gzipSync(CONTENT[name]!.subarray(half)),
    ]);
    await writeFile(join(envDir, `${name}.gz`), twoMembers);
    await fill(systemDir, { only: NAMES.slice(1) });
    const result = await resolveFashionData(options());
    expect(sources(result)).toEqual(['env', 'system', 'system', 'system']);
    const stored = await readFile(join(targetDir, `${name}.gz`));
    expect(stored.equals(twoMembers)).toBe(false);
    await expectTargetComplete();
  });
});

describe('download', () => {
  it('gives up when the server stops sending', async () => {
    const stalling = (async (_url: string, init?: RequestInit) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new Uint8Array([0x1f, 0x8b]));
            init?.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
          },
        }),
      )) as typeof fetch;
    const started = performance.now();
    await expect(download('https://x.test/f.gz', stalling, 50)).rejects.toThrow(
      'no data for 0.05 s',
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('fetchDataCommand', () => {
  async function run(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await fetchDataCommand(argv, {
      env: {},
      systemDir,
      targetDir,
      fetchFn: fakeFetch(),
      expected: EXPECTED,
      downloadUrl: DOWNLOAD_URL,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  }

  it('explains how to get the data, and exits 0 unless --require', async () => {
    const lenient = await run([]);
    expect(lenient.code).toBe(0);
    const text = lenient.err.join('\n');
    expect(text).toContain('4 of 4 files could not be had');
    expect(text).toContain(`set ${ENV_VAR}`);
    expect(text).toContain('apt-get install dataset-fashion-mnist');
    expect(text).toContain('file picker');
    const strict = await run(['--require']);
    expect(strict.code).toBe(1);
    expect(strict.err.at(-1)).toBe('[data] --require: stopping here.');
  });

  it('exits 0 and prints one line per file when it finds them', async () => {
    await fill(systemDir);
    const { code, out, err } = await run(['--require']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(5);
    expect(
      out.slice(0, 4).every((line) => line.startsWith('[data] ') && line.includes(systemDir)),
    ).toBe(true);
    expect(out[4]).toBe(`[data] Fashion-MNIST: all 4 files ready in ${targetDir}`);
  });
});
