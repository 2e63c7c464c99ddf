/**
 * Test helpers: run generated programs with python3 (compile only, or against the fake TensorFlow next to
 * this file) and with Node (check only, or run with the project's @tensorflow/tfjs). Not part of the app.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const PROJECT = join(HERE, '..', '..', '..');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Run {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `body` with a fresh temporary folder, removed afterwards. */
function inTempDir<T>(body: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-'));
  try {
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function works(command: string, args: string[]): boolean {
  try {
    return run(command, args).status === 0;
  } catch {
    return false;
  }
}

export const hasPython = works('python3', ['--version']);
export const hasNumpy = hasPython && works('python3', ['-c', 'import numpy']);

/** `python3 -m py_compile` on the source: a syntax error makes the status non-zero. */
export function pyCompile(source: string): Run {
  return inTempDir((dir) => {
    const path = join(dir, 'program.py');
    writeFileSync(path, source);
    return run('python3', ['-m', 'py_compile', path]);
  });
}

export interface FakeTfEvent {
  event: string;
  [field: string]: unknown;
}

/**
 * Runs the program against testing/tensorflow.py, with warnings as errors, and splits what it printed
 * into the fake's log events and the program's own lines.
 */
export function runWithFakeTensorflow(
  source: string,
): Run & { events: FakeTfEvent[]; lines: string[] } {
  return inTempDir((dir) => {
    copyFileSync(join(HERE, 'tensorflow.py'), join(dir, 'tensorflow.py'));
    writeFileSync(join(dir, 'program.py'), source);
    const result = run('python3', ['-W', 'error', 'program.py'], { cwd: dir });
    const all = result.stdout.split('\n').filter((line) => line !== '');
    const events = all
      .filter((line) => line.startsWith('FAKE_TF '))
      .map((line) => JSON.parse(line.slice('FAKE_TF '.length)) as FakeTfEvent);
    const lines = all.filter((line) => !line.startsWith('FAKE_TF '));
    return { ...result, events, lines };
  });
}

/** Writes an ES module where `@tensorflow/tfjs` resolves to the project's, and runs `node` on it. */
export function runModule(
  source: string,
  nodeArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Run {
  return inTempDir((dir) => {
    symlinkSync(join(PROJECT, 'node_modules'), join(dir, 'node_modules'), 'junction');
    const path = join(dir, 'program.mjs');
    writeFileSync(path, source);
    return run(process.execPath, [...nodeArgs, path], {
      cwd: dir,
      env: { ...process.env, ...env },
    });
  });
}

/** `node --check`: parses the module without running it. */
export function nodeCheck(source: string): Run {
  return runModule(source, ['--check']);
}

/** The folder with the four Fashion-MNIST files, if there is one. */
export function fashionDataDir(files: readonly string[]): string | null {
  const candidates = [
    process.env.FASHION_MNIST_DIR,
    '/usr/share/datasets/fashion-mnist',
    join(PROJECT, 'public', 'data', 'fashion-mnist'),
  ];
  return (
    candidates.find(
      (dir): dir is string => dir !== undefined && files.every((f) => existsSync(join(dir, f))),
    ) ?? null
  );
}
