import { describe, expect, test } from 'vitest';
import { defaultOptimizer, type ModelConfig } from '../../engine/config';
import { fieldInEnglish, inEnglish, noticeInEnglish } from '../../test/english';
import { lectureModel, lectureSettings, type GatesSettings } from './settings';
import { decodeGates, encodeGates } from './urlState';

const roundTrip = (settings: GatesSettings) =>
  decodeGates(new URLSearchParams(encodeGates(settings).toString()));

describe('encodeGates → decodeGates', () => {
  test('the lecture settings come back equal, without notices', () => {
    const settings = lectureSettings('XOR');
    const { settings: back, notices } = roundTrip(settings);
    expect(notices).toEqual([]);
    expect(back).toEqual(settings);
  });

  test('every setting the controls can change survives the round trip', () => {
    const m1 = {
      ...lectureModel([3, 2], 123),
      hidden: [
        { units: 3, activation: 'tanh' as const },
        { units: 2, activation: 'tanh' as const },
      ],
      optimizer: defaultOptimizer('adam', 0.0031622776601683794),
      loss: 'binaryCrossentropy' as const,
      batchSize: 4,
      epochs: 700,
    };
    const m2 = {
      ...lectureModel([16, 1, 5, 7], 0),
      optimizer: defaultOptimizer('rmsprop', 10),
      batchSize: 2,
    };
    const m3: ModelConfig = {
      ...lectureModel([4]),
      hidden: [{ units: 4, activation: 'relu' }],
      optimizer: defaultOptimizer('momentum', 0.001),
    };
    const cases: GatesSettings[] = [
      { gate: 'NAND', models: [m1, m2] },
      { gate: 'XNOR', models: [m2, lectureModel([])] },
      { gate: 'OR', models: [m3, m1] },
    ];
    for (const settings of cases) {
      const { settings: back, notices } = roundTrip(settings);
      expect(notices).toEqual([]);
      expect(back).toEqual(settings);
    }
  });

  test('the URL is readable: one parameter per setting', () => {
    const params = encodeGates(lectureSettings('AND'));
    expect(params.get('gate')).toBe('AND');
    expect(params.get('m1.layers')).toBe('');
    expect(params.get('m2.layers')).toBe('4');
    expect(params.get('m2.lr')).toBe('0.1');
    expect(params.get('m2.epochs')).toBe('1500');
  });
});

describe('decodeGates with bad values', () => {
  test('an empty URL gives the lecture settings without notices', () => {
    expect(decodeGates(new URLSearchParams(''))).toEqual({
      settings: lectureSettings(),
      notices: [],
    });
  });

  test('the gate name is case-insensitive', () => {
    expect(decodeGates(new URLSearchParams('gate=xnor')).settings.gate).toBe('XNOR');
  });

  test('clamps or defaults each bad field, with a notice naming it', () => {
    const { settings, notices } = decodeGates(
      new URLSearchParams(
        'm1.epochs=999999&m2.lr=abc&gate=FOO&m1.layers=4,x,300&m1.opt=nope&m2.batch=0',
      ),
    );
    const defaults = lectureSettings();
    const [m1, m2] = settings.models;
    expect(settings.gate).toBe('XOR');
    expect(m1.epochs).toBe(5000);
    expect(m1.optimizer.kind).toBe('sgd');
    expect(m2.optimizer.learningRate).toBe(0.1);
    expect(m2.batchSize).toBe(1);
    // Nothing else changed.
    expect({ ...m1, epochs: 0, hidden: [] }).toEqual({
      ...defaults.models[0],
      epochs: 0,
      hidden: [],
    });
    expect({ ...m2, batchSize: 0 }).toEqual({ ...defaults.models[1], batchSize: 0 });
    // The layer list with a non-number in it is not used as given.
    expect(m1.hidden.every((h) => Number.isInteger(h.units) && h.units >= 1 && h.units <= 16)).toBe(
      true,
    );

    const named = (re: RegExp) => notices.filter((n) => re.test(n.field));
    expect(named(/^gate$/)).toHaveLength(1);
    expect(named(/^m1\.epochs$/)).toHaveLength(1);
    expect(named(/^m1\.opt/)).toHaveLength(1);
    expect(named(/^m2\.(lr|optimizer\.learningRate)$/)).toHaveLength(1);
    expect(named(/^m2\.batch/)).toHaveLength(1);
    expect(named(/^m1\.(layers|hidden)/).length).toBeGreaterThanOrEqual(1);
    // No notice for a field that was fine.
    expect(
      notices.every((n) =>
        /^(gate|m1\.(epochs|opt|layers|hidden)|m2\.(lr|optimizer|batch))/.test(n.field),
      ),
    ).toBe(true);
    expect(inEnglish(notices.find((n) => n.field === 'gate')!.message)).toContain('FOO');
    expect(inEnglish(notices.find((n) => n.field === 'm1.epochs')!.message)).toContain('5000');
  });

  test('layer units out of range are clamped one by one', () => {
    const { settings, notices } = decodeGates(new URLSearchParams('m2.layers=4,0,300&m2.act=relu'));
    expect(settings.models[1].hidden).toEqual([
      { units: 4, activation: 'relu' },
      { units: 1, activation: 'relu' },
      { units: 16, activation: 'relu' },
    ]);
    expect(notices.map(fieldInEnglish).sort()).toEqual([
      'm2.layers (hidden layer 2)',
      'm2.layers (hidden layer 3)',
    ]);
  });

  test('values outside the gates lab: softmax activation, sparse loss, 5 layers, batch 2.5', () => {
    const { settings, notices } = decodeGates(
      new URLSearchParams(
        'm2.act=softmax&m1.loss=sparseCategoricalCrossentropy&m1.layers=1,2,3,4,5&m1.batch=2.5',
      ),
    );
    const [m1, m2] = settings.models;
    expect(m2.hidden).toEqual([{ units: 4, activation: 'sigmoid' }]);
    expect(m1.loss).toBe('mse');
    expect(m1.hidden.map((h) => h.units)).toEqual([1, 2, 3, 4]);
    expect(m1.batchSize).toBe(3);
    expect(notices.map(fieldInEnglish).sort()).toEqual([
      'm1.batch',
      'm1.layers',
      'm1.loss',
      'm2.act (hidden layer 1)',
    ]);
  });

  test('a bad layer keeps the other layers: it takes the default units, with one notice', () => {
    const { settings, notices } = decodeGates(new URLSearchParams('m1.layers=4,x,300'));
    expect(settings.models[0].hidden.map((h) => h.units)).toEqual([4, 4, 16]);
    expect(notices.map(noticeInEnglish)).toEqual([
      'm1.layers (hidden layer 2): not a number is not valid (Invalid input: expected number, received NaN); using 4',
      'm1.layers (hidden layer 3): 300 is above the maximum 16; using 16',
    ]);
  });

  test('an activation outside the lab is replaced in every layer, the layers are kept', () => {
    const { settings } = decodeGates(new URLSearchParams('m2.layers=3,3&m2.act=softmax'));
    expect(settings.models[1].hidden).toEqual([
      { units: 3, activation: 'sigmoid' },
      { units: 3, activation: 'sigmoid' },
    ]);
  });

  test('never throws on strange URLs', () => {
    for (const q of [
      'm1.layers=,,,',
      'm1.layers=%00',
      'm2.seed=-1e400',
      'm1.lr=Infinity&m2.lr=-0',
      'gate=&m1.epochs=',
      'm1.layers=' + '9,'.repeat(1000),
    ]) {
      const { settings } = decodeGates(new URLSearchParams(q));
      expect(settings.models).toHaveLength(2);
    }
  });
});
