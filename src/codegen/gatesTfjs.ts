/**
 * The logic-gates lab as a TensorFlow.js program: the lab's two models built, trained and printed as the
 * lecture's and_classifier.py does, with the lab's own initial weights.
 */
import type { ModelConfig } from '../engine/config';
import { GATE_INPUTS, gateLabels } from '../data/gates';
import { modelName, type GatesSettings } from '../labs/gates/settings';
import { file, numberLiteral } from './format';
import { camelCase, gateModelNames } from './gateNames';
import { denseLines, JS_RUN_NOTE, JS_SEED_NOTE, jsLoss, jsOptimizer } from './tfjsApi';

function modelLines(model: ModelConfig, index: number, variable: string, label: string): string[] {
  const optimizer = jsOptimizer(model.optimizer);
  const layers = [...model.hidden, model.output];
  return [
    `// Model ${index + 1} of the lab: ${modelName(model)}`,
    `const ${variable} = tf.sequential();`,
    ...layers.flatMap((layer, i) =>
      denseLines(variable, layer, i, model.seed, i === 0 ? model.inputShape : null),
    ),
    `${variable}.compile({`,
    `  optimizer: ${optimizer.call}, // ${optimizer.comment}`,
    `  loss: ${jsLoss(model.loss)},`,
    '});',
    `await ${variable}.fit(inputData, labels, {`,
    `  batchSize: ${numberLiteral(model.batchSize)},`,
    `  epochs: ${numberLiteral(model.epochs)},`,
    `  shuffle: ${model.shuffle},`,
    '  verbose: 0,',
    `  callbacks: logLoss('${label}', ${numberLiteral(model.epochs)}),`,
    '});',
    '',
  ];
}

/** A complete TensorFlow.js program (an ES module with top-level await) for the lab's two models. */
export function gatesTfjs(settings: GatesSettings): string {
  const { gate, models } = settings;
  const names = gateModelNames(models);
  const variables = names.map((n) => camelCase(`${n.stem}_classifier`));
  const inputs = GATE_INPUTS.map(([a, b]) => `  [${a}, ${b}],`);
  const labels = gateLabels(gate)
    .map((y) => `[${y}]`)
    .join(', ');
  return file([
    `// ${gate} with the Training Lab's two models, in TensorFlow.js: the lecture's MLP (MLP.py) and`,
    "// and_classifier.py, with the lab's settings.",
    ...JS_RUN_NOTE,
    '//',
    ...JS_SEED_NOTE,
    "import * as tf from '@tensorflow/tfjs';",
    '',
    'const inputData = tf.tensor2d([',
    ...inputs,
    ']);',
    `// ${gate} of each input, one column (the model's one output)`,
    `const labels = tf.tensor2d([${labels}]);`,
    '',
    '/** Prints the loss ten times during training (Keras prints it every epoch). */',
    'function logLoss(name, epochs) {',
    '  const every = Math.max(1, Math.round(epochs / 10));',
    '  return {',
    '    onEpochEnd: (epoch, logs) => {',
    '      if ((epoch + 1) % every === 0) {',
    '        console.log(`${name}: epoch ${epoch + 1}/${epochs} - loss: ${logs.loss.toFixed(4)}`);',
    '      }',
    '    },',
    '  };',
    '}',
    '',
    `/** The lecture's printout: one line per input, "0 ${gate} 1 => 0.97 => 1". */`,
    'function printResult(name, model) {',
    '  const prediction = model.predict(inputData).dataSync();',
    `  console.log(\`===== \${name} ${gate} classifier result =====\`);`,
    '  inputData.arraySync().forEach(([a, b], i) => {',
    '    const y = prediction[i];',
    `    console.log(\`\${a} ${gate} \${b} => \${y.toFixed(2)} => \${y > 0.5 ? 1 : 0}\`);`,
    '  });',
    '}',
    '',
    ...models.flatMap((model, i) => modelLines(model, i, variables[i]!, names[i]!.label)),
    ...models.map((_, i) => `printResult('${names[i]!.label}', ${variables[i]!});`),
  ]);
}
