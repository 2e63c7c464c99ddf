import type * as z from 'zod';

/** A message for the person who gave the value: which field, what was wrong, what is used now. */
export interface Notice {
  field: string;
  message: string;
}

type Path = readonly PropertyKey[];

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object') {
    (parent as Record<PropertyKey, unknown>)[path[path.length - 1]!] = value;
  }
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && Number.isNaN(value)) return 'not a number';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}

function fieldName(path: Path): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
}

/**
 * Parses `raw` with `schema`; instead of failing, every bad value is repaired (a number out of
 * range is clamped, a fraction where a whole number is needed is rounded, anything else takes the
 * default) and a notice says which field and why. The result always satisfies the schema.
 */
export function repairConfig<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  defaults: T,
): { value: T; notices: Notice[] } {
  const notices: Notice[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      value: structuredClone(defaults),
      notices: [{ field: '(config)', message: `expected an object, got ${show(raw)}; using the defaults` }],
    };
  }
  const work: unknown = structuredClone(raw);
  for (let round = 0; round < 20; round++) {
    const result = schema.safeParse(work);
    if (result.success) return { value: result.data, notices };
    for (const issue of result.error.issues) {
      const path = issue.path;
      const field = fieldName(path);
      const current = getAt(work, path);
      if (issue.code === 'too_small' && typeof current === 'number' && Number.isFinite(current)) {
        const min = Number(issue.minimum);
        setAt(work, path, min);
        notices.push({ field, message: `${show(current)} is below the minimum ${min}; using ${min}` });
      } else if (issue.code === 'too_big' && typeof current === 'number' && Number.isFinite(current)) {
        const max = Number(issue.maximum);
        setAt(work, path, max);
        notices.push({ field, message: `${show(current)} is above the maximum ${max}; using ${max}` });
      } else if (issue.code === 'too_big' && Array.isArray(current)) {
        const max = Number(issue.maximum);
        setAt(work, path, current.slice(0, max));
        notices.push({ field, message: `has ${current.length} entries, at most ${max} allowed; keeping the first ${max}` });
      } else if (
        typeof current === 'number' &&
        Number.isFinite(current) &&
        !Number.isInteger(current) &&
        issue.code === 'invalid_type'
      ) {
        setAt(work, path, Math.round(current));
        notices.push({ field, message: `${show(current)} is not a whole number; using ${Math.round(current)}` });
      } else {
        // Fall back to the default at the deepest level that has one.
        let at: Path = path;
        while (at.length > 0 && getAt(defaults, at) === undefined) at = at.slice(0, -1);
        const fallback = structuredClone(getAt(defaults, at));
        if (at.length === 0) {
          return {
            value: structuredClone(defaults),
            notices: [...notices, { field, message: `${issue.message}; using the defaults` }],
          };
        }
        setAt(work, at, fallback);
        notices.push({
          field: fieldName(at),
          message: `${show(current)} is not valid (${issue.message}); using ${show(fallback)}`,
        });
      }
    }
  }
  return {
    value: structuredClone(defaults),
    notices: [...notices, { field: '(config)', message: 'could not be repaired; using the defaults' }],
  };
}
