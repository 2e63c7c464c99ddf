import type { app as en } from '../en/app';
import type { Translation } from '../types';

export const app: Translation<typeof en> = {
  title: 'Training Lab',
  tagline:
    '브라우저에서 신경망을 학습시켜 보세요 — “기계학습 이론 및 실습 – 7. TensorFlow Keras” 강의의 실습 도구입니다.',
  labsNav: '실습',
  loadingLab: '실습을 불러오는 중…',
  language: '언어',
  labs: {
    gates: {
      title: '논리 게이트',
      blurb: '강의의 MLP 클래스: AND, OR, XOR에서 단층 퍼셉트론과 다층 퍼셉트론(MLP)을 비교합니다.',
    },
    tensors: {
      title: '텐서',
      blurb:
        '강의의 텐서 부분: 직접 입력한 값에 tf.constant, tf.cast, tf.convert_to_tensor를 적용하고 shape, rank, dtype과 그림을 봅니다.',
    },
    fashion: {
      title: 'Fashion-MNIST',
      blurb:
        '강의의 ImageClassifier: 옷 이미지 70,000장을 살펴보고, 분류기를 학습시키고, 예측을 평가합니다.',
    },
    descent: {
      title: '경사 하강법',
      blurb:
        '확률적(SGD), 미니배치, 배치 경사 하강법을 나란히: 같은 신경망, 같은 데이터, 같은 초기 가중치로 학습하고 업데이트 한 번의 비용을 비교합니다.',
    },
    runs: {
      title: '실행 기록',
      blurb:
        '모든 실습의 모든 학습 실행이 이 브라우저에 보관됩니다: 한 그래프에서 비교하고, 이름과 색을 바꾸고, 삭제하고, CSV나 JSON으로 내보내세요.',
    },
  },
};
