/**
 * The logic-gates lab as a Python program: the lecture's `MLP` class (MLP.py) and its
 * `and_classifier_example` (and_classifier.py) in one file, with the lab's two models.
 *
 * What both models share is written into the class as the lecture writes it (for the lecture's settings
 * the class is the lecture's, line for line); what differs between them becomes a constructor argument.
 */
import type { ModelConfig } from '../engine/config';
import { GATE_INPUTS, gateLabels } from '../data/gates';
import { modelName, type GatesSettings } from '../labs/gates/settings';
import { file, indent, numberLiteral, pyBool, wrapCall } from './format';
import { gateModelNames } from './gateNames';
import { PY_SEED_NOTE, pyActivation, pyLossName, pyOptimizer } from './keras';

type Models = readonly [ModelConfig, ModelConfig];

/** One thing the models may differ in: one Python expression per model. */
interface Varying {
  values: [string, string];
}

function varying(models: Models, expression: (m: ModelConfig) => string): Varying {
  return { values: [expression(models[0]), expression(models[1])] };
}

function isShared(v: Varying): boolean {
  return v.values[0] === v.values[1];
}

/** A constructor argument of the generated class: its name and each model's value. */
interface ClassParam extends Varying {
  name: string;
}

/** How the hidden layers get their activation: a literal, one per model, or one per layer. */
type HiddenActivation =
  | { mode: 'literal'; expression: string }
  | { mode: 'perModel'; param: ClassParam }
  | { mode: 'perLayer'; param: ClassParam };

function hiddenActivation(models: Models): HiddenActivation {
  const used = new Set(models.flatMap((m) => m.hidden.map((h) => h.activation)));
  if (used.size <= 1) {
    // With no hidden layer anywhere the loop never runs; it keeps the lecture's sigmoid.
    return { mode: 'literal', expression: pyActivation([...used][0] ?? 'sigmoid') };
  }
  const uniform = models.every((m) => new Set(m.hidden.map((h) => h.activation)).size === 1);
  if (uniform) {
    const param = varying(models, (m) => pyActivation(m.hidden[0]!.activation));
    return { mode: 'perModel', param: { name: 'activation', ...param } };
  }
  const param = varying(
    models,
    (m) => `[${m.hidden.map((h) => pyActivation(h.activation)).join(', ')}]`,
  );
  return { mode: 'perLayer', param: { name: 'activations', ...param } };
}

interface ClassPlan {
  hidden: HiddenActivation;
  output: Varying;
  optimizer: Varying;
  loss: Varying;
  shuffle: Varying;
  /** The constructor arguments beyond the lecture's two, in order. */
  params: ClassParam[];
}

function planClass(models: Models): ClassPlan {
  const hidden = hiddenActivation(models);
  const output = varying(models, (m) => pyActivation(m.output.activation));
  const optimizer = varying(models, (m) => pyOptimizer(m.optimizer).call);
  const loss = varying(models, (m) => pyLossName(m.loss));
  const shuffle = varying(models, (m) => pyBool(m.shuffle));
  const params: ClassParam[] = [];
  if (hidden.mode !== 'literal') params.push(hidden.param);
  if (!isShared(output)) params.push({ name: 'output_activation', ...output });
  if (!isShared(optimizer)) params.push({ name: 'optimizer', ...optimizer });
  if (!isShared(loss)) params.push({ name: 'loss', ...loss });
  return { hidden, output, optimizer, loss, shuffle, params };
}

function classLines(models: Models, plan: ClassPlan): string[] {
  const i1 = indent(1);
  const i2 = indent(2);
  const i3 = indent(3);
  const i4 = indent(4);
  const ctorArgs = [
    'self',
    'hidden_layer_conf',
    'num_output_nodes',
    ...plan.params.map((p) => p.name),
  ];
  const { hidden } = plan;
  const loop =
    hidden.mode === 'perLayer'
      ? 'for num_hidden_nodes, activation in zip(self.hidden_layer_conf, self.activations):'
      : 'for num_hidden_nodes in self.hidden_layer_conf:';
  const hiddenActivationArg =
    hidden.mode === 'literal'
      ? hidden.expression
      : hidden.mode === 'perModel'
        ? 'self.activation'
        : 'activation';
  const outputActivationArg = isShared(plan.output)
    ? plan.output.values[0]
    : 'self.output_activation';
  const optimizer = pyOptimizer(models[0].optimizer);
  const optimizerLines = isShared(plan.optimizer)
    ? [
        ...(optimizer.note ? [`${i2}# ${optimizer.note}`] : []),
        `${i2}${optimizer.variable} = ${optimizer.call}`,
      ]
    : [];
  const optimizerArg = isShared(plan.optimizer) ? optimizer.variable : 'self.optimizer';
  const lossArg = isShared(plan.loss) ? plan.loss.values[0] : 'self.loss';
  const shuffleShared = isShared(plan.shuffle);
  const fitArgs = ['x=x', 'y=y', 'batch_size=batch_size', 'epochs=epochs'];
  if (!shuffleShared) fitArgs.push('shuffle=shuffle');
  else if (!models[0].shuffle) fitArgs.push('shuffle=False');
  const inputShape = `[${models[0].inputShape.join(', ')}, ]`;
  return [
    'class MLP:',
    `${i1}# "hidden_layer_conf" is the array indicates the number of layers (num_of_elements)`,
    `${i1}# and the number of elements in each layer.`,
    `${i1}def __init__(${ctorArgs.join(', ')}):`,
    `${i2}self.hidden_layer_conf = hidden_layer_conf`,
    `${i2}self.num_output_nodes = num_output_nodes`,
    ...plan.params.map((p) => `${i2}self.${p.name} = ${p.name}`),
    `${i2}self.logic_op_model = None`,
    '',
    `${i1}def build_model(self):`,
    `${i2}input_layer = tf.keras.Input(shape=${inputShape})`,
    `${i2}hidden_layers = input_layer`,
    `${i2}if self.hidden_layer_conf is not None:`,
    `${i3}${loop}`,
    wrapCall(
      i4,
      'hidden_layers = tf.keras.layers.Dense',
      ['units=num_hidden_nodes', `activation=${hiddenActivationArg}`, 'use_bias=True'],
      '(hidden_layers)',
    ),
    wrapCall(
      i2,
      'output = tf.keras.layers.Dense',
      ['units=self.num_output_nodes', `activation=${outputActivationArg}`, 'use_bias=True'],
      '(hidden_layers)',
    ),
    `${i2}self.logic_op_model = tf.keras.Model(inputs=input_layer, outputs=output)`,
    ...optimizerLines,
    `${i2}self.logic_op_model.compile(optimizer=${optimizerArg}, loss=${lossArg})`,
    '',
    `${i1}def fit(self, x, y, batch_size, epochs${shuffleShared ? '' : ', shuffle'}):`,
    ...(shuffleShared && models[0].shuffle
      ? [
          `${i2}# fit shuffles the examples every epoch (shuffle=True, Keras's default), as the lab does`,
        ]
      : []),
    wrapCall(i2, 'self.logic_op_model.fit', fitArgs),
    '',
    `${i1}def predict(self, x, batch_size):`,
    `${i2}prediction = self.logic_op_model.predict(x=x, batch_size=batch_size)`,
    `${i2}return prediction`,
  ];
}

function floatList(values: readonly number[]): string {
  return `[${values.map((v) => `${v}.0`).join(', ')}]`;
}

function exampleLines(settings: GatesSettings, plan: ClassPlan): string[] {
  const { gate, models } = settings;
  const g = gate.toLowerCase();
  const labels = `${g}_labels`;
  const i1 = indent(1);
  const i2 = indent(2);
  const i3 = indent(3);
  const names = gateModelNames(models);
  const batch = varying(models, (m) => numberLiteral(m.batchSize));
  const epochs = varying(models, (m) => numberLiteral(m.epochs));
  const batchArg = (i: number) => (isShared(batch) ? 'batch_size' : batch.values[i]!);
  const epochsArg = (i: number) => (isShared(epochs) ? 'epochs' : epochs.values[i]!);
  const lines = [
    `def ${g}_classifier_example():`,
    `${i1}input_data = tf.constant([${GATE_INPUTS.map(floatList).join(', ')}])`,
    `${i1}input_data = tf.cast(input_data, tf.float32)`,
    `${i1}${labels} = tf.constant(${floatList(gateLabels(gate))})`,
    `${i1}${labels} = tf.cast(${labels}, tf.float32)`,
    ...(isShared(batch) ? [`${i1}batch_size = ${batch.values[0]}`] : []),
    ...(isShared(epochs) ? [`${i1}epochs = ${epochs.values[0]}`] : []),
  ];
  models.forEach((model, i) => {
    const variable = `${names[i]!.stem}_classifier`;
    const hiddenConf =
      model.hidden.length === 0 ? 'None' : `[${model.hidden.map((h) => h.units).join(', ')}]`;
    const note = isShared(plan.optimizer) ? null : pyOptimizer(model.optimizer).note;
    const fitArgs = [
      `x=input_data`,
      `y=${labels}`,
      `batch_size=${batchArg(i)}`,
      `epochs=${epochsArg(i)}`,
    ];
    if (!isShared(plan.shuffle)) fitArgs.push(`shuffle=${plan.shuffle.values[i]}`);
    lines.push(
      '',
      `${i1}# Model ${i + 1} of the lab: ${modelName(model)}`,
      `${i1}tf.keras.utils.set_random_seed(${model.seed})`,
      ...(note ? [`${i1}# ${note}`] : []),
      wrapCall(`${i1}${variable} = `, 'MLP', [
        `hidden_layer_conf=${hiddenConf}`,
        `num_output_nodes=${model.output.units}`,
        ...plan.params.map((p) => `${p.name}=${p.values[i]}`),
      ]),
      `${i1}${variable}.build_model()`,
      wrapCall(i1, `${variable}.fit`, fitArgs),
    );
  });
  lines.push('');
  models.forEach((_, i) => {
    const variable = `${names[i]!.stem}_classifier`;
    const label = names[i]!.label;
    lines.push(
      `${i1}####### ${label} ${gate} prediction`,
      `${i1}prediction = ${variable}.predict(x=input_data, batch_size=${batchArg(i)})`,
      `${i1}input_and_result = zip(input_data, prediction[:, 0])  # one output per input`,
      `${i1}print("===== ${label} ${gate} classifier result =====")`,
      `${i1}for x, y in input_and_result:`,
      `${i2}if y > 0.5:`,
      `${i3}print("%d ${gate} %d => %.2f => 1" % (x[0], x[1], y))`,
      `${i2}else:`,
      `${i3}print("%d ${gate} %d => %.2f => 0" % (x[0], x[1], y))`,
    );
  });
  return lines;
}

/** A complete TensorFlow 2 program: the lecture's MLP class and a main that trains and prints both models. */
export function gatesPython(settings: GatesSettings): string {
  const plan = planClass(settings.models);
  const g = settings.gate.toLowerCase();
  return file([
    `# ${settings.gate} with the Training Lab's two models, in TensorFlow 2 (Keras): the lecture's MLP class`,
    `# (MLP.py) and its and_classifier_example (and_classifier.py), in one file, with the lab's settings.`,
    '# Run it with: pip install tensorflow, then python3 on this file. Keras prints the loss of every epoch.',
    '#',
    ...PY_SEED_NOTE,
    'import tensorflow as tf',
    '',
    '',
    ...classLines(settings.models, plan),
    '',
    '',
    ...exampleLines(settings, plan),
    '',
    '',
    '# Entry point',
    "if __name__ == '__main__':",
    `${indent(1)}${g}_classifier_example()`,
  ]);
}
