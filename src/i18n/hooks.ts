import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageValue } from '../engine/message';
import { say } from './say';

/** `say` in the current language; a component that uses it follows the language switch. */
export function useSay(): (text: MessageValue) => string {
  const { t } = useTranslation();
  return useCallback((text: MessageValue) => say(t, text), [t]);
}

/** Numbers as the current language writes them (`60,000`), with Intl's options. */
export function useNumber(): (value: number, options?: Intl.NumberFormatOptions) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (value: number, options?: Intl.NumberFormatOptions) =>
      new Intl.NumberFormat(language, options).format(value),
    [language],
  );
}
