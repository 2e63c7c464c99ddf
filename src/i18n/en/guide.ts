/** Guided steps: short, in the lecture's order, one lab at a time. */
export const guide = {
  title: 'Guide',
  stepOf: 'Step {{step}} of {{count}}',
  back: 'Back',
  next: 'Next',
  done: 'Done',
  close: 'Hide the guide',
  reopen: 'Show the guide',
  gates: {
    and: {
      title: 'AND with a single-layer perceptron',
      body: 'Pick AND and press “Train both”. Model 1 is the lecture’s SLP (hidden_layer_conf=None), model 2 its MLP with one hidden layer of 4. Both print the lecture’s lines, such as “1 AND 1 => 0.93 => 1”: both get AND right.',
    },
    xor: {
      title: 'Now XOR',
      body: 'Pick XOR and train again. The SLP stays near 0.5 for every input and gets XOR wrong: its decision map shows why. One straight line cannot put (0,1) and (1,0) on one side and (0,0) and (1,1) on the other.',
    },
    hidden: {
      title: 'Add a hidden layer',
      body: 'The MLP with a hidden layer of 4 bends the boundary and solves XOR. Try model 1 with one hidden layer too, and compare the loss curves: the SLP’s loss stops at 0.25.',
    },
    seeds: {
      title: 'Not every start works',
      body: 'Press “Repeat over seeds”: with 1500 epochs the MLP solves XOR from most initial weights, not all. More epochs, or another learning rate, change that count.',
    },
    code: {
      title: 'The same in Keras',
      body: 'Open “The code of this experiment”: it is the lecture’s MLP class with your settings. Download it and run it with Python and TensorFlow.',
    },
  },
  tensors: {
    constant: {
      title: 'tf.constant',
      body: 'The value [[0, 0], [0, 1], [1, 0], [1, 1]] is the lecture’s input_data: 4 rows of 2. Its shape is (4, 2) and its rank 2 — the picture draws it as a 4×2 grid.',
    },
    cast: {
      title: 'tf.cast',
      body: 'Pick tf.cast and the dtype int32, then type 1.7: casting cuts the fraction and gives 1. Integers cast to float32 keep their value.',
    },
    rank: {
      title: 'Rank 3 and 4',
      body: 'Add brackets: a rank-3 tensor is a stack of grids, a rank-4 one a row of stacks, like the lecture’s [3, 2, 4, 5] drawing. Answer the lecture’s questions below by trying.',
    },
  },
  fashion: {
    data: {
      title: 'Look at the data',
      body: '60,000 training and 10,000 test images of 28×28 pixels, with labels 0 to 9. Step through the images, and see what dividing by 255.0 does to the pixel values.',
    },
    model: {
      title: 'The model',
      body: 'Flatten → Dense 128 ReLU → Dense 128 ReLU → Dense 10 softmax, as the lecture’s ImageClassifier: 118,282 parameters. Adam with learning rate 0.001, sparse categorical cross-entropy.',
    },
    train: {
      title: 'Train',
      body: 'Start with “Quick run” to see it learn in seconds, then the lecture’s run of 10 epochs. Watch the training and validation loss: when they part, the model starts to overfit.',
    },
    judge: {
      title: 'Judge the predictions',
      body: 'The 5×5 grid shows test images with the class argmax picks; mistakes are in red. The confusion matrix shows which classes it mixes up — shirts and T-shirts, for one.',
    },
  },
  descent: {
    runs: {
      title: 'Three ways to update',
      body: 'Press “Train the runs”: the same network from the same initial weights is trained three times — after every example (stochastic), after every 64 examples (mini-batch), and once per epoch on all data (batch).',
    },
    noise: {
      title: 'Noisy or smooth',
      body: 'With the x-axis on weight updates, the stochastic loss jumps up and down and the batch loss falls smoothly, one update per epoch. Move the smoothing slider to see the trend behind the noise.',
    },
    cost: {
      title: 'The cost of an update',
      body: 'Compare the table: one batch update costs much more time than one stochastic update, but makes a better step. Switch the x-axis to seconds: which run gets low fastest?',
    },
  },
};
