import type { backend as en } from '../en/backend';
import type { Translation } from '../types';

export const backend: Translation<typeof en> = {
  label: '백엔드',
  choices: {
    auto: 'auto (측정해서 가장 빠른 것)',
    webgl: 'WebGL (GPU)',
    wasm: 'WebAssembly',
    cpu: 'CPU (순수 JavaScript)',
  },
  measuring: '백엔드 측정 중…',
  trainingOn: '{{backend}}에서 학습 중',
  warmingUp: '아직 시작 전 (wasm을 미리 시작하는 중…)',
  notStarted: '아직 시작 전',
  gpu: 'GPU: {{renderer}}',
  softwareGpu: '소프트웨어 WebGL(GPU 없음): {{renderer}}',
  noWebgl: 'WebGL 없음: {{renderer}}',
  wasmThreads: 'WebAssembly: 스레드 {{count}}개',
  wasmOneThread:
    'WebAssembly: 스레드 1개 (서버가 교차 출처 격리 헤더를 보내지 않아 코어를 더 쓸 수 없습니다)',
  auto: 'auto: {{reason}}',
  chosenByYou: '직접 선택함',
  fastest: '측정 결과 가장 빠름 ({{timing}})',
  quickRun:
    '{{backend}}에서 전체 학습이 약 {{ms}} ms면 끝나므로 ({{timing}}) 다른 백엔드는 측정하지 않음',
  webglUnavailable: 'WebGL 사용 불가',
  webglSkipped: 'WebGL 건너뜀: 소프트웨어 렌더러, GPU 없음',
  onlySoftwareWebgl: '여기서 작동하는 백엔드는 소프트웨어 WebGL뿐입니다',
  failedToStart: '{{backend}} 시작 실패',
  failedWith: '{{backend}} 실패: {{error}}',
  noneCouldTrain: '이 모델을 학습할 수 있는 백엔드가 없습니다: {{failures}}',
  choiceFailed: '{{choice}} 시작 실패 → 대신 {{backend}}에서 학습',
  noneStarted: '이 브라우저에서는 tfjs 백엔드를 하나도 시작할 수 없습니다.',
  restarted: '{{failed}} 작동 중단({{why}}) → {{backend}}에서 다시 시작',
  noneLeft: '{{failed}} 작동 중단({{why}}): 시작할 수 있는 다른 백엔드가 없습니다.',
  contextLost: 'WebGL 컨텍스트를 잃었습니다',
  stepFailed: '학습 단계가 실패했습니다',
};
