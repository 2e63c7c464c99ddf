"""A stand-in for TensorFlow, for the code generator's tests (TensorFlow itself is not installed there).

It has only the API the generated programs use, with Keras 3's parameter names, so a misspelt or unknown
keyword is a TypeError here as it is in Keras. It logs what a program builds, compiles and fits as JSON
lines that start with "FAKE_TF ", for the test to read. Training does nothing; predictions are fixed.
"""
import json
import types

import numpy as np

float32 = np.float32
int64 = np.int64


def _log(event, **fields):
    print("FAKE_TF " + json.dumps({"event": event, **fields}))


def constant(value, dtype=None, shape=None, name="Const"):
    return np.array(value, dtype=dtype or np.float32)


def cast(x, dtype, name=None):
    return np.asarray(x).astype(dtype)


def _argmax(input, axis=None, output_type=np.int64, name=None):
    return np.argmax(input, axis=axis).astype(output_type)


math = types.SimpleNamespace(argmax=_argmax)


# ----- activations: real functions, logged by name


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


_ACTIVATIONS = {
    "sigmoid": _sigmoid,
    "tanh": np.tanh,
    "relu": lambda x: np.maximum(x, 0),
    "linear": lambda x: x,
    "softmax": _softmax,
}
_ACTIVATION_NAMES = {id(f): name for name, f in _ACTIVATIONS.items()}


def _activation_name(activation):
    if activation is None:
        return "linear"
    if isinstance(activation, str) and activation in _ACTIVATIONS:
        return activation
    if id(activation) in _ACTIVATION_NAMES:
        return _ACTIVATION_NAMES[id(activation)]
    raise ValueError("Unknown activation: %r" % (activation,))


# ----- layers and models


class _Symbolic:
    """What Input and a layer's call return: a shape (without the batch) and where it came from."""

    def __init__(self, shape, layer=None, source=None):
        self.shape = tuple(shape)
        self.layer = layer
        self.source = source


def _Input(shape=None, batch_size=None, dtype=None, sparse=None, batch_shape=None, name=None, tensor=None,
           optional=False):
    shape = tuple(shape)
    if not shape or not all(isinstance(d, int) and d > 0 for d in shape):
        raise ValueError("Input shape must be positive integers, got %r" % (shape,))
    return _Symbolic(shape)


_LAYER_KWARGS = {"name", "dtype", "trainable", "input_shape"}


def _check_layer_kwargs(kwargs):
    unknown = set(kwargs) - _LAYER_KWARGS
    if unknown:
        raise TypeError("Unrecognized keyword arguments passed to layer: %s" % sorted(unknown))


class _Dense:
    def __init__(self, units, activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None, lora_rank=None,
                 **kwargs):
        _check_layer_kwargs(kwargs)
        if not isinstance(units, int) or units < 1:
            raise ValueError("units must be a positive integer, got %r" % (units,))
        self.units = units
        self.activation = _activation_name(activation)
        self.use_bias = use_bias

    def __call__(self, x):
        if len(x.shape) != 1:
            raise ValueError("This test's programs feed Dense only flat inputs, got %r" % (x.shape,))
        return _Symbolic((self.units,), self, x)

    def describe(self):
        return {"type": "Dense", "units": self.units, "activation": self.activation, "use_bias": self.use_bias}


class _Flatten:
    def __init__(self, data_format=None, **kwargs):
        _check_layer_kwargs(kwargs)

    def __call__(self, x):
        return _Symbolic((int(np.prod(x.shape)),), self, x)

    def describe(self):
        return {"type": "Flatten"}


class _Optimizer:
    def __init__(self, name, **params):
        self.name = name
        self.params = params
        self.model = None

    def describe(self):
        return {"class": self.name, **self.params}


def _SGD(learning_rate=0.01, momentum=0.0, nesterov=False, weight_decay=None, clipnorm=None, clipvalue=None,
         global_clipnorm=None, use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None,
         loss_scale_factor=None, gradient_accumulation_steps=None, name="SGD"):
    return _Optimizer("SGD", learning_rate=learning_rate, momentum=momentum, nesterov=nesterov)


def _Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False, weight_decay=None,
          clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False, ema_momentum=0.99,
          ema_overwrite_frequency=None, loss_scale_factor=None, gradient_accumulation_steps=None, name="adam"):
    return _Optimizer("Adam", learning_rate=learning_rate, beta_1=beta_1, beta_2=beta_2, epsilon=epsilon,
                      amsgrad=amsgrad)


def _RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-07, centered=False, weight_decay=None,
             clipnorm=None, clipvalue=None, global_clipnorm=None, use_ema=False, ema_momentum=0.99,
             ema_overwrite_frequency=100, loss_scale_factor=None, gradient_accumulation_steps=None,
             name="rmsprop"):
    return _Optimizer("RMSprop", learning_rate=learning_rate, rho=rho, momentum=momentum, epsilon=epsilon,
                      centered=centered)


class _Loss:
    def __init__(self, name, **params):
        self.name = name
        self.params = params

    def describe(self):
        return {"class": self.name, **self.params}


def _SparseCategoricalCrossentropy(from_logits=False, ignore_class=None, reduction="sum_over_batch_size",
                                   name="sparse_categorical_crossentropy", dtype=None):
    return _Loss("SparseCategoricalCrossentropy", from_logits=from_logits)


def _BinaryCrossentropy(from_logits=False, label_smoothing=0.0, axis=-1, reduction="sum_over_batch_size",
                        name="binary_crossentropy", dtype=None):
    return _Loss("BinaryCrossentropy", from_logits=from_logits)


def _MeanSquaredError(reduction="sum_over_batch_size", name="mean_squared_error", dtype=None):
    return _Loss("MeanSquaredError")


_LOSS_NAMES = {"mse", "mean_squared_error", "binary_crossentropy", "sparse_categorical_crossentropy"}

_models = []


class _Model:
    def __init__(self, inputs=None, outputs=None, name=None, **kwargs):
        if kwargs:
            raise TypeError("Unrecognized keyword arguments passed to Model: %s" % sorted(kwargs))
        layers = []
        node = outputs
        while node.layer is not None:
            layers.insert(0, node.layer.describe())
            node = node.source
        if node is not inputs:
            raise ValueError("outputs are not computed from inputs")
        self.input_shape = inputs.shape
        self.units = outputs.shape[0]
        self.layers = layers
        self.id = len(_models)
        self.compiled = None
        _models.append(self)
        _log("model", model=self.id, input_shape=list(inputs.shape), layers=layers)

    def compile(self, optimizer="rmsprop", loss=None, loss_weights=None, metrics=None, weighted_metrics=None,
                run_eagerly=False, steps_per_execution=1, jit_compile="auto", auto_scale_loss=True):
        if not isinstance(optimizer, _Optimizer):
            raise TypeError("the generated programs build their optimizer, got %r" % (optimizer,))
        if optimizer.model is not None:
            raise ValueError("one optimizer instance serves two models")
        optimizer.model = self.id
        if isinstance(loss, str):
            if loss not in _LOSS_NAMES:
                raise ValueError("Unknown loss: %r" % (loss,))
            loss_description = loss
        elif isinstance(loss, _Loss):
            loss_description = loss.describe()
        else:
            raise TypeError("loss: %r" % (loss,))
        self.compiled = {"optimizer": optimizer.describe(), "loss": loss_description, "metrics": metrics}
        _log("compile", model=self.id, **self.compiled)

    def fit(self, x=None, y=None, batch_size=None, epochs=1, verbose="auto", callbacks=None, validation_split=0.0,
            validation_data=None, shuffle=True, class_weight=None, sample_weight=None, initial_epoch=0,
            steps_per_epoch=None, validation_steps=None, validation_batch_size=None, validation_freq=1):
        if self.compiled is None:
            raise RuntimeError("You must call `compile()` before using the model.")
        if len(x) != len(y):
            raise ValueError("x has %d examples, y %d" % (len(x), len(y)))
        if tuple(x.shape[1:]) != self.input_shape:
            raise ValueError("x has shape %r, the model takes %r" % (x.shape, self.input_shape))
        _log("fit", model=self.id, examples=len(x), pixel_max=float(getattr(x, "max", lambda: 1.0)()),
             batch_size=batch_size, epochs=epochs, shuffle=shuffle, validation_split=validation_split)

    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None):
        n = len(x)
        if self.units == 1:
            return np.array([[0.2 + 0.6 * (i % 2)] for i in range(n)], dtype=np.float32)
        out = np.full((n, self.units), 0.01, dtype=np.float32)
        out[np.arange(n), np.arange(n) % self.units] = 0.91
        return out

    def evaluate(self, x=None, y=None, batch_size=None, verbose="auto", sample_weight=None, steps=None,
                 callbacks=None, return_dict=False, **kwargs):
        _log("evaluate", model=self.id, examples=len(x))
        return [0.5, 0.75] if self.compiled["metrics"] else 0.5


# ----- Fashion-MNIST without its 47 million pixels


class _Images:
    """Stands for n 28 × 28 images (0–255 until divided) without holding their pixels."""

    def __init__(self, n, top=255.0):
        self.n = n
        self.top = top

    @property
    def shape(self):
        return (self.n, 28, 28)

    def __len__(self):
        return self.n

    def __truediv__(self, divisor):
        return _Images(self.n, self.top / divisor)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return _Images(len(range(*key.indices(self.n))), self.top)
        return np.zeros((28, 28))

    def max(self):
        return self.top


def _load_data():
    train_labels = (np.arange(60000) % 10).astype(np.uint8)
    test_labels = (np.arange(10000) % 10).astype(np.uint8)
    return (_Images(60000), train_labels), (_Images(10000), test_labels)


def _set_random_seed(seed):
    if not isinstance(seed, int) or not 0 <= seed < 2 ** 32:
        raise ValueError("seed must be an integer in [0, 2**32), got %r" % (seed,))
    _log("seed", seed=seed, next_model=len(_models))


keras = types.SimpleNamespace(
    Input=_Input,
    Model=_Model,
    layers=types.SimpleNamespace(Input=_Input, Dense=_Dense, Flatten=_Flatten),
    activations=types.SimpleNamespace(**_ACTIVATIONS),
    optimizers=types.SimpleNamespace(SGD=_SGD, Adam=_Adam, RMSprop=_RMSprop),
    losses=types.SimpleNamespace(
        SparseCategoricalCrossentropy=_SparseCategoricalCrossentropy,
        BinaryCrossentropy=_BinaryCrossentropy,
        MeanSquaredError=_MeanSquaredError,
    ),
    utils=types.SimpleNamespace(set_random_seed=_set_random_seed),
    datasets=types.SimpleNamespace(fashion_mnist=types.SimpleNamespace(load_data=_load_data)),
)
