import * as z from 'zod';
import { EXPORT_FORMAT, EXPORT_VERSION } from './exportRuns';
import { cleanName, isSafeColor, MAX_NAME_LENGTH } from './limits';
import type { EpochRow, Json, RunRecord } from './record';
import type { RunHistory } from './store';

/** Bounds on what an import may hold: a hostile file must not exhaust memory or the page. */
export const IMPORT_LIMITS = {
  /** Characters of JSON text (the file picker checks the file's bytes against it first). */
  fileChars: 64 * 1024 * 1024,
  runs: 1000,
  updatesPerRun: 5_000_000,
  epochsPerRun: 100_000,
  configDepth: 8,
  configKeys: 500,
  configArray: 10_000,
  configString: 1000,
  metrics: 100,
};

/** What went wrong, for the page to say in the student's language; `error` has the details. */
export type ImportErrorCode =
  'tooLarge' | 'notJson' | 'notExport' | 'unknownVersion' | 'forbiddenKey' | 'invalid';

export type ImportResult =
  { ok: true; runs: RunRecord[] } | { ok: false; error: string; code: ImportErrorCode };

/** Keys that could reach an object's prototype if some code ever copied them by assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a config value is not plain, bounded JSON, or null if it is. */
function configProblem(value: unknown, depth: number): string | null {
  const L = IMPORT_LIMITS;
  if (depth > L.configDepth) return `nested deeper than ${L.configDepth} levels`;
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'a number is not finite';
  if (typeof value === 'string')
    return value.length <= L.configString ? null : `a text is longer than ${L.configString}`;
  if (Array.isArray(value)) {
    if (value.length > L.configArray) return `a list is longer than ${L.configArray}`;
    for (const item of value) {
      const problem = configProblem(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length > L.configKeys) return `more than ${L.configKeys} settings in one place`;
    for (const [key, inner] of entries) {
      if (key.length > 100) return 'a setting name is longer than 100';
      const problem = configProblem(inner, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return `a value of type ${typeof value}`;
}

const configSchema = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    const problem = configProblem(value, 0);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((value) => value as { [key: string]: Json });

const count = z.number().int().min(0);
const seconds = z.number().min(0);
/** Non-finite values (a diverged loss) are exported as null. */
const metric = z.number().nullable();

const epochSchema = z.object({
  epoch: count.min(1),
  updates: count,
  examples: z.number().min(0),
  seconds,
  loss: metric,
  accuracy: metric,
  valLoss: metric,
  valAccuracy: metric,
});

/** Built for each file, so the limits hold as they are then (the tests lower them). */
function fileSchema(L: typeof IMPORT_LIMITS) {
  const series = <T extends z.ZodType>(item: T) => z.array(item).max(L.updatesPerRun);
  const run = z.object({
    id: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\w-]+$/, 'letters, digits, - and _ only'),
    lab: z.enum(['gates', 'fashion', 'descent']),
    name: z
      .string()
      .max(MAX_NAME_LENGTH)
      .refine((name) => cleanName(name) !== null, 'is blank'),
    color: z.string().max(80).refine(isSafeColor, 'is not a colour'),
    config: configSchema,
    backend: z.string().max(40),
    trainCount: count.max(1e9),
    batchSize: count.min(1).max(1e9),
    startedAt: z.number().min(0),
    durationMs: z.number().min(0),
    status: z.enum(['running', 'done', 'stopped', 'diverged', 'failed', 'interrupted']),
    updates: z
      .object({
        loss: series(metric),
        examples: series(z.number().min(0)),
        seconds: series(seconds),
      })
      .refine(
        (u) => u.loss.length === u.examples.length && u.loss.length === u.seconds.length,
        'loss, examples and seconds have different lengths',
      ),
    epochs: z.array(epochSchema).max(L.epochsPerRun),
    final: z
      .record(z.string().max(100), metric)
      .refine((f) => Object.keys(f).length <= L.metrics, 'has too many metrics'),
  });
  return z.object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    runs: z.array(run).max(L.runs),
  });
}

type ParsedRun = z.infer<ReturnType<typeof fileSchema>>['runs'][number];

const orNaN = (v: number | null) => v ?? Number.NaN;

function toRecord(run: ParsedRun): RunRecord {
  const epochs: EpochRow[] = run.epochs.map((e) => ({ ...e, loss: orNaN(e.loss) }));
  return {
    ...run,
    name: cleanName(run.name)!,
    // A run that was still training when it was exported was cut short.
    status: run.status === 'running' ? 'interrupted' : run.status,
    updates: {
      loss: Float32Array.from(run.updates.loss, orNaN),
      examples: Float64Array.from(run.updates.examples),
      seconds: Float64Array.from(run.updates.seconds),
    },
    epochs,
  };
}

const where = (path: readonly PropertyKey[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');

/**
 * Reads a JSON export (`runsToJson`) back into runs, checking everything: a file that is not one,
 * or is too large, malformed or hostile, is refused whole with the reason. Runs that were still
 * "running" come back "interrupted". Ids are kept; the history gives a fresh id to any that is taken.
 */
export function parseRunsJson(text: string): ImportResult {
  if (text.length > IMPORT_LIMITS.fileChars)
    return {
      ok: false,
      code: 'tooLarge',
      error: `larger than ${IMPORT_LIMITS.fileChars} characters`,
    };
  const forbidden = { key: null as string | null };
  let data: unknown;
  try {
    data = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden.key = key;
      return value;
    });
  } catch (err) {
    return { ok: false, code: 'notJson', error: err instanceof Error ? err.message : String(err) };
  }
  if (forbidden.key !== null)
    return { ok: false, code: 'forbiddenKey', error: `the key "${forbidden.key}"` };
  if (!z.object({ format: z.literal(EXPORT_FORMAT) }).safeParse(data).success)
    return { ok: false, code: 'notExport', error: `no "format": "${EXPORT_FORMAT}"` };
  const version = (data as { version?: unknown }).version;
  if (version !== EXPORT_VERSION)
    return { ok: false, code: 'unknownVersion', error: `version ${JSON.stringify(version)}` };
  const parsed = fileSchema(IMPORT_LIMITS).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, code: 'invalid', error: `${where(issue.path)}: ${issue.message}` };
  }
  return { ok: true, runs: parsed.data.runs.map(toRecord) };
}

export type ImportOutcome =
  { ok: true; count: number } | { ok: false; error: string; code: ImportErrorCode };

/** Parses an export and adds its runs to the history, or refuses it whole and changes nothing. */
export async function importRunsText(history: RunHistory, text: string): Promise<ImportOutcome> {
  const parsed = parseRunsJson(text);
  if (!parsed.ok) return parsed;
  return { ok: true, count: await history.importRuns(parsed.runs) };
}
