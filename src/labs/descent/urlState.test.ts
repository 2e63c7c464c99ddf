import { describe, expect, test } from 'vitest';
import { DATA_SETS, defaultSettings, withDataSet } from './settings';
import { decodeDescent, encodeDescent } from './urlState';

describe('gradient-descent URL state', () => {
  test('round trip of every data set’s defaults, with no notices', () => {
    for (const data of DATA_SETS) {
      const settings = defaultSettings(data);
      expect(decodeDescent(encodeDescent(settings))).toEqual({ settings, notices: [] });
    }
  });

  test('an empty URL is the default: Fashion-MNIST, 2,000 images, runs at b = 1, 64 and all', () => {
    const { settings, notices } = decodeDescent(new URLSearchParams());
    expect(notices).toEqual([]);
    expect(settings).toEqual(defaultSettings());
    expect(settings.data).toBe('fashion');
    expect(settings.images).toBe(2000);
    expect(settings.runs).toEqual([1, 64, 'all']);
    expect(settings.model.optimizer.kind).toBe('sgd');
  });

  test('the parameters are readable and carry the d. prefix; loss and batch are not written', () => {
    const params = encodeDescent({ ...defaultSettings(), runs: [1, 16, 64, 'all'] });
    expect(params.get('d.data')).toBe('fashion');
    expect(params.get('d.n')).toBe('2000');
    expect(params.get('d.runs')).toBe('1,16,64,all');
    expect(params.get('d.layers')).toBe('64');
    expect(params.get('d.loss')).toBeNull();
    expect(params.get('d.batch')).toBeNull();
    expect([...params.keys()].every((k) => k.startsWith('d.'))).toBe(true);
  });

  test('a point set keeps its size and noise; the model takes the set’s input, output and loss', () => {
    const settings = { ...withDataSet(defaultSettings(), 'spiral'), points: 800, noise: 0.25 };
    const { settings: back } = decodeDescent(encodeDescent(settings));
    expect(back).toEqual(settings);
    expect(back.model.inputShape).toEqual([2]);
    expect(back.model.loss).toBe('binaryCrossentropy');
  });

  test('other parameters of the page are left alone', () => {
    const params = encodeDescent(defaultSettings(), new URLSearchParams('lab=descent&backend=cpu'));
    expect(params.get('lab')).toBe('descent');
    expect(params.get('backend')).toBe('cpu');
  });

  test('bad values are repaired with one notice each, named as in the URL', () => {
    const { settings, notices } = decodeDescent(
      new URLSearchParams(
        'd.data=mnist&d.n=10&d.runs=1,0,x,all&d.lr=banana&d.epochs=99999&d.layers=8,9999&d.gate=MAYBE',
      ),
    );
    expect(settings.data).toBe('fashion');
    expect(settings.images).toBe(500);
    expect(settings.runs).toEqual([1, 'all']);
    expect(settings.model.optimizer.learningRate).toBe(0.02);
    expect(settings.model.epochs).toBe(5000);
    expect(settings.model.hidden.map((h) => h.units)).toEqual([8, 256]);
    expect(settings.gate).toBe('XOR');
    expect(notices.map((n) => n.field).sort()).toEqual([
      'd.data',
      'd.epochs',
      'd.gate',
      'd.layers',
      'd.lr',
      'd.n',
      'd.runs',
      'd.runs',
    ]);
    expect(notices.find((n) => n.field === 'd.data')?.message).toEqual({
      key: 'descent.repair.notADataSet',
      values: { value: 'mnist', fallback: 'fashion' },
    });
  });

  test('runs: at most six, and none falls back to the defaults', () => {
    const many = decodeDescent(new URLSearchParams('d.runs=1,2,4,8,16,32,64,all'));
    expect(many.settings.runs).toEqual([1, 2, 4, 8, 16, 32]);
    expect(many.notices.map((n) => n.message.key)).toEqual(['repair.tooManyEntries']);
    const none = decodeDescent(new URLSearchParams('d.runs=,'));
    expect(none.settings.runs).toEqual([1, 64, 'all']);
    expect(none.notices.map((n) => n.message.key)).toContain('descent.repair.noRuns');
  });

  test('noise and point counts are clamped to Playground’s ranges', () => {
    const { settings, notices } = decodeDescent(
      new URLSearchParams('d.data=circles&d.noise=3&d.points=20.4'),
    );
    expect(settings.noise).toBe(0.5);
    expect(settings.points).toBe(50);
    expect(notices.map((n) => n.field).sort()).toEqual(['d.noise', 'd.points']);
  });
});
