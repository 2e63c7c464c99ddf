/** The Tensors lab (src/labs/tensors/). */
export const tensors = {
  sections: {
    make: 'Make a tensor',
    tensor: 'The tensor',
    picture: 'Picture',
    casting: 'Casting',
    castDone: 'What tf.cast did',
    castTitle: 'Casting and immutability',
    questions: 'The lecture’s questions',
  },
  pickCast:
    'Pick <strong>tf.cast</strong> above to see a tensor before and after casting, e.g. the lecture’s <code>tf.cast(input_data, tf.float32)</code> or 1.7 to int32.',
  input: {
    examples: 'Examples',
    value: 'Value (a number, True/False, or nested [ ] lists, as in Python)',
    function: 'Function',
    dtype: 'dtype',
    asGiven: 'as given (inferred)',
    python: 'Python',
    tfjs: 'tfjs (what this page runs)',
    tooLong:
      '({{n, number}} characters in all: too long to show here. Type or pick an example to replace it.)',
    notes: {
      constant:
        'tf.constant(value, dtype=None) makes a tensor with the same content as value. Without a dtype, TensorFlow picks one: floats → float32, whole numbers → int32, True/False → bool.',
      convert_to_tensor:
        'tf.convert_to_tensor(value, dtype=None): for a Python list, the same as tf.constant. With a dtype it converts only what loses nothing: whole numbers → float32 works, 1.7 → int32 is an error.',
      cast: 'tf.cast(x, dtype) makes a new tensor with x’s values converted to dtype: floats → int32 cut off their fractions, anything → bool is “not zero”.',
    },
  },
  examples: {
    inputData: {
      label: 'input_data',
      title:
        'The lecture: input_data = tf.constant([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])',
    },
    andLabels: {
      label: 'and_labels',
      title: 'The lecture: and_labels = tf.constant([0.0, 0.0, 0.0, 1.0])',
    },
    intsToFloat: {
      label: 'ints → float32',
      title:
        'The lecture’s tf.cast example: tf.cast(tf.constant([[0, 0], [0, 1], [1, 0], [1, 1]]), tf.float32)',
    },
    myArray: {
      label: 'my_array → float32',
      title: 'The lecture: tf.convert_to_tensor(value=my_array, dtype=tf.float32)',
    },
    scalar: { label: 'a scalar', title: 'A single number: rank 0, shape ()' },
    cast17: { label: '1.7 → int32', title: 'tf.cast(1.7, tf.int32): the fraction is cut off' },
    bools: { label: 'True/False', title: 'A bool tensor' },
    rank3: { label: 'rank 3', title: 'Two 2×3 grids: shape (2, 2, 3)' },
    rank4: {
      label: 'rank 4 [3, 2, 4, 5]',
      title: 'The lecture’s drawing: a rank-4 tensor of shape [3, 2, 4, 5], counting 0 … 119',
    },
    ragged: { label: 'ragged', title: 'Rows of different lengths: not a tensor' },
  },
  result: {
    waiting: 'Making the tensor as soon as tfjs has started its backend…',
    noTensor: 'No tensor yet: see the message under the value.',
    tfjsError: 'tfjs could not make this tensor: {{error}}',
    int64: 'TensorFlow would make an int64 tensor here; tfjs has no int64.',
  },
  why: {
    mixed:
      'The first element is True/False, so TensorFlow expects only bools, but the value also holds numbers. Use only numbers, only True/False, or give dtype=tf.float32.',
    overflow: 'A value is larger than float32 can hold (about 3.4e38).',
    int64:
      'A whole number is outside the int32 range (±2,147,483,647), so TensorFlow picks int64. Choose dtype float32 to see it in this lab.',
    noInt:
      'Making a tensor does not throw fractions away: floats cannot become int32 here. Make the tensor first, then tf.cast(x, tf.int32) cuts the fractions on purpose.',
    noBool:
      'Only True and False make a bool tensor. tf.cast(x, tf.bool) turns numbers into bools (0 → False, anything else → True).',
  },
  facts: {
    label: 'Shape, rank, dtype and size',
    foot: 'rank = the number of axes = the length of the shape; size = the number of elements{{product}}. Made with tfjs on the {{backend}} backend, read back and disposed.',
    footScalar:
      'rank = the number of axes = the length of the shape (a scalar has none); size = the number of elements{{product}}. Made with tfjs on the {{backend}} backend, read back and disposed.',
  },
  cast: {
    before: 'before: <code>{{call}}</code> is <strong>{{dtype}}</strong>',
    after:
      'after: <code>tf.cast(…, tf.{{dtype}})</code> is a new <strong>{{dtype}}</strong> tensor',
    changes: 'Values before and after',
    rules: {
      same: 'The tensor is already {{dtype}}: TensorFlow’s tf.cast gives it back as it is; there is nothing to convert.',
      toBool: '0 becomes False; every other value becomes True.',
      fromBool: 'True becomes 1 and False becomes 0.',
      toInt:
        'The fraction is cut off, toward zero: 1.7 → 1 and −1.7 → −1. Nothing is rounded (2.5 → 2).',
      toFloat: 'The same numbers, now stored as 32-bit floats: what neural networks compute with.',
    },
    immutable:
      '<strong>A tensor is immutable</strong> (생성된 tensor의 element 값을 생성 이후에 변경할 수 없다): once made, its elements cannot change. {{note}} The lecture’s <code>input_data = tf.cast(input_data, tf.float32)</code> only points the name <code>input_data</code> at the new tensor. Changing an element, <code>x[0, 0] = 5</code>, raises <long>{{error}}</long>.',
    castNote: 'tf.cast does not change its input: it makes a new tensor, in new memory.',
    newNote: 'To change a value, make a new tensor (it gets new memory).',
  },
  quiz: {
    tryIt: 'Try it',
    answer: 'Answer',
    drawIt: {
      ask: 'Draw input_data.',
      answer:
        'A grid of 4 rows and 2 columns: one row per input of the AND gate, one column per input bit (x₁, x₂).',
    },
    shape: {
      ask: 'What is the shape of input_data?',
      answer:
        '(4, 2): 4 along axis 0 (the four inputs), 2 along axis 1 (the two bits). Rank 2, size 8.',
    },
    labels: {
      ask: 'And the shape of and_labels = tf.constant([0.0, 0.0, 0.0, 1.0])?',
      answer:
        '(4,): one axis of length 4, one label per input. Rank 1 — not (4, 1) and not (1, 4).',
    },
    rank4: {
      ask: 'The lecture’s drawing of a rank-4 tensor has shape [3, 2, 4, 5]. How many numbers does it hold?',
      answer: '3 × 2 × 4 × 5 = 120: three stacks of two sheets of 4 × 5 grids.',
    },
  },
  picture: {
    axes: 'Axes',
    axis: 'axis {{axis}}',
    roles: {
      cells: 'cells, left to right',
      rows: 'rows, top to bottom',
      columns: 'columns, left to right',
      sheets: 'sheets, front to back',
      sheetRows: 'rows of each sheet',
      sheetColumns: 'columns of each sheet',
      stacks: 'stacks, left to right',
      stackSheets: 'sheets of each stack, front to back',
      lastColumns: 'columns',
    },
    empty: 'An empty tensor: a shape with a 0 in it has no elements to draw.',
    scalar: 'A scalar: no axes, one value.',
    pointSheet: 'Point at a sheet to bring it to the front.',
    bools: 'Blue is True, white is False.',
    colours: 'Colour: white is 0, blue up to {{max}}, red down to −{{max}}.',
    pointCell: 'Point at a cell to read its value.',
    sliceCut:
      'Drawing x[{{index}}], the first rank-{{rank}} slice; showing the first {{cells, number}} of {{total, number}} values ({{axes}}).',
    sliceCount:
      'Drawing x[{{index}}], the first rank-{{rank}} slice; {{cells, number}} of {{total, number}} values.',
    cut: 'Showing the first {{cells, number}} of {{total, number}} values ({{axes}}).',
    axisCut: '{{shown}} of {{length, number}} along axis {{axis}}',
  },
};
