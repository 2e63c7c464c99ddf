import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultOptimizer, OPTIMIZERS, type ModelConfig } from '../engine/config';
import { createOptimizer } from '../engine/model';
import { lectureSettings, type GatesSettings } from '../labs/gates/settings';
import { setCpuBackend } from '../test/helpers';
import { gatesTfjs } from './tfjs';
import { jsOptimizer } from './tfjsApi';
import { GATE_CASES } from './testing/cases';
import { nodeCheck, runModule } from './testing/run';
import { expectLabInitialWeights } from './testing/seeds';

beforeAll(setCpuBackend);

function withEpochs(settings: GatesSettings, epochs: number): GatesSettings {
  return {
    ...settings,
    models: settings.models.map((m) => ({ ...m, epochs })) as [ModelConfig, ModelConfig],
  };
}

describe("gatesTfjs, the lecture's settings", () => {
  const code = gatesTfjs(lectureSettings('XOR'));

  test('builds, compiles and fits both models as the lab does', () => {
    expect(code).toContain("import * as tf from '@tensorflow/tfjs';");
    expect(code).toContain('const labels = tf.tensor2d([[0], [1], [1], [0]]);');
    expect(code.match(/tf\.sequential\(\)/g)).toHaveLength(2);
    expect(code.match(/tf\.layers\.dense\(/g)).toHaveLength(3);
    expect(code.match(/activation: 'sigmoid'/g)).toHaveLength(3);
    expect(code).toContain('units: 4,');
    expect(code.match(/optimizer: tf\.train\.sgd\(0\.1\)/g)).toHaveLength(2);
    expect(code.match(/loss: 'meanSquaredError'/g)).toHaveLength(2);
    expect(code.match(/batchSize: 1,\n {2}epochs: 1500,\n {2}shuffle: true,/g)).toHaveLength(2);
    expect(code).toContain(
      "printResult('SLP', slpClassifier);\nprintResult('MLP', mlpClassifier);",
    );
  });
});

describe('gatesTfjs follows each setting', () => {
  test('gate, layers, activation, loss, batch size, epochs, shuffling', () => {
    const code = gatesTfjs(
      GATE_CASES['two MLPs with different activations, batch sizes, epochs, seeds and shuffling']!,
    );
    expect(code).toContain('const labels = tf.tensor2d([[1], [1], [1], [0]]);');
    expect(code).toContain("units: 3,\n    activation: 'relu',");
    expect(code.match(/units: 8,\n {4}activation: 'tanh',/g)).toHaveLength(2);
    expect(code).toContain('batchSize: 4,\n  epochs: 200,\n  shuffle: false,');
    expect(code).toContain("printResult('MLP [3]', mlp1Classifier);");
    const bce = gatesTfjs(
      GATE_CASES['the same model twice, momentum, binary cross-entropy, no shuffling']!,
    );
    expect(bce.match(/loss: 'binaryCrossentropy'/g)).toHaveLength(2);
    expect(bce.match(/tf\.train\.momentum\(0\.5, 0\.9\)/g)).toHaveLength(2);
  });

  test.each(OPTIMIZERS)('the %s optimizer is the one the lab trains with', (kind) => {
    const config = { ...defaultOptimizer(kind, 0.02), ...(kind === 'adam' ? { beta1: 0.8 } : {}) };
    const expression = jsOptimizer(config).call;
    const generated = new Function('tf', `return ${expression};`)(tf) as tf.Optimizer;
    const lab = createOptimizer(config);
    expect(generated.getClassName()).toBe(lab.getClassName());
    expect(generated.getConfig()).toEqual(lab.getConfig());
    generated.dispose();
    lab.dispose();
  });

  test("the layers' seeds give the lab's own initial weights", () => {
    const settings =
      GATE_CASES['two MLPs with different activations, batch sizes, epochs, seeds and shuffling']!;
    const [first, second] = gatesTfjs(settings).split('// Model 2 of the lab');
    [first!, second!].forEach((part, i) => expectLabInitialWeights(part, settings.models[i]!));
  });
});

describe('the generated gates program', () => {
  test.each(Object.entries(GATE_CASES))('%s: parses (node --check)', (_, settings) => {
    const result = nodeCheck(gatesTfjs(settings));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  test('node --check does reject a broken program', () => {
    const result = nodeCheck(
      gatesTfjs(lectureSettings('XOR')).replace('function printResult(', 'function ('),
    );
    expect(result.status).not.toBe(0);
  });

  test.each([
    ['lecture', GATE_CASES.lecture!],
    ['Adam and RMSprop, tanh', GATE_CASES['tanh MLP, Adam and RMSprop with their own parameters']!],
  ])(
    '%s: runs in Node with @tensorflow/tfjs and prints the four answers of each model',
    (_, settings) => {
      const result = runModule(gatesTfjs(withEpochs(settings, 20)));
      expect(result.status, result.stderr).toBe(0);
      const out = result.stdout.trim().split('\n');
      const g = settings.gate;
      const answer = new RegExp(`^([01]) ${g} ([01]) => (\\d\\.\\d\\d) => ([01])$`);
      const results = out.slice(-10);
      for (const header of [results[0], results[5]]) {
        expect(header).toMatch(new RegExp(`^===== (SLP|MLP.*) ${g} classifier result =====$`));
      }
      for (const block of [results.slice(1, 5), results.slice(6)]) {
        const parsed = block.map((line) => answer.exec(line ?? ''));
        expect(parsed.map((m) => m && `${m[1]}${m[2]}`)).toEqual(['00', '01', '10', '11']);
        for (const m of parsed) {
          const y = Number(m![3]);
          if (y !== 0.5) expect(m![4]).toBe(y > 0.5 ? '1' : '0');
        }
      }
      // The loss, ten times per model.
      expect(out.filter((l) => /: epoch \d+\/20 - loss: \d\.\d{4}$/.test(l))).toHaveLength(20);
    },
  );
});
