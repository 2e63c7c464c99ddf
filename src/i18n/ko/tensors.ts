import type { tensors as en } from '../en/tensors';
import type { Translation } from '../types';

export const tensors: Translation<typeof en> = {
  sections: {
    make: '텐서 만들기',
    tensor: '텐서',
    picture: '그림',
    casting: '형 변환',
    castDone: 'tf.cast가 한 일',
    castTitle: '형 변환과 불변성',
    questions: '강의의 질문',
  },
  pickCast:
    '위에서 <strong>tf.cast</strong>를 고르면 형 변환 전후의 텐서를 볼 수 있습니다. 예: 강의의 <code>tf.cast(input_data, tf.float32)</code>, 또는 1.7을 int32로.',
  input: {
    examples: '예제',
    value: '값 (Python처럼 숫자, True/False, 또는 [ ] 중첩 리스트)',
    function: '함수',
    dtype: 'dtype',
    asGiven: '주어진 대로 (추론)',
    python: 'Python',
    tfjs: 'tfjs (이 페이지가 실행하는 코드)',
    tooLong:
      '(모두 {{n, number}}자: 너무 길어서 여기에 다 보여 줄 수 없습니다. 새로 입력하거나 예제를 고르면 바뀝니다.)',
    notes: {
      constant:
        'tf.constant(value, dtype=None)는 value와 같은 내용의 텐서를 만듭니다. dtype이 없으면 TensorFlow가 고릅니다: 실수 → float32, 정수 → int32, True/False → bool.',
      convert_to_tensor:
        'tf.convert_to_tensor(value, dtype=None): Python 리스트라면 tf.constant와 같습니다. dtype을 주면 잃는 것이 없는 변환만 합니다: 정수 → float32는 되지만 1.7 → int32는 오류입니다.',
      cast: 'tf.cast(x, dtype)는 x의 값을 dtype으로 바꾼 새 텐서를 만듭니다: 실수 → int32는 소수 부분을 버리고, 무엇이든 → bool은 “0이 아님”입니다.',
    },
  },
  examples: {
    inputData: {
      label: 'input_data',
      title: '강의: input_data = tf.constant([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])',
    },
    andLabels: {
      label: 'and_labels',
      title: '강의: and_labels = tf.constant([0.0, 0.0, 0.0, 1.0])',
    },
    intsToFloat: {
      label: '정수 → float32',
      title:
        '강의의 tf.cast 예: tf.cast(tf.constant([[0, 0], [0, 1], [1, 0], [1, 1]]), tf.float32)',
    },
    myArray: {
      label: 'my_array → float32',
      title: '강의: tf.convert_to_tensor(value=my_array, dtype=tf.float32)',
    },
    scalar: { label: '스칼라', title: '숫자 하나: rank 0, shape ()' },
    cast17: { label: '1.7 → int32', title: 'tf.cast(1.7, tf.int32): 소수 부분을 버립니다' },
    bools: { label: 'True/False', title: 'bool 텐서' },
    rank3: { label: 'rank 3', title: '2×3 격자 두 장: shape (2, 2, 3)' },
    rank4: {
      label: 'rank 4 [3, 2, 4, 5]',
      title: '강의의 그림: shape [3, 2, 4, 5]인 rank 4 텐서, 0 … 119',
    },
    ragged: { label: '고르지 않은 배열', title: '길이가 다른 행들: 텐서가 아닙니다' },
  },
  result: {
    waiting: 'tfjs가 백엔드를 시작하는 대로 텐서를 만듭니다…',
    noTensor: '아직 텐서가 없습니다: 값 아래의 메시지를 보세요.',
    tfjsError: 'tfjs가 이 텐서를 만들지 못했습니다: {{error}}',
    int64: 'TensorFlow라면 여기서 int64 텐서를 만들지만, tfjs에는 int64가 없습니다.',
  },
  why: {
    mixed:
      '첫 원소가 True/False라서 TensorFlow는 bool만 기대하는데, 값에 숫자도 들어 있습니다. 숫자만 쓰거나, True/False만 쓰거나, dtype=tf.float32를 주세요.',
    overflow: 'float32에 담을 수 없을 만큼 큰 값이 있습니다(약 3.4e38 초과).',
    int64:
      'int32 범위(±2,147,483,647)를 벗어나는 정수가 있어서 TensorFlow는 int64를 고릅니다. 이 실습에서 보려면 dtype을 float32로 고르세요.',
    noInt:
      '텐서를 만들 때는 소수 부분을 버리지 않습니다: 여기서는 실수가 int32가 될 수 없습니다. 먼저 텐서를 만든 다음 tf.cast(x, tf.int32)로 소수 부분을 일부러 버리세요.',
    noBool:
      'bool 텐서는 True와 False로만 만듭니다. tf.cast(x, tf.bool)는 숫자를 bool로 바꿉니다(0 → False, 그 밖의 값 → True).',
  },
  facts: {
    label: 'shape, rank, dtype, size',
    foot: 'rank = 축의 개수 = shape의 길이, size = 원소의 개수{{product}}. tfjs의 {{backend}} 백엔드로 만들고, 값을 읽은 뒤 해제했습니다.',
    footScalar:
      'rank = 축의 개수 = shape의 길이(스칼라는 축이 없음), size = 원소의 개수{{product}}. tfjs의 {{backend}} 백엔드로 만들고, 값을 읽은 뒤 해제했습니다.',
  },
  cast: {
    before: '전: <code>{{call}}</code>, dtype <strong>{{dtype}}</strong>',
    after: '후: <code>tf.cast(…, tf.{{dtype}})</code> → 새 <strong>{{dtype}}</strong> 텐서',
    changes: '변환 전후의 값',
    rules: {
      same: '텐서가 이미 {{dtype}}입니다: TensorFlow의 tf.cast는 그대로 돌려줍니다. 바꿀 것이 없습니다.',
      toBool: '0은 False가 되고, 나머지 값은 모두 True가 됩니다.',
      fromBool: 'True는 1, False는 0이 됩니다.',
      toInt: '소수 부분을 0 쪽으로 버립니다: 1.7 → 1, −1.7 → −1. 반올림하지 않습니다(2.5 → 2).',
      toFloat:
        '같은 숫자를 이제 32비트 부동소수점으로 저장합니다: 신경망이 계산에 쓰는 형식입니다.',
    },
    immutable:
      '<strong>텐서는 불변(immutable)입니다</strong>: 생성된 tensor의 element 값을 생성 이후에 변경할 수 없다. {{note}} 강의의 <code>input_data = tf.cast(input_data, tf.float32)</code>는 <code>input_data</code>라는 이름이 새 텐서를 가리키게 할 뿐입니다. 원소를 바꾸려고 <code>x[0, 0] = 5</code>를 실행하면 <long>{{error}}</long> 오류가 납니다.',
    castNote: 'tf.cast는 입력을 바꾸지 않고, 새 메모리에 새 텐서를 만듭니다.',
    newNote: '값을 바꾸려면 새 텐서를 만듭니다(새 메모리를 할당받습니다).',
  },
  quiz: {
    tryIt: '해 보기',
    answer: '정답',
    drawIt: {
      ask: '위 input_data의 내용을 그림으로 그리면?',
      answer: '4행 2열의 격자: AND 게이트의 입력마다 행 하나, 입력 비트(x₁, x₂)마다 열 하나.',
    },
    shape: {
      ask: '위 input_data의 shape는?',
      answer: '(4, 2): 축 0 방향으로 4(네 입력), 축 1 방향으로 2(두 비트). rank 2, size 8.',
    },
    labels: {
      ask: '그러면 and_labels = tf.constant([0.0, 0.0, 0.0, 1.0])의 shape는?',
      answer: '(4,): 길이 4인 축 하나, 입력마다 레이블 하나. rank 1 — (4, 1)도 (1, 4)도 아닙니다.',
    },
    rank4: {
      ask: '강의에 그려진 rank 4 텐서의 shape는 [3, 2, 4, 5]입니다. 숫자가 몇 개 들어 있을까요?',
      answer: '3 × 2 × 4 × 5 = 120: 4 × 5 격자 두 장짜리 묶음이 세 개.',
    },
  },
  picture: {
    axes: '축',
    axis: '축 {{axis}}',
    roles: {
      cells: '칸, 왼쪽에서 오른쪽으로',
      rows: '행, 위에서 아래로',
      columns: '열, 왼쪽에서 오른쪽으로',
      sheets: '장, 앞에서 뒤로',
      sheetRows: '각 장의 행',
      sheetColumns: '각 장의 열',
      stacks: '묶음, 왼쪽에서 오른쪽으로',
      stackSheets: '각 묶음의 장, 앞에서 뒤로',
      lastColumns: '열',
    },
    empty: '빈 텐서: shape에 0이 있으면 그릴 원소가 없습니다.',
    scalar: '스칼라: 축 없이 값 하나.',
    pointSheet: '장을 가리키면 앞으로 나옵니다.',
    bools: '파랑은 True, 흰색은 False.',
    colours: '색: 흰색은 0, 파랑은 {{max}}까지, 빨강은 −{{max}}까지.',
    pointCell: '칸을 가리키면 값이 보입니다.',
    sliceCut:
      'x[{{index}}], 즉 첫 번째 rank {{rank}} 조각을 그립니다. 값 {{total, number}}개 중 처음 {{cells, number}}개만 보입니다({{axes}}).',
    sliceCount:
      'x[{{index}}], 즉 첫 번째 rank {{rank}} 조각을 그립니다. 값 {{total, number}}개 중 {{cells, number}}개.',
    cut: '값 {{total, number}}개 중 처음 {{cells, number}}개만 보입니다({{axes}}).',
    axisCut: '축 {{axis}} 방향 {{length, number}}개 중 {{shown}}개',
  },
};
