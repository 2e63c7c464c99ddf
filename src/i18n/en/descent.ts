/** The gradient-descent lab (src/labs/descent/) and its runs chart (src/ui/RunsChart.tsx). */
export const descent = {
  sections: {
    setup: '1. Data and network',
    runs: '2. The runs: when are the weights updated?',
    loss: '3. Loss: noise against cost',
    maps: 'Decision maps: what each run learned',
  },
  data: {
    label: 'Data set',
    sets: {
      fashion: 'Fashion-MNIST',
      gates: 'Logic gates',
      circles: 'Circles',
      spiral: 'Spiral',
      gaussians: 'Two Gaussians',
    },
    images: 'Images used',
    imagesValue: '{{count}} ({{train}} train, {{validation}} validate)',
    gate: 'Gate',
    points: 'Points',
    pointsValue: '{{count}} ({{train}} train, {{validation}} validate)',
    noise: 'Noise',
    gatesNote:
      'The four rows of the truth table are all the data: nothing is held out for validation.',
    split:
      'The last 20 % of the examples are held out for validation, as Keras’s validation_split does.',
    loading: 'Loading Fashion-MNIST… {{percent}} %',
    missing:
      'The Fashion-MNIST files are not on this server ({{message}}). Run “npm run data”, or pick the four files here:',
    pickFiles: 'Fashion-MNIST files',
    failed: 'Fashion-MNIST could not be loaded: {{message}}',
  },
  network: {
    epochs: 'Epochs',
    seed: 'Seed (initial weights, shuffling)',
    same: 'Every run starts from the same initial weights and sees the examples in the same order (one seed): only the batch size differs.',
  },
  runs: {
    kinds: {
      sgd: 'Stochastic GD',
      mini: 'Mini-batch',
      batch: 'Batch GD',
    },
    name: '{{kind}} (b = {{batch}})',
    batchSize: 'Batch size b',
    perEpoch: '{{updates}} updates per epoch',
    perEpochOne: '1 update per epoch',
    remove: 'Remove',
    removeRun: 'Remove {{name}}',
    add: 'Add a run',
    addBatch: 'Batch size of the new run',
    allOption: 'all (batch GD)',
    train: 'Train the runs',
    order: 'The runs train one after the other, on one backend, so each run’s times are its own.',
    waiting: 'waiting',
    notRun: 'not trained',
  },
  progress: {
    label:
      'Run {{run}} of {{runs}}: {{name}} · epoch {{epoch}} / {{epochs}} · update {{update}} / {{updates}}',
    left: '{{elapsed}} so far · about {{left}} left in this run',
    done: 'All runs trained on {{backend}}.',
    stopped: 'Stopped: the runs after it were not trained.',
    diverged:
      '{{name}}: the loss became {{loss}} at update {{step}}: training diverged. Try a smaller learning rate.',
  },
  stats: {
    caption: 'What each run did, and what its updates cost',
    run: 'Run',
    batch: 'b',
    updatesPerEpoch: 'Updates per epoch (N / b)',
    totalUpdates: 'Updates in all',
    timePerUpdate: 'Time per update',
    timePerEpoch: 'Time per epoch',
    trainLoss: 'Training loss',
    valLoss: 'Validation loss',
    costLine: '{{perEpoch}}, {{time}} each: {{epochTime}} per epoch',
    explain:
      'Batch gradient descent averages the gradient over all N examples before it updates: 1 update per epoch, an expensive one. Stochastic gradient descent updates after every example: N cheap updates per epoch, each from one example, so its loss is noisy. A mini-batch of b examples is the compromise most training uses: N / b updates per epoch, each averaged over b examples.',
    timesNote:
      'Times are training time as Keras counts it, the validation pass at the end of each epoch included.',
    none: '–',
  },
  maps: {
    caption: 'Orange: the model says 0, blue: it says 1; the dots are the training points.',
    title: 'Decision map of {{name}}',
  },
  export: {
    label: 'Download the data of these runs',
    json: 'JSON',
    csvUpdates: 'CSV (every update)',
    csvEpochs: 'CSV (every epoch)',
  },
  chart: {
    aria: 'Loss of every run',
    xAxis: 'x-axis',
    axes: {
      epochs: 'epochs',
      updates: 'weight updates',
      examples: 'examples seen',
      seconds: 'seconds of training',
    },
    yLabel: 'loss',
    smoothing: 'Smoothing',
    logY: 'log scale (loss)',
    logX: 'log scale (x-axis)',
    show: 'Show',
    shows: {
      both: 'per update and per epoch',
      updates: 'per update',
      epochs: 'per epoch',
    },
    key: {
      raw: 'each update (faint)',
      smoothed: 'smoothed',
      epoch: 'epoch mean',
      validation: 'validation',
    },
    clipped: 'Single updates above the top are cut off.',
    empty: 'No runs to draw yet.',
  },
  repair: {
    notADataSet: '"{{value}}" is not a data set; using {{fallback}}',
    notABatchSize: '"{{value}}" is not a batch size (a whole number from 1, or "all"); left out',
    noRuns: 'no runs left; using {{fallback}}',
  },
};
