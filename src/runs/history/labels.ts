import type { Json, RunRecord } from './record';

/** Short names for well-known settings in a legend. */
const SHORT: Record<string, string> = { learningRate: 'lr' };

/** A config flattened to `path → value`: objects are walked (`optimizer.learningRate`), arrays are values. */
export function flattenConfig(config: RunRecord['config']): Map<string, Json> {
  const out = new Map<string, Json>();
  const walk = (value: Json, path: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value);
      if (entries.length === 0 && path) out.set(path, value);
      for (const [key, inner] of entries) walk(inner, path ? `${path}.${key}` : key);
    } else out.set(path, value);
  };
  walk(config, '');
  return out;
}

/**
 * The settings (flattened paths, in the order the configs list them) whose values are not the
 * same in all the given runs; a setting that some runs lack differs too.
 */
export function differingSettings(records: readonly Pick<RunRecord, 'config'>[]): string[] {
  if (records.length < 2) return [];
  const flat = records.map((r) => flattenConfig(r.config));
  const keys = [...new Set(flat.flatMap((f) => [...f.keys()]))];
  return keys.filter((key) => {
    const values = flat.map((f) => (f.has(key) ? JSON.stringify(f.get(key)) : undefined));
    return values.some((v) => v !== values[0]);
  });
}

/** The last part of a path (with a few abbreviations), or the whole path where that is ambiguous. */
function shortNames(keys: readonly string[]): Map<string, string> {
  const short = keys.map((key) => {
    const last = key.slice(key.lastIndexOf('.') + 1);
    return SHORT[last] ?? last;
  });
  return new Map(
    keys.map((key, i) => [
      key,
      short.indexOf(short[i]!) === short.lastIndexOf(short[i]!) ? short[i]! : key,
    ]),
  );
}

export function formatSetting(value: Json | undefined): string {
  if (value === undefined || value === null) return '–';
  if (typeof value === 'number')
    return String(Number.isInteger(value) ? value : Number(value.toPrecision(4)));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatSetting).join(', ')}]`;
  // An object inside an array (a hidden layer): its values, e.g. "128 relu".
  return Object.values(value).map(formatSetting).join(' ');
}

/** A legend label from the given settings of a run, e.g. "batchSize=64, lr=0.01"; '' for none. */
export function legendLabel(record: Pick<RunRecord, 'config'>, keys: readonly string[]): string {
  const flat = flattenConfig(record.config);
  const names = shortNames(keys);
  return keys.map((key) => `${names.get(key)}=${formatSetting(flat.get(key))}`).join(', ');
}
