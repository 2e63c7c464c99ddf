import { describe, expect, test } from 'vitest';
import { fieldInEnglish } from '../../test/english';
import { lectureSettings, quickSettings } from './settings';
import { decodeFashion, encodeFashion } from './urlState';

describe('Fashion-MNIST URL state', () => {
  test('round trip of the lecture and quick settings, with no notices', () => {
    for (const settings of [lectureSettings(), quickSettings()]) {
      expect(decodeFashion(encodeFashion(settings))).toEqual({ settings, notices: [] });
    }
  });

  test('an empty URL is the lecture', () => {
    expect(decodeFashion(new URLSearchParams()).settings).toEqual(lectureSettings());
  });

  test('bad values are clamped with one notice each, named as in the URL', () => {
    const { settings, notices } = decodeFashion(
      new URLSearchParams('f.n=99999999&f.val=0.9&f.layers=8,1024&f.batch=0&f.lr=x&f.epochs=2.6'),
    );
    expect(settings.trainCount).toBe(60_000);
    expect(settings.validationShare).toBe(0.5);
    expect(settings.model.hidden.map((h) => h.units)).toEqual([16, 512]);
    expect(settings.model.batchSize).toBe(1);
    expect(settings.model.optimizer.learningRate).toBe(0.001);
    expect(settings.model.epochs).toBe(3);
    expect(notices.map(fieldInEnglish).sort()).toEqual([
      'f.batch',
      'f.epochs',
      'f.layers (hidden layer 1)',
      'f.layers (hidden layer 2)',
      'f.lr',
      'f.n',
      'f.val',
    ]);
  });
});
