import type { modelFiles as en } from '../en/modelFiles';
import type { Translation } from '../types';

export const modelFiles: Translation<typeof en> = {
  inputShape: '입력 shape이 다릅니다: 파일의 모델은 {{file}}, 이 모델은 {{model}}',
  noDense: '파일의 모델에 Dense 층이 없습니다',
  hidden: '은닉층이 다릅니다: 파일의 모델은 {{file}}, 이 모델은 {{model}}',
  activations: '은닉층 활성화 함수가 다릅니다: 파일의 모델은 {{file}}, 이 모델은 {{model}}',
  output: '출력층이 다릅니다: 파일의 모델은 {{file}}, 이 모델은 {{model}}',
  noJson: '모델 파일(.json)이 없습니다({{files}}): .json과 .weights.bin 파일을 함께 고르세요',
  chosenFiles: '고른 파일 없음',
  manyJson: '.json 파일이 둘 이상입니다({{files}}): 모델 하나의 .json과 .weights.bin을 고르세요',
  notJson: '{{file}}: 올바른 JSON이 아니므로 모델 파일이 아닙니다',
  notModel:
    '{{file}}: modelTopology나 weightsManifest가 없으므로 TensorFlow.js 모델 파일이 아닙니다',
  weightsMissing: '가중치 파일이 없습니다: {{file}} 파일과 함께 {{weights}} 파일도 고르세요',
  itsWeights: '해당 .weights.bin',
  weightsNotFound: '가중치 파일이 없습니다: {{files}}',
  wrongSize:
    '{{weights}}: {{got, number}}바이트인데 {{file}}에 적힌 크기는 {{want, number}}바이트입니다. 파일이 손상되었거나 다른 모델의 파일입니다',
  notLoadable: '{{file}}: 모델로 불러올 수 없습니다 ({{error}})',
  controls: {
    label: '모델 파일',
    download: '모델 다운로드',
    load: '모델 불러오기…',
    chooseBoth: '.json과 .weights.bin 파일을 함께 고르거나 여기에 끌어다 놓으세요',
    loading: '모델을 불러오는 중…',
    loadedFrom: '{{file}}에서 불러온 모델',
    downloadFailed: '모델을 다운로드할 수 없습니다: {{error}}',
    loadFailed: '모델을 불러올 수 없습니다: {{error}}',
  },
};
