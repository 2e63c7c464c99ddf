/**
 * The Fashion-MNIST lab as a TensorFlow.js program: the data read from the four IDX files (a marked
 * function says where from), the lab's model built with its own initial weights, trained, evaluated and
 * its predictions printed as the lecture's main.py does.
 */
import { FASHION_CLASSES, FASHION_FILES } from '../data/fashionMnist';
import { FULL_TRAIN_COUNT, type FashionSettings } from '../labs/fashion/settings';
import { count, file, numberLiteral } from './format';
import { kerasValidationCount } from './keras';
import { denseLines, JS_RUN_NOTE, JS_SEED_NOTE, jsLoss, jsOptimizer } from './tfjsApi';

/** Where the data comes from: the part a student fills in for their setup. */
const DATA_SOURCE = [
  '// ===== The data: fill in for your setup ==================================================',
  '// TensorFlow.js has no fashion_mnist.load_data(). This reads the four files of',
  '// https://github.com/zalandoresearch/fashion-mnist (gzipped or not): in Node from the folder DATA_DIR',
  '// (or the one the FASHION_MNIST_DIR environment variable names), in a browser from the URL DATA_DIR.',
  "const DATA_DIR = globalThis.process?.env?.FASHION_MNIST_DIR ?? 'fashion-mnist';",
  'const FILES = {',
  ...Object.entries(FASHION_FILES).map(([key, name]) => `  ${key}: '${name}',`),
  '};',
  '',
  'async function readDataFile(name) {',
  '  if (globalThis.process?.versions?.node) {',
  "    const { readFile } = await import('node:fs/promises');",
  '    return new Uint8Array(await readFile(`${DATA_DIR}/${name}`));',
  '  }',
  '  const response = await fetch(`${DATA_DIR}/${name}`);',
  '  if (!response.ok) throw new Error(`${DATA_DIR}/${name}: HTTP ${response.status}`);',
  '  return new Uint8Array(await response.arrayBuffer());',
  '}',
  '// ===========================================================================================',
];

/** gunzip, the IDX parser, and the loader that returns what load_data() returns. */
const DATA_PARSING = [
  '/** Inflates gzip data (it starts with the bytes 1f 8b); anything else is returned as it is. */',
  'async function gunzip(bytes) {',
  '  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;',
  "  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));",
  '  return new Uint8Array(await new Response(stream).arrayBuffer());',
  '}',
  '',
  '/**',
  ' * An IDX file: two zero bytes, 0x08 (unsigned bytes), the rank, one big-endian 32-bit size per',
  ' * dimension, then the bytes in row-major order.',
  ' */',
  'function parseIdx(bytes, name) {',
  '  if (bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 0x08) {',
  '    throw new Error(`${name} is not an IDX file of unsigned bytes`);',
  '  }',
  '  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);',
  '  const shape = Array.from({ length: bytes[3] }, (_, i) => view.getUint32(4 + 4 * i));',
  '  const data = bytes.subarray(4 + 4 * shape.length);',
  '  if (data.length !== shape.reduce((a, b) => a * b, 1)) throw new Error(`${name} is truncated`);',
  '  return { shape, data };',
  '}',
  '',
  '/** What fashion_mnist.load_data() gives: images n × 28 × 28 bytes (0–255), labels n (0–9). */',
  'async function loadFashionMnist() {',
  '  const load = async (name) => parseIdx(await gunzip(await readDataFile(name)), name);',
  '  return {',
  '    trainImages: await load(FILES.trainImages),',
  '    trainLabels: await load(FILES.trainLabels),',
  '    testImages: await load(FILES.testImages),',
  '    testLabels: await load(FILES.testLabels),',
  '  };',
  '}',
  '',
  "/** NumPy's short form of a long array: [9 0 0 ... 3 0 5]. */",
  'function shortForm(values) {',
  "  const part = (from, to) => Array.from(values.subarray(from, to)).join(' ');",
  '  return `[${part(0, 3)} ... ${part(values.length - 3)}]`;',
  '}',
  '',
  "/** The first `n` images as floats in [0, 1]: the lecture's `/ 255.0`. */",
  'function scaledImages({ shape, data }, n) {',
  '  const [, rows, cols] = shape;',
  '  const pixels = Float32Array.from(data.subarray(0, n * rows * cols), (v) => v / 255);',
  '  return tf.tensor3d(pixels, [n, rows, cols]);',
  '}',
  '',
  '/** The first `n` labels as a 1-D tensor, as sparse categorical cross-entropy takes them. */',
  'function labelTensor({ data }, n) {',
  '  return tf.tensor1d(Float32Array.from(data.subarray(0, n)));',
  '}',
];

function modelLines(settings: FashionSettings): string[] {
  const { model } = settings;
  const optimizer = jsOptimizer(model.optimizer);
  return [
    "// The lecture's ImageClassifier.configure_model",
    'const model = tf.sequential();',
    `model.add(tf.layers.flatten({ inputShape: [${model.inputShape.join(', ')}] }));`,
    ...[...model.hidden, model.output].flatMap((layer, i) =>
      denseLines('model', layer, i, model.seed, null),
    ),
    'model.compile({',
    `  optimizer: ${optimizer.call}, // ${optimizer.comment}`,
    `  loss: ${jsLoss(model.loss)},`,
    "  metrics: ['accuracy'],",
    '});',
    'model.summary();',
  ];
}

function fitLines(settings: FashionSettings): string[] {
  const { model, trainCount, validationShare } = settings;
  const validation =
    validationShare > 0
      ? [
          `  // the last ${count(kerasValidationCount(trainCount, validationShare))} of the ${count(trainCount)} images, to validate on after every epoch`,
          `  validationSplit: ${numberLiteral(validationShare)},`,
        ]
      : [];
  return [
    'await model.fit(trainX, trainY, {',
    `  batchSize: ${numberLiteral(model.batchSize)},`,
    '  epochs: EPOCHS,',
    `  shuffle: ${model.shuffle},`,
    ...validation,
    '  callbacks: {',
    '    onEpochEnd: (epoch, logs) => {',
    '      const line = [`Epoch ${epoch + 1}/${EPOCHS}`, `loss: ${logs.loss.toFixed(4)}`];',
    '      line.push(`accuracy: ${logs.acc.toFixed(4)}`);',
    '      if (logs.val_loss !== undefined) {',
    '        line.push(`val_loss: ${logs.val_loss.toFixed(4)}`);',
    '        line.push(`val_accuracy: ${logs.val_acc.toFixed(4)}`);',
    '      }',
    "      console.log(line.join(' - '));",
    '    },',
    '  },',
    '});',
  ];
}

/** A complete TensorFlow.js program (an ES module with top-level await) for the lab's classifier. */
export function fashionTfjs(settings: FashionSettings): string {
  const { model, trainCount } = settings;
  const trainComment =
    trainCount < FULL_TRAIN_COUNT
      ? ` // the lab trains on the first ${count(trainCount)} of the ${count(FULL_TRAIN_COUNT)} images`
      : ' // all of them';
  return file([
    "// Fashion-MNIST with the Training Lab's model, in TensorFlow.js: the lecture's ImageClassifier",
    "// (ImageClassifier.py) and main.py, with the lab's settings.",
    ...JS_RUN_NOTE,
    '//',
    ...JS_SEED_NOTE,
    "import * as tf from '@tensorflow/tfjs';",
    '',
    ...DATA_SOURCE,
    '',
    ...DATA_PARSING,
    '',
    'const CLASS_NAMES = [',
    ...FASHION_CLASSES.map((c) => `  '${c}',`),
    '];',
    `const TRAIN_COUNT = ${trainCount};${trainComment}`,
    `const EPOCHS = ${numberLiteral(model.epochs)};`,
    '',
    "// The lecture's main.py",
    'const { trainImages, trainLabels, testImages, testLabels } = await loadFashionMnist();',
    "console.log('Train data shape', trainImages.shape);",
    "console.log('Train data labels', shortForm(trainLabels.data));",
    "console.log('Test data shape', testImages.shape);",
    "console.log('Test data labels', shortForm(testLabels.data));",
    'const trainX = scaledImages(trainImages, TRAIN_COUNT);',
    'const trainY = labelTensor(trainLabels, TRAIN_COUNT);',
    'const testX = scaledImages(testImages, testImages.shape[0]);',
    'const testY = labelTensor(testLabels, testLabels.shape[0]);',
    '',
    ...modelLines(settings),
    '',
    ...fitLines(settings),
    '',
    'const [testLoss, testAccuracy] = model.evaluate(testX, testY);',
    'console.log(',
    '  `Test loss: ${testLoss.dataSync()[0].toFixed(4)}, test accuracy: ${testAccuracy.dataSync()[0].toFixed(4)}`,',
    ');',
    '',
    '// tf.math.argmax(input=predicted_labels, axis=1) in the lecture',
    'const predictedLabels = model.predict(testX).argMax(1).dataSync();',
    '// The lecture draws the first 25 test images with these classes; here they are printed.',
    'for (let i = 0; i < 25; i++) {',
    '  const predicted = CLASS_NAMES[predictedLabels[i]];',
    '  console.log(`${String(i).padStart(2)}: ${predicted} (true: ${CLASS_NAMES[testLabels.data[i]]})`);',
    '}',
  ]);
}
