import type { en } from '../i18n/en';
import type { TextKey } from '../i18n/types';
import { errorMessage } from './errors';

/*
 * Words for people, from code that knows no language: the engine and the data layer say which
 * text (a key of the translations) and with which values; the UI words it in the chosen language.
 * Only the English texts' type is imported: nothing of i18n runs here.
 */

/** A key of the English texts, e.g. `'repair.aboveMax'`. */
export type MessageKey = TextKey<typeof en>;

/** A text to translate: its key and the values of its `{{placeholders}}`. */
export interface Message {
  key: MessageKey;
  values?: Readonly<Record<string, MessageValue>>;
}

/** Several values in a row, joined by the separator (punctuation reads the same in every language). */
export interface MessageList {
  list: readonly MessageValue[];
  separator: string;
}

export type MessageValue = string | number | Message | MessageList;

/** What to show: a message to translate, or a text as it came (an error of tfjs itself). */
export type Text = string | Message;

export function message(key: MessageKey, values?: Message['values']): Message {
  return values ? { key, values } : { key };
}

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { key?: unknown }).key === 'string'
  );
}

/** A text for logs and machines (the benchmark's JSON): a message as its key and values. */
export function logText(text: Text): string {
  return typeof text === 'string' ? text : `${text.key} ${JSON.stringify(text.values ?? {})}`;
}

let renderer: ((text: Message) => string) | null = null;

/**
 * How a MessageError's `message` reads: the app sets its translator at start, so code that only
 * knows `error.message` still shows a sentence in the chosen language. Without one (Node, workers)
 * the message is the key and values.
 */
export function setMessageRenderer(render: ((text: Message) => string) | null): void {
  renderer = render;
}

/** An error whose message is for people: the UI words it in their language. */
export class MessageError extends Error {
  constructor(readonly text: Message) {
    super();
    this.name = 'MessageError';
    // Read when shown, so it follows the language of the moment.
    Object.defineProperty(this, 'message', {
      get: () => (renderer ? renderer(text) : logText(text)),
      configurable: true,
    });
  }
}

/** What went wrong, to show: our own message, or the thrown error's text (tfjs's, in English). */
export function errorText(err: unknown): Text {
  return err instanceof MessageError ? err.text : errorMessage(err);
}
