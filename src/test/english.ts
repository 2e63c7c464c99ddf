import i18next from 'i18next';
import { errorText, message, type MessageValue } from '../engine/message';
import type { Notice } from '../engine/repair';
import { en } from '../i18n/en';
import { say } from '../i18n/say';

// The English texts, as the app shows them: tests of messages and components read these.
const english = i18next.createInstance();
void english.init({
  lng: 'en',
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** i18next with the English texts, for components rendered in tests (`I18nextProvider`). */
export const englishI18n = english;

/** A message as the English page shows it. */
export function inEnglish(text: MessageValue): string {
  return say(english.t, text);
}

/** A thrown error's text as the English page shows it. */
export function errorInEnglish(err: unknown): string {
  return inEnglish(errorText(err));
}

/** What a promise is rejected with, as the English page shows it; fails if it resolves. */
export async function rejectionInEnglish(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return errorInEnglish(err);
  }
  throw new Error('expected a rejection');
}

/** A link notice's field as the English page names it: `m2.layers (hidden layer 2)`. */
export function fieldInEnglish(notice: Notice): string {
  return notice.layer === undefined
    ? notice.field
    : `${notice.field} ${inEnglish(message('repair.hiddenLayer', { layer: notice.layer }))}`;
}

/** A link notice as the English page shows it: `m1.epochs: 999999 is above the maximum 5000; …`. */
export function noticeInEnglish(notice: Notice): string {
  return `${fieldInEnglish(notice)}: ${inEnglish(notice.message)}`;
}
