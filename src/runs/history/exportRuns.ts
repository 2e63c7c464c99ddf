import type { EpochRow, RunRecord } from './record';

export const EXPORT_FORMAT = 'training-lab-runs';
export const EXPORT_VERSION = 1;

/** A run as the JSON export has it: the series as plain arrays (non-finite values as null). */
export interface ExportedRun extends Omit<RunRecord, 'updates'> {
  updates: { loss: (number | null)[]; examples: number[]; seconds: number[] };
}

export interface RunsExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  runs: ExportedRun[];
}

/**
 * The shortest decimal that reads back as the same float32 (0.7, not 0.699999988079071). Nine
 * digits always do, and a precision that does implies every larger one does: a binary search.
 */
function float32Text(v: number): number {
  let lo = 1;
  let hi = 9;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Math.fround(Number(v.toPrecision(mid))) === v) hi = mid;
    else lo = mid + 1;
  }
  return Number(v.toPrecision(lo));
}

function exportRun(r: RunRecord): ExportedRun {
  return {
    ...r,
    updates: {
      loss: Array.from(r.updates.loss, (v) => (Number.isFinite(v) ? float32Text(v) : null)),
      examples: Array.from(r.updates.examples),
      seconds: Array.from(r.updates.seconds),
    },
  };
}

/** The runs as a versioned JSON file that `parseRunsJson` reads back. */
export function runsToJson(records: readonly RunRecord[], now = new Date()): string {
  const file: RunsExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    runs: records.map(exportRun),
  };
  return JSON.stringify(file);
}

type Cell = string | number | null;

/**
 * RFC 4180 quoting; text that a spreadsheet would run as a formula (=, +, -, @ first) gets a
 * leading apostrophe, since run names can come from anyone's file.
 */
function csvCell(value: Cell): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: readonly Cell[]) => cells.map(csvCell).join(',');

const UPDATE_COLUMNS = [
  'run_id',
  'run_name',
  'lab',
  'update',
  'epoch',
  'examples',
  'seconds',
  'loss',
];
const EPOCH_COLUMNS = [
  'run_id',
  'run_name',
  'lab',
  'epoch',
  'updates',
  'examples',
  'seconds',
  'loss',
  'accuracy',
  'val_loss',
  'val_accuracy',
];

function updateLines(r: RunRecord): string[] {
  const { loss, examples, seconds } = r.updates;
  const lines: string[] = [];
  for (let i = 0; i < loss.length; i++) {
    const epoch = r.trainCount > 0 ? examples[i]! / r.trainCount : null;
    lines.push(
      csvLine([
        r.id,
        r.name,
        r.lab,
        i + 1,
        epoch,
        examples[i]!,
        seconds[i]!,
        float32Text(loss[i]!),
      ]),
    );
  }
  return lines;
}

const epochLine = (r: RunRecord, e: EpochRow) =>
  csvLine([
    r.id,
    r.name,
    r.lab,
    e.epoch,
    e.updates,
    e.examples,
    e.seconds,
    e.loss,
    e.accuracy,
    e.valLoss,
    e.valAccuracy,
  ]);

/** One row per update (or per epoch) of every run, with the run's id, name and lab on each row. */
export function runsToCsv(records: readonly RunRecord[], rows: 'updates' | 'epochs'): string {
  const header = csvLine(rows === 'updates' ? UPDATE_COLUMNS : EPOCH_COLUMNS);
  const body = records.flatMap((r) =>
    rows === 'updates' ? updateLines(r) : r.epochs.map((e) => epochLine(r, e)),
  );
  return [header, ...body].join('\r\n') + '\r\n';
}

/** e.g. "training-lab-runs-2026-03-07-1405.csv", in local time. */
export function exportFileName(extension: string, now = new Date(), suffix = ''): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `training-lab-runs-${stamp}${suffix}.${extension}`;
}
