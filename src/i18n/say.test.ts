import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { message, MessageError, setMessageRenderer } from '../engine/message';
import { en } from './en';
import { ko } from './ko';
import { say } from './say';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'ko',
  resources: { en: { translation: en }, ko: { translation: ko } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
const inLanguage = (language: 'en' | 'ko') => i18n.getFixedT(language);

describe('say', () => {
  const notice = message('backend.restarted', {
    failed: 'webgl',
    why: message('backend.contextLost'),
    backend: 'wasm',
  });

  it('words nested messages in the same language', () => {
    expect(say(inLanguage('en'), notice)).toBe(
      'webgl stopped working (the WebGL context was lost); restarted on wasm',
    );
    expect(say(inLanguage('ko'), notice)).toBe(
      'webgl 작동 중단(WebGL 컨텍스트를 잃었습니다) → wasm에서 다시 시작',
    );
  });

  it('joins lists and formats numbers as the language writes them', () => {
    const list = {
      list: [
        message('backend.webglUnavailable'),
        message('backend.failedToStart', { backend: 'wasm' }),
      ],
      separator: '; ',
    };
    expect(say(inLanguage('en'), list)).toBe('WebGL unavailable; wasm failed to start');
    expect(
      say(inLanguage('ko'), message('data.tensorText.tooLarge', { total: 100001, limit: 100000 })),
    ).toMatch(/100,001개.*100,000개/);
  });

  it('passes a text that is not a message through as it is (an error of tfjs)', () => {
    expect(say(inLanguage('ko'), 'Out of memory')).toBe('Out of memory');
  });
});

describe('MessageError', () => {
  afterEach(() => setMessageRenderer(null));

  it('reads its message through the renderer the app sets, in the language of the moment', () => {
    const error = new MessageError(message('backend.noneStarted'));
    expect(error.message).toBe('backend.noneStarted {}');
    let language: 'en' | 'ko' = 'ko';
    setMessageRenderer((text) => say(inLanguage(language), text));
    expect(error.message).toBe('이 브라우저에서는 tfjs 백엔드를 하나도 시작할 수 없습니다.');
    language = 'en';
    expect(error.message).toBe('No tfjs backend could start in this browser.');
  });
});
