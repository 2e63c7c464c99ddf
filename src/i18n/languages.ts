export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Names in their own language, for the switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { ko: '한국어', en: 'English' };

/** Where the chosen language is remembered. */
export const LANGUAGE_STORAGE_KEY = 'training-lab.language';

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The language to start in: a remembered choice first, then the browser's languages in order
 * (Korean first for a browser whose language is Korean), English otherwise.
 */
export function pickLanguage(
  remembered: string | null,
  browserLanguages: readonly string[],
): Language {
  if (isLanguage(remembered)) return remembered;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}
