import type { descent as en } from '../en/descent';
import type { Translation } from '../types';

export const descent: Translation<typeof en> = {
  sections: {
    setup: '1. 데이터와 신경망',
    runs: '2. 실행: 가중치를 언제 업데이트할 것인가?',
    loss: '3. Loss: 잡음과 비용',
    maps: '결정 경계 지도: 각 실행이 학습한 것',
  },
  data: {
    label: '데이터 세트',
    sets: {
      fashion: 'Fashion-MNIST',
      gates: '논리 게이트',
      circles: '원',
      spiral: '나선',
      gaussians: '두 가우시안',
    },
    images: '사용할 이미지',
    imagesValue: '{{count}}장 (학습 {{train}}, 검증 {{validation}})',
    gate: '게이트',
    points: '점',
    pointsValue: '{{count}}개 (학습 {{train}}, 검증 {{validation}})',
    noise: '잡음(noise)',
    gatesNote: '진리표의 네 행이 데이터의 전부입니다: 검증용으로 떼어 두는 데이터가 없습니다.',
    split:
      '데이터의 마지막 20 %는 Keras의 validation_split처럼 검증(validation)용으로 떼어 둡니다.',
    loading: 'Fashion-MNIST 불러오는 중… {{percent}} %',
    missing:
      '이 서버에 Fashion-MNIST 파일이 없습니다 ({{message}}). “npm run data”를 실행하거나, 네 파일을 여기서 고르세요:',
    pickFiles: 'Fashion-MNIST 파일',
    failed: 'Fashion-MNIST를 불러오지 못했습니다: {{message}}',
  },
  network: {
    epochs: '에포크(epoch)',
    seed: '시드 (초기 가중치, 섞기)',
    same: '모든 실행은 같은 초기 가중치에서 시작하고 학습 데이터를 같은 순서로 봅니다 (시드 하나): 다른 것은 배치 크기뿐입니다.',
  },
  runs: {
    kinds: {
      sgd: '확률적 경사 하강법',
      mini: '미니배치',
      batch: '배치 경사 하강법',
    },
    name: '{{kind}} (b = {{batch}})',
    batchSize: '배치 크기 b',
    perEpoch: '에포크당 업데이트 {{updates}}회',
    perEpochOne: '에포크당 업데이트 1회',
    remove: '삭제',
    removeRun: '{{name}} 삭제',
    add: '실행 추가',
    addBatch: '새 실행의 배치 크기',
    allOption: '전체 (배치 경사 하강법)',
    train: '학습 시작',
    order: '실행들은 하나의 백엔드에서 차례로 학습합니다: 각 실행의 시간은 그 실행만의 시간입니다.',
    waiting: '대기 중',
    notRun: '학습하지 않음',
  },
  progress: {
    label:
      '실행 {{run}} / {{runs}}: {{name}} · 에포크 {{epoch}} / {{epochs}} · 업데이트 {{update}} / {{updates}}',
    left: '지금까지 {{elapsed}} · 이 실행은 약 {{left}} 남음',
    done: '모든 실행을 {{backend}}에서 학습했습니다.',
    stopped: '중지됨: 그 뒤의 실행은 학습하지 않았습니다.',
    diverged:
      '{{name}}: 업데이트 {{step}}에서 loss가 {{loss}}가 되었습니다: 학습이 발산했습니다. 학습률(learning rate)을 줄여 보세요.',
  },
  stats: {
    caption: '각 실행이 한 일과 업데이트의 비용',
    run: '실행',
    batch: 'b',
    updatesPerEpoch: '에포크당 업데이트 (N / b)',
    totalUpdates: '전체 업데이트',
    timePerUpdate: '업데이트 1회 시간',
    timePerEpoch: '에포크 1회 시간',
    trainLoss: '학습 loss',
    valLoss: '검증 loss',
    costLine: '{{perEpoch}}, 1회 {{time}}: 에포크당 {{epochTime}}',
    explain:
      '배치 경사 하강법은 N개 학습 데이터 모두의 gradient를 평균한 다음 업데이트합니다: 1 에포크에 1회 업데이트 — 1회 업데이트 비용이 너무 큽니다. 확률적 경사 하강법은 데이터 하나마다 업데이트합니다: 1 에포크에 N회 업데이트 — 1회 비용은 작지만, 데이터 하나로 계산하므로 loss가 noisy합니다. 미니배치 경사 하강법은 그 절충안입니다: b개 데이터의 gradient 평균으로 업데이트하여 1 에포크에 N / b회 업데이트하며, 최근의 신경망 학습은 대부분 이 방법을 사용합니다.',
    timesNote: '시간은 Keras처럼 학습 시간이며, 각 에포크 끝의 검증 계산을 포함합니다.',
    none: '–',
  },
  maps: {
    caption: '주황색: 모델이 0이라고 함, 파란색: 1이라고 함; 점은 학습 데이터입니다.',
    title: '{{name}}의 결정 경계 지도',
  },
  export: {
    label: '이 실행들의 데이터 내려받기',
    json: 'JSON',
    csvUpdates: 'CSV (업데이트마다)',
    csvEpochs: 'CSV (에포크마다)',
  },
  chart: {
    aria: '모든 실행의 loss',
    xAxis: 'x축',
    axes: {
      epochs: '에포크',
      updates: '가중치 업데이트 횟수',
      examples: '본 학습 데이터 수',
      seconds: '학습 시간(초)',
    },
    yLabel: 'loss',
    smoothing: '스무딩(smoothing)',
    logY: '로그 스케일 (loss)',
    logX: '로그 스케일 (x축)',
    show: '보기',
    shows: {
      both: '업데이트마다와 에포크마다',
      updates: '업데이트마다',
      epochs: '에포크마다',
    },
    key: {
      raw: '업데이트마다 (흐리게)',
      smoothed: '스무딩',
      epoch: '에포크 평균',
      validation: '검증',
    },
    clipped: '위쪽 끝을 넘는 개별 업데이트는 잘려서 보입니다.',
    empty: '아직 그릴 실행이 없습니다.',
  },
  repair: {
    notADataSet: '"{{value}}"는 데이터 세트가 아닙니다; {{fallback}}를 사용합니다',
    notABatchSize: '"{{value}}"는 배치 크기가 아닙니다 (1 이상의 정수 또는 "all"); 뺐습니다',
    noRuns: '남은 실행이 없습니다; {{fallback}}를 사용합니다',
  },
};
