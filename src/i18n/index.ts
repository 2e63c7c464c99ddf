import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setMessageRenderer } from '../engine/message';
import { en } from './en';
import { ko } from './ko';
import {
  isLanguage,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  pickLanguage,
  type Language,
} from './languages';
import { say } from './say';

function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage blocked (private mode, sandboxed frame)
  }
}

function remember(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // not remembered, still switched
  }
}

/** A `?lang=ko` link (a teacher's) wins over the remembered choice, and is remembered. */
function linkedLanguage(): string | null {
  return new URLSearchParams(location.search).get('lang');
}

export function startI18n(): typeof i18next {
  const linked = linkedLanguage();
  if (isLanguage(linked)) remember(linked);
  const lng = pickLanguage(linked ?? rememberedLanguage(), navigator.languages ?? []);
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: { en: { translation: en }, ko: { translation: ko } },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  document.documentElement.lang = lng;
  setMessageRenderer((text) => say(i18next.t, text));
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

export function setLanguage(language: Language): void {
  remember(language);
  // A `?lang=` in the address would undo the choice on the next reload: the choice replaces it.
  const params = new URLSearchParams(location.search);
  if (params.has('lang')) {
    params.delete('lang');
    const query = params.toString();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${query ? `?${query}` : ''}${location.hash}`,
    );
  }
  void i18next.changeLanguage(language);
}
