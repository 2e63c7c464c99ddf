import { describe, expect, test } from 'vitest';
import { denseConfig } from '../test/helpers';
import { ENGINE_LIMITS, modelConfigSchema, type ConfigLimits, type ModelConfig } from './config';
import { inEnglish } from '../test/english';
import { repairConfig } from './repair';

const schema = modelConfigSchema();
/** The lecture's MLP [4] as the defaults. */
const defaults: ModelConfig = denseConfig({ epochs: 1500, seed: 8 });
const repair = (raw: unknown) => repairConfig(schema, raw, defaults);

describe('repairConfig: valid input', () => {
  test('a valid config comes back equal, without notices, and the input is not modified', () => {
    const raw = denseConfig({ hidden: [{ units: 7, activation: 'relu' }], epochs: 42, seed: 3 });
    const copy = structuredClone(raw);
    const { value, notices } = repair(raw);
    expect(notices).toEqual([]);
    expect(value).toEqual(raw);
    expect(raw).toEqual(copy);
  });

  test('missing optimizer hyper-parameters take Keras defaults without a notice', () => {
    const { value, notices } = repair({
      ...defaults,
      optimizer: { kind: 'adam', learningRate: 0.01 },
    });
    expect(notices).toEqual([]);
    expect(value.optimizer).toEqual({
      kind: 'adam',
      learningRate: 0.01,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
    });
  });
});

describe('repairConfig: numbers out of range are clamped, with a notice naming the field', () => {
  const cases: [
    string,
    Partial<ModelConfig> | Record<string, unknown>,
    string,
    (v: ModelConfig) => unknown,
    unknown,
  ][] = [
    ['epochs too big', { epochs: 1_000_000 }, 'epochs', (v) => v.epochs, ENGINE_LIMITS.epochs[1]],
    ['epochs zero', { epochs: 0 }, 'epochs', (v) => v.epochs, 1],
    ['epochs −0', { epochs: -0 }, 'epochs', (v) => v.epochs, 1],
    ['negative batch', { batchSize: -5 }, 'batchSize', (v) => v.batchSize, 1],
    [
      'too many units',
      { hidden: [{ units: 5000, activation: 'relu' }] },
      'hidden[0].units',
      (v) => v.hidden[0],
      { units: 2048, activation: 'relu' },
    ],
    [
      'units zero in the second layer',
      {
        hidden: [
          { units: 3, activation: 'relu' },
          { units: 0, activation: 'tanh' },
        ],
      },
      'hidden[1].units',
      (v) => v.hidden.map((h) => h.units),
      [3, 1],
    ],
    [
      'learning rate too big',
      { optimizer: { kind: 'sgd', learningRate: 50 } },
      'optimizer.learningRate',
      (v) => v.optimizer.learningRate,
      10,
    ],
    [
      'learning rate zero',
      { optimizer: { kind: 'sgd', learningRate: 0 } },
      'optimizer.learningRate',
      (v) => v.optimizer.learningRate,
      1e-6,
    ],
    [
      'momentum above 0.999',
      { optimizer: { kind: 'momentum', learningRate: 0.1, momentum: 3 } },
      'optimizer.momentum',
      (v) => v.optimizer,
      { kind: 'momentum', learningRate: 0.1, momentum: 0.999 },
    ],
    ['seed negative', { seed: -1 }, 'seed', (v) => v.seed, 0],
    [
      'output units above 1000',
      { output: { units: 5000, activation: 'softmax' } },
      'output.units',
      (v) => v.output.units,
      1000,
    ],
  ];
  for (const [name, patch, field, pick, want] of cases) {
    test(name, () => {
      const { value, notices } = repair({ ...defaults, ...patch });
      expect(pick(value)).toEqual(want);
      expect(notices.map((n) => n.field)).toEqual([field]);
      expect(inEnglish(notices[0]!.message)).toMatch(/minimum|maximum/);
      expect(inEnglish(notices[0]!.message)).toContain(String(want instanceof Object ? '' : want));
    });
  }

  test('a huge number is clamped to the maximum, every notice naming the field', () => {
    const { value, notices } = repair({ ...defaults, epochs: 1e300 });
    expect(value.epochs).toBe(100_000);
    expect(notices.length).toBeGreaterThan(0);
    expect(new Set(notices.map((n) => n.field))).toEqual(new Set(['epochs']));
    expect(inEnglish(notices.at(-1)!.message)).toContain('100000');
  });

  test("a lab's narrower limits apply (gates: at most 16 units, 5000 epochs)", () => {
    const limits: ConfigLimits = { ...ENGINE_LIMITS, units: [1, 16], epochs: [1, 5000] };
    const { value, notices } = repairConfig(
      modelConfigSchema(limits),
      { ...defaults, epochs: 6000, hidden: [{ units: 300, activation: 'sigmoid' }] },
      defaults,
    );
    expect([value.epochs, value.hidden[0]!.units]).toEqual([5000, 16]);
    expect(notices.map((n) => n.field).sort()).toEqual(['epochs', 'hidden[0].units']);
  });
});

describe('repairConfig: fractions where a whole number is needed are rounded', () => {
  test('epochs 10.6 → 11, units 3.4 → 3, batch 2.5 → 3', () => {
    const { value, notices } = repair({
      ...defaults,
      epochs: 10.6,
      batchSize: 2.5,
      hidden: [{ units: 3.4, activation: 'tanh' }],
    });
    expect([value.epochs, value.hidden[0]!.units, value.batchSize]).toEqual([11, 3, 3]);
    expect(notices.map((n) => n.field).sort()).toEqual(['batchSize', 'epochs', 'hidden[0].units']);
    for (const n of notices) expect(inEnglish(n.message)).toMatch(/whole number/);
  });

  test('a fraction out of range ends at the bound', () => {
    const { value, notices } = repair({ ...defaults, epochs: 2e6 + 0.5 });
    expect(value.epochs).toBe(100_000);
    expect(notices.every((n) => n.field === 'epochs')).toBe(true);
  });
});

describe('repairConfig: values of the wrong kind take the default, with a notice', () => {
  const cases: [string, Record<string, unknown>, string, (v: ModelConfig) => unknown, unknown][] = [
    ['NaN epochs', { epochs: Number.NaN }, 'epochs', (v) => v.epochs, 1500],
    ['string epochs', { epochs: '100' }, 'epochs', (v) => v.epochs, 1500],
    ['Infinity batch', { batchSize: Infinity }, 'batchSize', (v) => v.batchSize, 1],
    [
      '−Infinity learning rate',
      { optimizer: { kind: 'sgd', learningRate: -Infinity } },
      'optimizer.learningRate',
      (v) => v.optimizer.learningRate,
      0.1,
    ],
    ['unknown loss', { loss: 'hinge' }, 'loss', (v) => v.loss, 'mse'],
    [
      'unknown activation',
      { hidden: [{ units: 4, activation: 'swish' }] },
      'hidden[0].activation',
      (v) => v.hidden[0]!.activation,
      'sigmoid',
    ],
    [
      'unknown optimizer',
      { optimizer: { kind: 'nope', learningRate: 0.5 } },
      'optimizer.kind',
      (v) => v.optimizer,
      { kind: 'sgd', learningRate: 0.5 },
    ],
    ['string shuffle', { shuffle: 'yes' }, 'shuffle', (v) => v.shuffle, true],
    ['null optimizer', { optimizer: null }, 'optimizer', (v) => v.optimizer, defaults.optimizer],
    [
      'array in place of an object',
      { output: [1, 'sigmoid'] },
      'output',
      (v) => v.output,
      defaults.output,
    ],
    [
      'object in place of an array',
      { hidden: { 0: { units: 4, activation: 'relu' } } },
      'hidden',
      (v) => v.hidden,
      defaults.hidden,
    ],
    ['empty input shape', { inputShape: [] }, 'inputShape', (v) => v.inputShape, [2]],
  ];
  for (const [name, patch, field, pick, want] of cases) {
    test(name, () => {
      const { value, notices } = repair({ ...defaults, ...patch });
      expect(pick(value)).toEqual(want);
      expect(notices.map((n) => n.field)).toEqual([field]);
      // The other fields are untouched.
      expect({ ...value, [field.split(/[.[]/)[0]!]: null }).toEqual({
        ...defaults,
        [field.split(/[.[]/)[0]!]: null,
      });
    });
  }

  test('a missing field takes its default, with a notice', () => {
    const rest: Partial<ModelConfig> = { ...defaults };
    delete rest.seed;
    const { value, notices } = repair(rest);
    expect(value).toEqual(defaults);
    expect(notices.map((n) => n.field)).toEqual(['seed']);
  });
});

describe('repairConfig: structure', () => {
  test('too many hidden layers are cut to the maximum, keeping the first ones', () => {
    const hidden = Array.from({ length: 12 }, (_, i) => ({
      units: i + 1,
      activation: 'relu' as const,
    }));
    const { value, notices } = repair({ ...defaults, hidden });
    expect(value.hidden).toEqual(hidden.slice(0, 8));
    expect(notices.map((n) => n.field)).toEqual(['hidden']);
    expect(inEnglish(notices[0]!.message)).toMatch(/12.*8/);
  });

  test('too many input dimensions are cut to three', () => {
    expect(repair({ ...defaults, inputShape: [2, 3, 4, 5] }).value.inputShape).toEqual([2, 3, 4]);
  });

  for (const raw of [null, undefined, [defaults], 'config', 42, true]) {
    test(`a non-object (${JSON.stringify(raw) ?? 'undefined'}) gives the defaults with one notice`, () => {
      const { value, notices } = repair(raw);
      expect(value).toEqual(defaults);
      expect(value).not.toBe(defaults);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.field).toBe('(config)');
    });
  }

  test('the defaults it returns are a copy: changing them does not change the caller’s defaults', () => {
    const { value } = repair(null);
    value.hidden.push({ units: 1, activation: 'relu' });
    expect(defaults.hidden).toHaveLength(1);
  });
});

describe('repairConfig never throws on garbage, and its result always satisfies the schema', () => {
  const hostile: [string, unknown][] = [
    ['empty object', {}],
    [
      'nested nulls',
      {
        ...defaults,
        hidden: [null, { units: null, activation: null }],
        output: { units: null },
        optimizer: { kind: null },
      },
    ],
    [
      'deep nesting',
      JSON.parse(
        '{"optimizer":{"kind":{"kind":{"kind":null}}},"hidden":[[[[null]]]],"output":{"units":[1],"activation":[]}}',
      ),
    ],
    [
      'huge and tiny numbers',
      {
        ...defaults,
        epochs: Number.MAX_VALUE,
        batchSize: -Number.MAX_VALUE,
        seed: 2 ** 60,
        optimizer: { kind: 'adam', learningRate: 5e-324, beta1: -1, beta2: 2, epsilon: 0 },
      },
    ],
    [
      'infinities and −0',
      {
        ...defaults,
        epochs: Infinity,
        batchSize: -Infinity,
        seed: -0,
        hidden: [{ units: -0, activation: 'relu' }],
      },
    ],
    [
      'arrays everywhere',
      {
        inputShape: [[2]],
        hidden: [[4, 'relu']],
        output: [1],
        loss: ['mse'],
        optimizer: ['sgd', 0.1],
        batchSize: [1],
        epochs: [],
        shuffle: [],
        seed: [8],
      },
    ],
    ['__proto__ key', JSON.parse('{"__proto__": {"polluted": "yes", "epochs": 5}, "epochs": 7}')],
    [
      '__proto__ inside',
      JSON.parse(
        `{"inputShape":[2],"hidden":[{"units":4,"activation":"relu","__proto__":{"polluted":"yes"}}],"output":{"__proto__":{"units":3}},"optimizer":{"kind":"sgd","learningRate":0.1,"__proto__":{"kind":"adam"}},"loss":"mse","batchSize":1,"epochs":1,"shuffle":true,"seed":1}`,
      ),
    ],
    [
      'constructor.prototype',
      JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}},"hidden":{"length":3}}'),
    ],
    ['a Date', new Date(0)],
    ['a Map', new Map([['epochs', 3]])],
    [
      'a cycle',
      (() => {
        const c: Record<string, unknown> = { ...defaults };
        c.output = c;
        c.hidden = [c];
        return c;
      })(),
    ],
    [
      'too many layers with bad units',
      {
        ...defaults,
        hidden: Array.from({ length: 20 }, (_, i) => ({
          units: i % 2 ? 'x' : 1e9,
          activation: 'relu',
        })),
      },
    ],
    ['long strings', { ...defaults, loss: 'x'.repeat(100_000) }],
  ];
  for (const [name, raw] of hostile) {
    test(name, () => {
      let result: ReturnType<typeof repair> | undefined;
      expect(() => (result = repair(raw))).not.toThrow();
      expect(schema.safeParse(result!.value).success).toBe(true);
      for (const n of result!.notices) {
        expect(typeof n.field).toBe('string');
        expect(inEnglish(n.message).length).toBeGreaterThan(0);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(Object.keys(result!.value).sort()).toEqual(Object.keys(defaults).sort());
    });
  }

  test('500 random mutations of a valid config', () => {
    // A small deterministic generator (xorshift) picks a field and a bad value for it.
    let s = 99;
    const rand = () => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const junk = [
      null,
      undefined,
      NaN,
      Infinity,
      -Infinity,
      -0,
      0,
      -1,
      0.5,
      1e9,
      1e300,
      '',
      'x',
      '5',
      true,
      [],
      [1, 2],
      {},
      { units: 2 },
    ];
    const paths = [
      ['epochs'],
      ['batchSize'],
      ['seed'],
      ['loss'],
      ['shuffle'],
      ['inputShape'],
      ['inputShape', 0],
      ['hidden'],
      ['hidden', 0],
      ['hidden', 0, 'units'],
      ['hidden', 0, 'activation'],
      ['hidden', 3],
      ['output'],
      ['output', 'units'],
      ['output', 'activation'],
      ['optimizer'],
      ['optimizer', 'kind'],
      ['optimizer', 'learningRate'],
      ['optimizer', 'momentum'],
    ] as const;
    for (let k = 0; k < 500; k++) {
      const raw: Record<string, unknown> = structuredClone({
        ...defaults,
        optimizer: { kind: 'momentum', learningRate: 0.1, momentum: 0.9 },
      });
      for (let m = 0; m < 1 + Math.floor(rand() * 3); m++) {
        const path = pick(paths);
        let node: Record<string | number, unknown> = raw;
        for (const key of path.slice(0, -1)) {
          if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
          node = node[key] as Record<string | number, unknown>;
        }
        node[path.at(-1)!] = pick(junk);
      }
      const { value } = repair(raw);
      const parsed = schema.safeParse(value);
      expect(parsed.success, JSON.stringify(raw)).toBe(true);
    }
  });
});

describe('repairConfig: notices say what was given, once per field', () => {
  test('a huge number gets one notice that names it and the final value', () => {
    const { value, notices } = repair({ ...defaults, epochs: 1e300 });
    expect(value.epochs).toBe(ENGINE_LIMITS.epochs[1]);
    expect(notices).toEqual([
      {
        field: 'epochs',
        message: {
          key: 'repair.aboveMax',
          values: { was: '1e+300', max: ENGINE_LIMITS.epochs[1] },
        },
      },
    ]);
    expect(inEnglish(notices[0]!.message)).toBe(
      `1e+300 is above the maximum ${ENGINE_LIMITS.epochs[1]}; using ${ENGINE_LIMITS.epochs[1]}`,
    );
  });

  test('Infinity and BigInt are shown as themselves, not as null or a crash', () => {
    const { value, notices } = repair({ ...defaults, epochs: Infinity, seed: 10n });
    expect(value.epochs).toBe(defaults.epochs);
    expect(value.seed).toBe(defaults.seed);
    expect(inEnglish(notices.find((n) => n.field === 'epochs')!.message)).toMatch(
      /^Infinity is not valid/,
    );
    expect(inEnglish(notices.find((n) => n.field === 'seed')!.message)).toMatch(
      /^10n is not valid/,
    );
  });

  test('functions, symbols and throwing getters are dropped, never thrown', () => {
    const hostile = {
      ...defaults,
      epochs: () => 3,
      seed: Symbol('x'),
      get batchSize(): number {
        throw new Error('boom');
      },
    };
    const { value } = repair(hostile);
    expect(schema.safeParse(value).success).toBe(true);
  });

  test('a bad entry in a list takes the template for new entries, keeping the others', () => {
    const { value, notices } = repairConfig(
      schema,
      {
        ...defaults,
        hidden: [
          { units: 5, activation: 'relu' },
          { units: 'x', activation: 'relu' },
        ],
      },
      defaults,
      { arrayItems: { hidden: { units: 7, activation: 'tanh' } } },
    );
    expect(value.hidden).toEqual([
      { units: 5, activation: 'relu' },
      { units: 7, activation: 'relu' },
    ]);
    expect(notices.map((n) => n.field)).toEqual(['hidden[1].units']);
  });
});
