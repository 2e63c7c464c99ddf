/**
 * The Fashion-MNIST lab as a Python program: the lecture's `ImageClassifier` class (ImageClassifier.py)
 * and its `run_classifier` (main.py) in one file, with the lab's model, data and training settings.
 */
import type { Activation, ModelConfig } from '../engine/config';
import { FASHION_CLASSES } from '../data/fashionMnist';
import { FULL_TRAIN_COUNT, type FashionSettings } from '../labs/fashion/settings';
import { count, file, indent, numberLiteral, wrapCall } from './format';
import {
  kerasValidationCount,
  PY_SEED_NOTE,
  pyActivation,
  pyLossObject,
  pyOptimizer,
} from './keras';

function imageShape(model: ModelConfig): [number, number] {
  const [x, y, ...rest] = model.inputShape;
  if (x === undefined || y === undefined || rest.length > 0) {
    throw new Error(
      `Fashion-MNIST images are 2-D; got the input shape [${model.inputShape.join(', ')}]`,
    );
  }
  return [x, y];
}

/** The lecture's `configure_model`: one `ac_func_…` variable per activation, declared where first used. */
function configureModelLines(model: ModelConfig): string[] {
  const i1 = indent(1);
  const i2 = indent(2);
  const declared = new Set<Activation>();
  const lines = [
    `${i1}def configure_model(self):`,
    `${i2}input_layer = tf.keras.layers.Input(shape=[self.img_shape_x, self.img_shape_y, ])`,
    `${i2}flatten_layer = tf.keras.layers.Flatten()(input_layer)`,
  ];
  const activationVariable = (activation: Activation) => {
    const name = `ac_func_${activation}`;
    if (!declared.has(activation)) {
      declared.add(activation);
      lines.push(`${i2}${name} = ${pyActivation(activation)}`);
    }
    return name;
  };
  let previous = 'flatten_layer';
  model.hidden.forEach((layer, i) => {
    const activation = activationVariable(layer.activation);
    const name = `hidden_layer_${i + 1}`;
    lines.push(
      wrapCall(
        `${i2}${name} = `,
        'tf.keras.layers.Dense',
        [`units=${layer.units}`, `activation=${activation}`],
        `(${previous})`,
      ),
    );
    previous = name;
  });
  const outputActivation = activationVariable(model.output.activation);
  const optimizer = pyOptimizer(model.optimizer);
  const lossVariable = model.loss === 'mse' ? 'loss_mse' : 'loss_cross_e';
  lines.push(
    wrapCall(
      `${i2}output_layer = `,
      'tf.keras.layers.Dense',
      ['units=self.num_labels', `activation=${outputActivation}`],
      `(${previous})`,
    ),
    `${i2}classifier_model = tf.keras.Model(inputs=input_layer, outputs=output_layer)`,
    ...(optimizer.note ? [`${i2}# ${optimizer.note}`] : []),
    `${i2}opt_alg = ${optimizer.call}`,
    `${i2}${lossVariable} = ${pyLossObject(model.loss)}`,
    `${i2}classifier_model.compile(optimizer=opt_alg, loss=${lossVariable}, metrics=['accuracy'])`,
    `${i2}self.classifier = classifier_model`,
  );
  return lines;
}

function fitLines(settings: FashionSettings): string[] {
  const { model, trainCount, validationShare } = settings;
  const i1 = indent(1);
  const i2 = indent(2);
  const args = ['train_imgs', 'train_labels', `batch_size=${model.batchSize}`, 'epochs=num_epochs'];
  const comments: string[] = [];
  if (validationShare > 0) {
    args.push(`validation_split=${numberLiteral(validationShare)}`);
    const held = kerasValidationCount(trainCount, validationShare);
    comments.push(
      `${i2}# validation_split: the last ${count(held)} of the ${count(trainCount)} images are held out, to validate on after every epoch`,
    );
  }
  if (model.shuffle) {
    comments.push(
      `${i2}# fit shuffles the training images every epoch (shuffle=True, Keras's default)`,
    );
  } else {
    args.push('shuffle=False');
  }
  return [
    `${i1}def fit(self, train_imgs, train_labels, num_epochs):`,
    ...comments,
    wrapCall(i2, 'self.classifier.fit', args),
  ];
}

function classLines(settings: FashionSettings): string[] {
  const i1 = indent(1);
  const i2 = indent(2);
  return [
    'class ImageClassifier:',
    `${i1}def __init__(self, img_shape_x, img_shape_y, num_labels):`,
    `${i2}super(ImageClassifier, self).__init__()`,
    `${i2}self.img_shape_x = img_shape_x`,
    `${i2}self.img_shape_y = img_shape_y`,
    `${i2}self.num_labels = num_labels`,
    `${i2}self.classifier = None`,
    '',
    ...fitLines(settings),
    '',
    `${i1}def predict(self, test_imgs):`,
    `${i2}predictions = self.classifier.predict(test_imgs)`,
    `${i2}return predictions`,
    '',
    `${i1}def evaluate(self, test_imgs, test_labels):`,
    `${i2}return self.classifier.evaluate(test_imgs, test_labels)`,
    '',
    ...configureModelLines(settings.model),
  ];
}

function classNamesLines(): string[] {
  const quoted = FASHION_CLASSES.map((name) => `'${name}'`);
  const pad = ' '.repeat('    class_names = ['.length);
  return [
    `${indent(1)}class_names = [${quoted.slice(0, 5).join(', ')},`,
    `${pad}${quoted.slice(5).join(', ')}]`,
  ];
}

function runClassifierLines(settings: FashionSettings): string[] {
  const { model, trainCount } = settings;
  const i1 = indent(1);
  const i2 = indent(2);
  const [x, y] = imageShape(model);
  const subset =
    trainCount < FULL_TRAIN_COUNT
      ? [
          '',
          `${i1}# The lab trains on the first ${count(trainCount)} of the ${count(FULL_TRAIN_COUNT)} training images`,
          `${i1}train_images = train_images[:${trainCount}]`,
          `${i1}train_labels = train_labels[:${trainCount}]`,
        ]
      : [];
  return [
    'def run_classifier():',
    `${i1}fashion_mnist = tf.keras.datasets.fashion_mnist`,
    `${i1}(train_images, train_labels), (test_images, test_labels) = fashion_mnist.load_data()`,
    ...classNamesLines(),
    `${i1}print("Train data shape")`,
    `${i1}print(train_images.shape)`,
    `${i1}print("Train data labels")`,
    `${i1}print(train_labels)`,
    `${i1}print("Test data shape")`,
    `${i1}print(test_images.shape)`,
    `${i1}print("Test data labels")`,
    `${i1}print(test_labels)`,
    '',
    `${i1}# (The lecture draws train_images[0] and the first 25 images here with matplotlib: the lab's step 1.)`,
    `${i1}train_images = train_images / 255.0`,
    `${i1}test_images = test_images / 255.0`,
    ...subset,
    '',
    `${i1}##### classifier train and predict - begin`,
    `${i1}tf.keras.utils.set_random_seed(${model.seed})`,
    `${i1}my_classifier = ImageClassifier(img_shape_x=${x}, img_shape_y=${y}, num_labels=${model.output.units})`,
    `${i1}my_classifier.configure_model()`,
    `${i1}my_classifier.fit(train_imgs=train_images, train_labels=train_labels, num_epochs=${model.epochs})`,
    '',
    `${i1}test_loss, test_accuracy = my_classifier.evaluate(test_imgs=test_images, test_labels=test_labels)`,
    `${i1}print("Test loss: %.4f, test accuracy: %.4f" % (test_loss, test_accuracy))`,
    '',
    `${i1}predicted_labels = my_classifier.predict(test_imgs=test_images)`,
    `${i1}predicted_labels = tf.math.argmax(input=predicted_labels, axis=1)`,
    `${i1}# The lecture draws the first 25 test images with these classes (matplotlib); here they are printed.`,
    `${i1}for i in range(25):`,
    `${i2}print("%2d: %s (true: %s)" % (i, class_names[predicted_labels[i]], class_names[test_labels[i]]))`,
    `${i1}##### classifier train and predict - end`,
  ];
}

/** A complete TensorFlow 2 program: the lecture's ImageClassifier and main.py, with the lab's settings. */
export function fashionPython(settings: FashionSettings): string {
  return file([
    "# Fashion-MNIST with the Training Lab's model, in TensorFlow 2 (Keras): the lecture's ImageClassifier",
    "# (ImageClassifier.py) and run_classifier (main.py), in one file, with the lab's settings.",
    '# Run it with: pip install tensorflow, then python3 on this file (the first run downloads Fashion-MNIST).',
    '#',
    ...PY_SEED_NOTE,
    'import tensorflow as tf',
    '',
    '',
    ...classLines(settings),
    '',
    '',
    ...runClassifierLines(settings),
    '',
    '',
    'if __name__ == "__main__":',
    `${indent(1)}# execute only if run as a script`,
    `${indent(1)}run_classifier()`,
  ]);
}
