/** The shared pieces in src/ui/. */
export const ui = {
  fields: {
    hiddenLayers: 'Hidden layers',
    noHiddenLayer: '0 (single-layer perceptron)',
    units: 'Units in hidden layer {{layer}}',
    activation: 'Hidden activation',
    activations: {
      sigmoid: 'sigmoid',
      tanh: 'tanh',
      relu: 'ReLU',
      linear: 'linear (none)',
      softmax: 'softmax',
    },
    optimizer: 'Optimizer',
    optimizers: {
      sgd: 'SGD',
      momentum: 'SGD with momentum 0.9',
      adam: 'Adam',
      rmsprop: 'RMSprop',
    },
    learningRate: 'Learning rate',
  },
  chart: {
    label: '{{y}} per {{x}}',
    tooltip: '{{x}} {{value}}',
  },
  heatmap: {
    says0: 'says 0',
    says1: 'says 1',
    axes: 'x₁ →, x₂ ↑ from {{min}} to {{max}}',
  },
  summary: {
    label: 'Model summary',
    layer: 'Layer (type)',
    outputShape: 'Output shape',
    params: 'Param #',
    total: 'Total params',
  },
  colorbar: {
    label: 'colour scale from {{min}} to {{max}}',
    labelled: 'colour scale from {{min}} to {{max}}: {{label}}',
  },
  confusion: {
    trueClass: 'true class',
    predictedClass: 'predicted class',
    accuracy: 'accuracy',
    cell: '{{n}} {{name}} predicted as {{predicted}}',
  },
  probabilities: {
    label: 'predicted probability per class',
    trueMarker: 'true',
    predicted: 'predicted',
    trueClass: 'true class',
  },
  weights: {
    negative: 'negative',
    positive: 'positive',
    note: 'showing {{shown}} of {{total}} units',
    alt: 'weights of unit {{unit}}, max |w| {{max}}',
  },
  code: {
    language: 'Language',
    copy: 'Copy',
    copyLabel: 'Copy the {{language}} code',
    download: 'Download {{file}}',
    copied: 'Copied',
    refused: 'The browser did not allow copying. The code is selected: press Ctrl+C (⌘C on a Mac).',
    downloaded: 'Downloaded {{file}}',
  },
};
