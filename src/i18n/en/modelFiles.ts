/** Loading a saved model's files (src/engine/modelFiles.ts). */
export const modelFiles = {
  inputShape: "the file's model takes inputs of shape {{file}}, this model takes {{model}}",
  noDense: "the file's model has no Dense layers",
  hidden: "the file's model has hidden layers {{file}}, this model has {{model}}",
  activations: "the file's model has hidden activations {{file}}, this model has {{model}}",
  output: "the file's model has an output of {{file}}, this model has {{model}}",
  noJson:
    'no model file (.json) among {{files}}: choose the .json and the .weights.bin file together',
  chosenFiles: 'the chosen files',
  manyJson: "more than one .json file ({{files}}): choose one model's .json and .weights.bin",
  notJson: '{{file}} is not a model file: it is not valid JSON',
  notModel:
    '{{file}} is not a TensorFlow.js model file: it has no modelTopology or weightsManifest',
  weightsMissing: 'the weights file is missing: choose {{file}} together with {{weights}}',
  itsWeights: 'its .weights.bin file',
  weightsNotFound: 'the weights file {{files}} is missing',
  wrongSize:
    '{{weights}} has {{got, number}} bytes, but {{file}} describes {{want, number}}: the file is damaged or belongs to another model',
  notLoadable: '{{file}} could not be loaded as a model: {{error}}',
  /** The download and load controls of a lab (src/ui/ModelFiles.tsx). */
  controls: {
    label: 'Model files',
    download: 'Download model',
    load: 'Load model…',
    chooseBoth: 'choose or drop the .json and .weights.bin together',
    loading: 'loading the model…',
    loadedFrom: 'Loaded from {{file}}',
    downloadFailed: 'Could not download the model: {{error}}',
    loadFailed: 'Could not load the model: {{error}}',
  },
};
