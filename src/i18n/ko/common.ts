import type { common as en } from '../en/common';
import type { Translation } from '../types';

export const common: Translation<typeof en> = {
  train: '학습',
  pause: '일시 정지',
  resume: '계속',
  stop: '중지',
  ok: '확인',
  phase: {
    idle: '대기',
    preparing: '백엔드 고르는 중…',
    running: '학습 중',
    paused: '일시 정지됨',
    evaluating: '평가 중',
    finished: '완료',
  },
  milliseconds: '{{value}} ms',
  seconds: '{{value}}초',
  minutes: '{{minutes}}분 {{seconds}}초',
  epoch: '에포크',
  epochs: '에포크',
  batchSize: '배치 크기',
  loss: '손실',
  accuracy: '정확도',
  seed: '시드 (초기 가중치, 섞기)',
  logScale: '로그 스케일',
};
