import type { TFunction } from 'i18next';
import type { MessageValue, Text } from '../engine/message';

type Translate = (key: string, values?: Record<string, unknown>) => string;

function word(t: Translate, value: MessageValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('list' in value) return value.list.map((v) => word(t, v)).join(value.separator);
  return sayWith(t, value);
}

function sayWith(t: Translate, text: Text): string {
  if (typeof text === 'string') return text;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.values ?? {})) values[name] = word(t, value);
  return t(text.key, values);
}

/** A message (or a text as it came, or a list of them) in the language of `t`. */
export function say(t: TFunction, text: MessageValue): string {
  return String(word(t as unknown as Translate, text));
}
