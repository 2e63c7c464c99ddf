import type { ui as en } from '../en/ui';
import type { Translation } from '../types';

export const ui: Translation<typeof en> = {
  fields: {
    hiddenLayers: '은닉층 수',
    noHiddenLayer: '0 (단층 퍼셉트론)',
    units: '은닉층 {{layer}}의 유닛 수',
    activation: '은닉층 활성화 함수',
    activations: {
      sigmoid: 'sigmoid',
      tanh: 'tanh',
      relu: 'ReLU',
      linear: 'linear (없음)',
      softmax: 'softmax',
    },
    optimizer: '옵티마이저',
    optimizers: {
      sgd: 'SGD',
      momentum: 'SGD + 모멘텀 0.9',
      adam: 'Adam',
      rmsprop: 'RMSprop',
    },
    learningRate: '학습률',
  },
  chart: {
    label: '{{x}}별 {{y}}',
    tooltip: '{{x}} {{value}}',
  },
  heatmap: {
    says0: '0으로 판단',
    says1: '1로 판단',
    axes: 'x₁ →, x₂ ↑, {{min}}부터 {{max}}까지',
  },
  summary: {
    label: '모델 요약',
    layer: '층 (종류)',
    outputShape: '출력 shape',
    params: '파라미터 수',
    total: '전체 파라미터',
  },
  colorbar: {
    label: '색 눈금: {{min}}부터 {{max}}까지',
    labelled: '색 눈금: {{min}}부터 {{max}}까지, {{label}}',
  },
  confusion: {
    trueClass: '실제 클래스',
    predictedClass: '예측 클래스',
    accuracy: '정확도',
    cell: '실제 {{name}}, 예측 {{predicted}}: {{n}}개',
  },
  probabilities: {
    label: '클래스별 예측 확률',
    trueMarker: '정답',
    predicted: '예측',
    trueClass: '정답 클래스',
  },
  weights: {
    negative: '음수',
    positive: '양수',
    note: '유닛 {{total}}개 중 {{shown}}개 표시',
    alt: '유닛 {{unit}}의 가중치, 최대 |w| {{max}}',
  },
  code: {
    language: '프로그래밍 언어',
    copy: '복사',
    copyLabel: '{{language}} 코드 복사',
    download: '{{file}} 다운로드',
    copied: '복사했습니다',
    refused:
      '브라우저가 복사를 허용하지 않았습니다. 코드를 선택해 두었으니 Ctrl+C(Mac은 ⌘C)를 누르세요.',
    downloaded: '다운로드 완료: {{file}}',
  },
};
