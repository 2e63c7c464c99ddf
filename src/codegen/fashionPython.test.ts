import { describe, expect, test } from 'vitest';
import { defaultOptimizer, type ModelConfig } from '../engine/config';
import { lectureSettings, type FashionSettings } from '../labs/fashion/settings';
import { fashionPython } from './python';
import { FASHION_CASES } from './testing/cases';
import { expectedFashionRun, kerasRuns } from './testing/fakeKeras';
import { hasNumpy, runWithFakeTensorflow } from './testing/run';
import { expectLinesInOrder, flatCalls } from './testing/text';

/**
 * The lecture's ImageClassifier.py and main.py as the slides show them (spacing slips put right), minus
 * the matplotlib figures, which the generated program replaces by printing. The class's `fit` is checked
 * on its own below: the generated one says `batch_size=32` (Keras's default) where the lecture says nothing.
 */
const LECTURE_IMAGE_CLASSIFIER = `
class ImageClassifier:
    def __init__(self, img_shape_x, img_shape_y, num_labels):
        super(ImageClassifier, self).__init__()
        self.img_shape_x = img_shape_x
        self.img_shape_y = img_shape_y
        self.num_labels = num_labels
        self.classifier = None
    def fit(self, train_imgs, train_labels, num_epochs):
    def predict(self, test_imgs):
        predictions = self.classifier.predict(test_imgs)
        return predictions
    def configure_model(self):
        input_layer = tf.keras.layers.Input(shape=[self.img_shape_x, self.img_shape_y, ])
        flatten_layer = tf.keras.layers.Flatten()(input_layer)
        ac_func_relu = tf.keras.activations.relu
        hidden_layer_1 = tf.keras.layers.Dense(units=128, activation=ac_func_relu)(flatten_layer)
        hidden_layer_2 = tf.keras.layers.Dense(units=128, activation=ac_func_relu)(hidden_layer_1)
        ac_func_softmax = tf.keras.activations.softmax
        output_layer = tf.keras.layers.Dense(units=self.num_labels, activation=ac_func_softmax)(hidden_layer_2)
        classifier_model = tf.keras.Model(inputs=input_layer, outputs=output_layer)
        opt_alg = tf.keras.optimizers.Adam(learning_rate=0.001)
        loss_cross_e = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False)
        classifier_model.compile(optimizer=opt_alg, loss=loss_cross_e, metrics=['accuracy'])
        self.classifier = classifier_model`;

const LECTURE_MAIN = `
def run_classifier():
    fashion_mnist = tf.keras.datasets.fashion_mnist
    (train_images, train_labels), (test_images, test_labels) = fashion_mnist.load_data()
    class_names = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']
    print("Train data shape")
    print(train_images.shape)
    print("Train data labels")
    print(train_labels)
    print("Test data shape")
    print(test_images.shape)
    print("Test data labels")
    print(test_labels)
    train_images = train_images / 255.0
    test_images = test_images / 255.0
    predicted_labels = my_classifier.predict(test_imgs=test_images)
    predicted_labels = tf.math.argmax(input=predicted_labels, axis=1)
    for i in range(25):
if __name__ == "__main__":
    run_classifier()`;

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

function withModel(
  change: Partial<ModelConfig>,
  rest: Partial<FashionSettings> = {},
): FashionSettings {
  const settings = lectureSettings();
  return { ...settings, ...rest, model: { ...settings.model, ...change } };
}

describe("fashionPython, the lecture's settings", () => {
  const code = fashionPython(lectureSettings());

  test("is the lecture's ImageClassifier and main.py, line for line", () => {
    expectLinesInOrder(code, lines(LECTURE_IMAGE_CLASSIFIER));
    expectLinesInOrder(code, lines(LECTURE_MAIN));
  });

  test("fits as the lecture does: Keras's batch size 32, 10 epochs, all 60,000 images, no validation", () => {
    expect(code).toContain(
      'self.classifier.fit(train_imgs, train_labels, batch_size=32, epochs=num_epochs)\n',
    );
    expect(code).toContain('num_epochs=10)');
    expect(code).not.toContain('train_images[:');
    expect(code).not.toContain('validation_split');
  });

  test('the essential lines, as the brief lists them', () => {
    for (const line of [
      'tf.keras.layers.Input(shape=[self.img_shape_x, self.img_shape_y, ])',
      'tf.keras.layers.Flatten()(input_layer)',
      'tf.keras.layers.Dense(units=128, activation=ac_func_relu)',
      'ac_func_relu = tf.keras.activations.relu',
      'tf.keras.layers.Dense(units=self.num_labels, activation=ac_func_softmax)',
      'ac_func_softmax = tf.keras.activations.softmax',
      'tf.keras.optimizers.Adam(learning_rate=0.001)',
      'tf.keras.losses.SparseCategoricalCrossentropy(from_logits=False)',
      "metrics=['accuracy']",
      'my_classifier = ImageClassifier(img_shape_x=28, img_shape_y=28, num_labels=10)',
      'tf.keras.utils.set_random_seed(1)',
      'my_classifier.evaluate(test_imgs=test_images, test_labels=test_labels)',
    ]) {
      expect(code).toContain(line);
    }
    expect(code.match(/Dense\(units=128, activation=ac_func_relu\)/g)).toHaveLength(2);
  });
});

describe('fashionPython follows each setting', () => {
  test('no hidden layer: the output layer reads the flattened image', () => {
    const code = fashionPython(withModel({ hidden: [] }));
    expect(code).toContain(
      'output_layer = tf.keras.layers.Dense(units=self.num_labels, activation=ac_func_softmax)(flatten_layer)',
    );
    expect(code).not.toContain('hidden_layer_1');
    expect(code).not.toContain('ac_func_relu');
  });

  test('layers, units and activations: one ac_func_ variable per activation', () => {
    const code = flatCalls(
      fashionPython(
        FASHION_CASES['three hidden layers with sigmoid and tanh, RMSprop, no shuffling']!,
      ),
    );
    expectLinesInOrder(code, [
      'ac_func_sigmoid = tf.keras.activations.sigmoid',
      'hidden_layer_1 = tf.keras.layers.Dense(units=256, activation=ac_func_sigmoid)(flatten_layer)',
      'ac_func_tanh = tf.keras.activations.tanh',
      'hidden_layer_2 = tf.keras.layers.Dense(units=64, activation=ac_func_tanh)(hidden_layer_1)',
      'hidden_layer_3 = tf.keras.layers.Dense(units=64, activation=ac_func_sigmoid)(hidden_layer_2)',
      'ac_func_softmax = tf.keras.activations.softmax',
      'output_layer = tf.keras.layers.Dense(units=self.num_labels, activation=ac_func_softmax)(hidden_layer_3)',
    ]);
    expect(code.match(/ac_func_sigmoid = /g)).toHaveLength(1);
  });

  test('optimizers and learning rates', () => {
    expect(fashionPython(withModel({ optimizer: defaultOptimizer('sgd', 0.05) }))).toContain(
      'opt_alg = tf.keras.optimizers.SGD(learning_rate=0.05)',
    );
    expect(fashionPython(withModel({ optimizer: defaultOptimizer('momentum', 0.01) }))).toContain(
      'opt_alg = tf.keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)',
    );
    const rmsprop = fashionPython(
      FASHION_CASES['three hidden layers with sigmoid and tanh, RMSprop, no shuffling']!,
    );
    expect(rmsprop).toContain(
      'opt_alg = tf.keras.optimizers.RMSprop(learning_rate=0.0005, rho=0.8)',
    );
    expect(rmsprop).toContain("# RMSprop's momentum=0, epsilon=1e-7: Keras's defaults");
    const adam = fashionPython(
      withModel({
        optimizer: { kind: 'adam', learningRate: 0.0003, beta1: 0.85, beta2: 0.99, epsilon: 1e-8 },
      }),
    );
    expect(adam).toContain(
      'opt_alg = tf.keras.optimizers.Adam(learning_rate=0.0003, beta_1=0.85, beta_2=0.99, epsilon=1e-8)',
    );
    expect(adam).not.toContain("# Adam's");
  });

  test('batch size, epochs, shuffling', () => {
    const code = fashionPython(withModel({ batchSize: 128, epochs: 3, shuffle: false }));
    expect(flatCalls(code)).toContain(
      'self.classifier.fit(train_imgs, train_labels, batch_size=128, epochs=num_epochs, shuffle=False)',
    );
    expect(code).toContain('num_epochs=3)');
  });

  test('fewer images, and a share held out for validation', () => {
    const code = fashionPython(
      FASHION_CASES['no hidden layer, SGD, 6,000 images, a fifth held out']!,
    );
    expect(code).toContain(
      'train_images = train_images[:6000]\n    train_labels = train_labels[:6000]',
    );
    expect(code).toContain('validation_split=0.2');
    expect(code).toContain('the last 1,200 of the 6,000 images are held out');
    // The subset is taken after scaling, before training.
    expect(code.indexOf('/ 255.0')).toBeLessThan(code.indexOf('[:6000]'));
    expect(code.indexOf('[:6000]')).toBeLessThan(code.indexOf('my_classifier.fit('));
  });

  test('the seed', () => {
    expect(fashionPython(withModel({ seed: 77 }))).toMatch(
      /tf\.keras\.utils\.set_random_seed\(77\)\n\s+my_classifier = ImageClassifier\(/,
    );
  });
});

describe.skipIf(!hasNumpy)(
  `fashionPython run against a fake TensorFlow${hasNumpy ? '' : ' (skipped: needs python3 with numpy)'}`,
  () => {
    test.each(Object.entries(FASHION_CASES))(
      '%s: builds, compiles, fits, evaluates and predicts',
      (_, settings) => {
        const run = runWithFakeTensorflow(fashionPython(settings));
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(kerasRuns(run.events)).toEqual([
          expectedFashionRun(settings.model, settings.trainCount, settings.validationShare),
        ]);
        expect(run.events.filter((e) => e.event === 'evaluate')).toEqual([
          { event: 'evaluate', model: 0, examples: 10000 },
        ]);
        expect(run.lines.slice(0, 2)).toEqual(['Train data shape', '(60000, 28, 28)']);
        expect(run.lines).toContain('Test loss: 0.5000, test accuracy: 0.7500');
        // The fake predicts class i % 10 for test image i; its labels are i % 10 too.
        const predictions = run.lines.slice(-25);
        expect(predictions[0]).toBe(' 0: T-shirt/top (true: T-shirt/top)');
        expect(predictions[24]).toBe('24: Coat (true: Coat)');
      },
    );
  },
);
