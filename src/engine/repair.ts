import type * as z from 'zod';
import { message, type Message, type MessageValue } from './message';

/** A message for the person who gave the value: which field, what was wrong, what is used now. */
export interface Notice {
  field: string;
  /** The hidden layer (1-based) the field is about, for fields of one layer in a list. */
  layer?: number;
  message: Message;
}

type Path = readonly PropertyKey[];

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
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

function show(value: unknown): MessageValue {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return message('repair.nothing');
  if (typeof value === 'number')
    return Number.isNaN(value) ? message('repair.notANumber') : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text;
  } catch {
    return String(value);
  }
}

function fieldName(path: Path): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
}

/** A plain-data copy: functions, symbols and throwing getters are dropped, never thrown. */
function plainCopy(raw: unknown): unknown {
  try {
    return structuredClone(raw);
  } catch {
    try {
      return JSON.parse(
        JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)),
      );
    } catch {
      return undefined;
    }
  }
}

export interface RepairOptions {
  /**
   * What a new entry of an array looks like, by the array's field name without indices
   * (e.g. `{ hidden: { units: 4, activation: 'sigmoid' } }`): a bad value inside an entry the
   * defaults do not have takes the template's value instead of losing the whole array.
   */
  arrayItems?: Record<string, unknown>;
}

/** The value a bad field falls back to, and the path it replaces (the field, or a parent). */
function fallbackFor(
  defaults: unknown,
  path: Path,
  options: RepairOptions,
): { at: Path; value: unknown } | null {
  for (let depth = path.length; depth > 0; depth--) {
    const at = path.slice(0, depth);
    const own = getAt(defaults, at);
    if (own !== undefined) return { at, value: own };
    const index = at.findIndex((key) => typeof key === 'number');
    if (index >= 0) {
      const arrayName = fieldName(at.slice(0, index).filter((k) => typeof k !== 'number'));
      const template = options.arrayItems?.[arrayName];
      const fromTemplate = getAt(template, path.slice(index + 1));
      if (template !== undefined && fromTemplate !== undefined)
        return { at: path, value: fromTemplate };
      const fromFirst = getAt(getAt(defaults, [...at.slice(0, index), 0]), path.slice(index + 1));
      if (fromFirst !== undefined) return { at: path, value: fromFirst };
    }
  }
  return null;
}

/**
 * Parses `raw` with `schema`; instead of failing, every bad value is repaired (a number out of
 * range is clamped, a fraction where a whole number is needed is rounded, anything else takes the
 * default) and one notice per field says what was wrong and what is used now. The result always
 * satisfies the schema.
 */
export function repairConfig<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  defaults: T,
  options: RepairOptions = {},
): { value: T; notices: Notice[] } {
  const work = plainCopy(raw);
  if (work === null || typeof work !== 'object' || Array.isArray(work)) {
    return {
      value: structuredClone(defaults),
      notices: [{ field: '(config)', message: message('repair.notAnObject', { was: show(raw) }) }],
    };
  }
  // One notice per field, naming the value as it was given even after several repairs.
  const given = new Map<string, unknown>();
  const notices = new Map<string, Notice>();
  const note = (path: Path, was: unknown, say: (was: MessageValue) => Message) => {
    const field = fieldName(path);
    if (!given.has(field)) given.set(field, was);
    notices.set(field, { field, message: say(show(given.get(field))) });
  };
  const finish = (value: T) => ({ value, notices: [...notices.values()] });

  for (let round = 0; round < 20; round++) {
    const result = schema.safeParse(work);
    if (result.success) return finish(result.data);
    for (const issue of result.error.issues) {
      const path = issue.path;
      const current = getAt(work, path);
      const finite = typeof current === 'number' && Number.isFinite(current);
      if (issue.code === 'too_small' && finite) {
        const min = Number(issue.minimum);
        setAt(work, path, min);
        note(path, current, (was) => message('repair.belowMin', { was, min }));
      } else if (issue.code === 'too_big' && finite) {
        const max = Number(issue.maximum);
        setAt(work, path, max);
        note(path, current, (was) => message('repair.aboveMax', { was, max }));
      } else if (issue.code === 'too_big' && Array.isArray(current)) {
        const max = Number(issue.maximum);
        setAt(work, path, current.slice(0, max));
        note(path, current, () =>
          message('repair.tooManyEntries', { length: current.length, max }),
        );
      } else if (finite && !Number.isInteger(current) && issue.code === 'invalid_type') {
        const rounded = Math.round(current);
        setAt(work, path, rounded);
        note(path, current, (was) => message('repair.notWhole', { was, rounded }));
      } else {
        const fallback = fallbackFor(defaults, path, options);
        if (!fallback) {
          // zod's own words say what was wrong (in English, as tfjs's errors).
          note(path, current, () =>
            message('repair.invalidUsingDefaults', { reason: issue.message }),
          );
          return finish(structuredClone(defaults));
        }
        const value = structuredClone(fallback.value);
        const was = getAt(work, fallback.at);
        setAt(work, fallback.at, value);
        note(fallback.at, was, (text) =>
          message('repair.invalid', { was: text, reason: issue.message, value: show(value) }),
        );
      }
    }
  }
  notices.set('(config)', { field: '(config)', message: message('repair.unrepairable') });
  return finish(structuredClone(defaults));
}
