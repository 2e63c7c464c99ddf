export const app = {
  title: 'Training Lab',
  tagline:
    'Train neural networks in your browser — the hands-on companion of “기계학습 이론 및 실습 – 7. TensorFlow Keras”.',
  labsNav: 'Labs',
  loadingLab: 'Loading the lab…',
  language: 'Language',
  labs: {
    gates: {
      title: 'Logic gates',
      blurb:
        'The lecture’s MLP class: a single-layer perceptron against an MLP on AND, OR and XOR.',
    },
    tensors: {
      title: 'Tensors',
      blurb:
        'The lecture’s tensor section: tf.constant, tf.cast and tf.convert_to_tensor on your own values, with shape, rank, dtype and a picture.',
    },
    fashion: {
      title: 'Fashion-MNIST',
      blurb:
        'The lecture’s ImageClassifier: look at 70,000 clothing images, train a classifier on them and judge its predictions.',
    },
    descent: {
      title: 'Gradient descent',
      blurb:
        'Stochastic, mini-batch and batch gradient descent side by side: the same network, data and initial weights, and what each update costs.',
    },
    runs: {
      title: 'Runs',
      blurb:
        'Every training run of every lab, kept in this browser: compare them on one chart, rename, recolour, delete, and export them as CSV or JSON.',
    },
  },
};
