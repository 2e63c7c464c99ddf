import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { pickLanguage } from './languages';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<(\/?\w+)>/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const english = leaves(en as unknown as Tree);
  const korean = leaves(ko as unknown as Tree);

  it('have the same keys in Korean and English', () => {
    const missingInKorean = [...english.keys()].filter((k) => !korean.has(k));
    const missingInEnglish = [...korean.keys()].filter((k) => !english.has(k));
    expect({ missingInKorean, missingInEnglish }).toEqual({
      missingInKorean: [],
      missingInEnglish: [],
    });
  });

  it('have no empty text', () => {
    const empty = [...english, ...korean].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders and markup in both languages', () => {
    const differ = [...english.keys()]
      .filter((k) => korean.has(k))
      .filter((k) => {
        const a = english.get(k)!;
        const b = korean.get(k)!;
        return (
          placeholders(a).join() !== placeholders(b).join() || tags(a).join() !== tags(b).join()
        );
      });
    expect(differ).toEqual([]);
  });

  it('has a Korean text for most keys, not English left untranslated', () => {
    const hangul = /[\uac00-\ud7a3]/;
    const withLetters = [...english].filter(([, v]) =>
      /[a-z]{3}/i.test(v.replace(/\{\{\w+\}\}/g, '')),
    );
    const translated = withLetters.filter(([k]) => hangul.test(korean.get(k) ?? ''));
    // Names (Fashion-MNIST, Adam, ReLU…) stay as they are; everything else is Korean.
    expect(translated.length / withLetters.length).toBeGreaterThan(0.8);
  });
});

describe('pickLanguage', () => {
  it('prefers a remembered choice', () => {
    expect(pickLanguage('en', ['ko-KR'])).toBe('en');
  });
  it('starts in Korean for a browser whose language is Korean', () => {
    expect(pickLanguage(null, ['ko-KR', 'en-US'])).toBe('ko');
    expect(pickLanguage(null, ['ko'])).toBe('ko');
  });
  it('takes the first supported browser language', () => {
    expect(pickLanguage(null, ['fr-FR', 'en-GB', 'ko'])).toBe('en');
  });
  it('falls back to English, and ignores garbage', () => {
    expect(pickLanguage('xx', ['de-DE'])).toBe('en');
    expect(pickLanguage(null, [])).toBe('en');
  });
});
