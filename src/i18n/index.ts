import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';
import { LANGUAGE_STORAGE_KEY, LANGUAGES, pickLanguage, type Language } from './languages';

function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, sandboxed frame)
  }
}

/** A `?lang=ko` link (a teacher's) wins over the remembered choice, and is remembered. */
function linkedLanguage(): string | null {
  return new URLSearchParams(location.search).get('lang');
}

export function startI18n(): typeof i18next {
  const lng = pickLanguage(linkedLanguage() ?? rememberedLanguage(), navigator.languages ?? []);
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: { en: { translation: en }, ko: { translation: ko } },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered, still switched
  }
  void i18next.changeLanguage(language);
}
