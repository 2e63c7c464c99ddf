import { describe, expect, test } from 'vitest';
import type { ModelConfig } from '../engine/config';
import { lectureSettings, type GatesSettings } from '../labs/gates/settings';
import { gatesPython } from './python';
import { GATE_CASES } from './testing/cases';
import { expectedGateRun, kerasRuns } from './testing/fakeKeras';
import { hasNumpy, runWithFakeTensorflow } from './testing/run';
import { codeLines, expectLinesInOrder, flatCalls } from './testing/text';

/**
 * The lecture's MLP.py and and_classifier.py as the slides show them, with the slides' spacing slips
 * ("use bias", "input layer") put right and wrapped calls on one line. Left out: the stray `and_labels`
 * line and `zip(input_data, prediction)`, which the generator writes as `prediction[:, 0]` (one number per
 * input: formatting a one-element array with %.2f is deprecated in NumPy 1.25 and later).
 */
const LECTURE_MLP = `
class MLP:
    def __init__(self, hidden_layer_conf, num_output_nodes):
        self.hidden_layer_conf = hidden_layer_conf
        self.num_output_nodes = num_output_nodes
        self.logic_op_model = None
    def build_model(self):
        input_layer = tf.keras.Input(shape=[2, ])
        hidden_layers = input_layer
        if self.hidden_layer_conf is not None:
            for num_hidden_nodes in self.hidden_layer_conf:
                hidden_layers = tf.keras.layers.Dense(units=num_hidden_nodes, activation=tf.keras.activations.sigmoid, use_bias=True)(hidden_layers)
        output = tf.keras.layers.Dense(units=self.num_output_nodes, activation=tf.keras.activations.sigmoid, use_bias=True)(hidden_layers)
        self.logic_op_model = tf.keras.Model(inputs=input_layer, outputs=output)
        sgd = tf.keras.optimizers.SGD(learning_rate=0.1)
        self.logic_op_model.compile(optimizer=sgd, loss="mse")
    def fit(self, x, y, batch_size, epochs):
        self.logic_op_model.fit(x=x, y=y, batch_size=batch_size, epochs=epochs)
    def predict(self, x, batch_size):
        prediction = self.logic_op_model.predict(x=x, batch_size=batch_size)
        return prediction`;

const LECTURE_AND_CLASSIFIER = `
def and_classifier_example():
    input_data = tf.constant([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    input_data = tf.cast(input_data, tf.float32)
    and_labels = tf.constant([0.0, 0.0, 0.0, 1.0])
    and_labels = tf.cast(and_labels, tf.float32)
    batch_size = 1
    epochs = 1500
    slp_classifier = MLP(hidden_layer_conf=None, num_output_nodes=1)
    slp_classifier.build_model()
    slp_classifier.fit(x=input_data, y=and_labels, batch_size=batch_size, epochs=epochs)
    mlp_classifier = MLP(hidden_layer_conf=[4], num_output_nodes=1)
    mlp_classifier.build_model()
    mlp_classifier.fit(x=input_data, y=and_labels, batch_size=batch_size, epochs=epochs)
    prediction = slp_classifier.predict(x=input_data, batch_size=batch_size)
    print("===== SLP AND classifier result =====")
    for x, y in input_and_result:
        if y > 0.5:
            print("%d AND %d => %.2f => 1" % (x[0], x[1], y))
        else:
            print("%d AND %d => %.2f => 0" % (x[0], x[1], y))
    prediction = mlp_classifier.predict(x=input_data, batch_size=batch_size)
    print("===== MLP AND classifier result =====")
    for x, y in input_and_result:
        if y > 0.5:
            print("%d AND %d => %.2f => 1" % (x[0], x[1], y))
        else:
            print("%d AND %d => %.2f => 0" % (x[0], x[1], y))
if __name__ == '__main__':
    and_classifier_example()`;

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** A copy of the lecture's settings with the second model changed. */
function withMlp(change: Partial<ModelConfig>): GatesSettings {
  const settings = lectureSettings('XOR');
  return { ...settings, models: [settings.models[0], { ...settings.models[1], ...change }] };
}

describe("gatesPython, the lecture's settings", () => {
  const and = gatesPython(lectureSettings('AND'));

  test("is the lecture's MLP class, line for line", () => {
    expectLinesInOrder(and, lines(LECTURE_MLP));
    // Nothing else in the class but comments: the lecture's build_model has 11 lines, this one too.
    const code = codeLines(and);
    const start = code.indexOf('class MLP:');
    const end = code.indexOf('def and_classifier_example():');
    expect(code.slice(start, end)).toEqual(lines(LECTURE_MLP).map((l) => l.trim()));
  });

  test("is the lecture's and_classifier_example, for AND", () => {
    expectLinesInOrder(and, lines(LECTURE_AND_CLASSIFIER));
    expect(and).toContain('input_and_result = zip(input_data, prediction[:, 0])');
  });

  test('the essential lines, as the brief lists them', () => {
    const xor = flatCalls(gatesPython(lectureSettings('XOR')));
    for (const line of [
      'tf.keras.layers.Dense(units=num_hidden_nodes, activation=tf.keras.activations.sigmoid, use_bias=True)',
      'tf.keras.optimizers.SGD(learning_rate=0.1)',
      'compile(optimizer=sgd, loss="mse")',
      'slp_classifier.fit(x=input_data, y=xor_labels, batch_size=batch_size, epochs=epochs)',
      'batch_size = 1',
      'epochs = 1500',
      'print("%d XOR %d => %.2f => 1" % (x[0], x[1], y))',
      'def xor_classifier_example():',
      'xor_labels = tf.constant([0.0, 1.0, 1.0, 0.0])',
    ]) {
      expect(xor).toContain(line);
    }
  });

  test('sets each model’s seed before building it, and says the numbers are not the browser’s', () => {
    const code = gatesPython(lectureSettings('XOR'));
    expect(code).toMatch(/tf\.keras\.utils\.set_random_seed\(8\)\n\s+slp_classifier = MLP\(/);
    expect(code).toMatch(/tf\.keras\.utils\.set_random_seed\(8\)\n\s+mlp_classifier = MLP\(/);
    expect(code).toContain(
      'the same seed does not give the same numbers in TensorFlow as in the browser',
    );
  });
});

describe('gatesPython follows each setting', () => {
  test('the gate', () => {
    const code = gatesPython(lectureSettings('NOR'));
    expect(code).toContain('nor_labels = tf.constant([1.0, 0.0, 0.0, 0.0])');
    expect(code).toContain('print("===== MLP NOR classifier result =====")');
    expect(code).toContain('nor_classifier_example()');
    expect(code).not.toMatch(/xor|XOR/);
  });

  test('hidden layers and units', () => {
    const code = gatesPython(
      withMlp({
        hidden: [
          { units: 8, activation: 'sigmoid' },
          { units: 3, activation: 'sigmoid' },
        ],
      }),
    );
    expect(flatCalls(code)).toContain(
      'mlp_classifier = MLP(hidden_layer_conf=[8, 3], num_output_nodes=1)',
    );
  });

  test('an activation both models share stays in the class', () => {
    const code = flatCalls(gatesPython(withMlp({ hidden: [{ units: 4, activation: 'tanh' }] })));
    expect(code).toContain('activation=tf.keras.activations.tanh, use_bias=True)(hidden_layers)');
    // The output layer keeps its sigmoid.
    expect(code).toContain(
      'activation=tf.keras.activations.sigmoid, use_bias=True)(hidden_layers)',
    );
    expect(code).toContain('def __init__(self, hidden_layer_conf, num_output_nodes):');
  });

  test('activations that differ become a constructor argument', () => {
    const code = flatCalls(
      gatesPython(
        GATE_CASES[
          'two MLPs with different activations, batch sizes, epochs, seeds and shuffling'
        ]!,
      ),
    );
    expect(code).toContain('def __init__(self, hidden_layer_conf, num_output_nodes, activation):');
    expect(code).toContain('activation=self.activation, use_bias=True');
    expect(code).toContain(
      'mlp_1_classifier = MLP(hidden_layer_conf=[3], num_output_nodes=1, activation=tf.keras.activations.relu)',
    );
    expect(code).toContain(
      'mlp_2_classifier = MLP(hidden_layer_conf=[8, 8], num_output_nodes=1, activation=tf.keras.activations.tanh)',
    );
  });

  test('optimizers: SGD with momentum, Adam and RMSprop with their parameters', () => {
    const shared = flatCalls(
      gatesPython(
        GATE_CASES['the same model twice, momentum, binary cross-entropy, no shuffling']!,
      ),
    );
    expect(shared).toContain('sgd = tf.keras.optimizers.SGD(learning_rate=0.5, momentum=0.9)');
    const own = flatCalls(
      gatesPython(GATE_CASES['tanh MLP, Adam and RMSprop with their own parameters']!),
    );
    expect(own).toContain('compile(optimizer=self.optimizer, loss="mse")');
    expect(own).toContain('optimizer=tf.keras.optimizers.Adam(learning_rate=0.01, beta_1=0.8)');
    expect(own).toContain("# Adam's beta_2=0.999, epsilon=1e-7: Keras's defaults");
    expect(own).toContain(
      'optimizer=tf.keras.optimizers.RMSprop(learning_rate=0.002, rho=0.95, momentum=0.5, epsilon=0.000001)',
    );
  });

  test('the learning rate', () => {
    const code = gatesPython(withMlp({ optimizer: { kind: 'sgd', learningRate: 0.0316 } }));
    expect(flatCalls(code)).toContain('optimizer=tf.keras.optimizers.SGD(learning_rate=0.0316)');
    expect(flatCalls(code)).toContain('optimizer=tf.keras.optimizers.SGD(learning_rate=0.1)');
  });

  test('the loss', () => {
    const both = gatesPython(
      GATE_CASES['the same model twice, momentum, binary cross-entropy, no shuffling']!,
    );
    expect(both).toContain('compile(optimizer=sgd, loss="binary_crossentropy")');
    const one = flatCalls(gatesPython(withMlp({ loss: 'binaryCrossentropy' })));
    expect(one).toContain('compile(optimizer=sgd, loss=self.loss)');
    expect(one).toContain(
      'slp_classifier = MLP(hidden_layer_conf=None, num_output_nodes=1, loss="mse")',
    );
    expect(one).toContain(
      'mlp_classifier = MLP(hidden_layer_conf=[4], num_output_nodes=1, loss="binary_crossentropy")',
    );
  });

  test('batch size, epochs and shuffling, shared or per model', () => {
    const shared = gatesPython(
      GATE_CASES['the same model twice, momentum, binary cross-entropy, no shuffling']!,
    );
    expect(flatCalls(shared)).toContain(
      'self.logic_op_model.fit(x=x, y=y, batch_size=batch_size, epochs=epochs, shuffle=False)',
    );
    const own = flatCalls(
      gatesPython(
        GATE_CASES[
          'two MLPs with different activations, batch sizes, epochs, seeds and shuffling'
        ]!,
      ),
    );
    expect(own).toContain('def fit(self, x, y, batch_size, epochs, shuffle):');
    expect(own).toContain(
      'mlp_1_classifier.fit(x=input_data, y=nand_labels, batch_size=4, epochs=200, shuffle=False)',
    );
    expect(own).toContain(
      'mlp_2_classifier.fit(x=input_data, y=nand_labels, batch_size=1, epochs=1500, shuffle=True)',
    );
    expect(own).not.toContain('batch_size = ');
  });

  test('the seed', () => {
    const code = gatesPython(withMlp({ seed: 2024 }));
    expect(code).toMatch(/tf\.keras\.utils\.set_random_seed\(2024\)\n\s+mlp_classifier = MLP\(/);
  });

  test('two models of one kind are told apart', () => {
    const code = gatesPython(
      GATE_CASES['the same model twice, momentum, binary cross-entropy, no shuffling']!,
    );
    expect(code).toContain('print("===== MLP [4] (model 1) NOR classifier result =====")');
    expect(code).toContain('print("===== MLP [4] (model 2) NOR classifier result =====")');
  });
});

describe.skipIf(!hasNumpy)(
  `gatesPython run against a fake TensorFlow${hasNumpy ? '' : ' (skipped: needs python3 with numpy)'}`,
  () => {
    test.each(Object.entries(GATE_CASES))(
      '%s: builds, compiles, fits and prints what the lab says',
      (_, settings) => {
        const run = runWithFakeTensorflow(gatesPython(settings));
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(kerasRuns(run.events)).toEqual(settings.models.map(expectedGateRun));
        // The fake predicts 0.2, 0.8, 0.2, 0.8 for the four inputs.
        const g = settings.gate;
        const answers = [
          `0 ${g} 0 => 0.20 => 0`,
          `0 ${g} 1 => 0.80 => 1`,
          `1 ${g} 0 => 0.20 => 0`,
          `1 ${g} 1 => 0.80 => 1`,
        ];
        expect(run.lines).toHaveLength(10);
        expect(run.lines[0]).toMatch(new RegExp(`^===== .+ ${g} classifier result =====$`));
        expect(run.lines.slice(1, 5)).toEqual(answers);
        expect(run.lines[5]).toMatch(new RegExp(`^===== .+ ${g} classifier result =====$`));
        expect(run.lines.slice(6)).toEqual(answers);
      },
    );

    test('the fake catches a keyword Keras does not have', () => {
      const code = gatesPython(lectureSettings('XOR')).replace('learning_rate=0.1', 'lr=0.1');
      const run = runWithFakeTensorflow(code);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain("unexpected keyword argument 'lr'");
    });
  },
);
