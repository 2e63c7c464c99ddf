import type { repair as en } from '../en/repair';
import type { Translation } from '../types';

export const repair: Translation<typeof en> = {
  title: '링크의 설정 중 올바르지 않은 값이 있어 바꿨습니다:',
  hiddenLayer: '(은닉층 {{layer}})',
  nothing: '없음',
  notANumber: '숫자가 아닌 값',
  notAnObject: '객체가 와야 하는데 {{was}}입니다 → 기본값 사용',
  belowMin: '{{was}}: 최솟값 {{min}}보다 작습니다 → {{min}} 사용',
  aboveMax: '{{was}}: 최댓값 {{max}}보다 큽니다 → {{max}} 사용',
  tooManyEntries: '항목 {{length}}개: 최대 {{max}}개까지 허용 → 앞의 {{max}}개 사용',
  notWhole: '{{was}}: 정수가 아닙니다 → {{rounded}} 사용',
  invalid: '{{was}}: 올바른 값이 아닙니다({{reason}}) → {{value}} 사용',
  invalidUsingDefaults: '{{reason}} → 기본값 사용',
  unrepairable: '고칠 수 없습니다 → 기본값 사용',
  notAnOptimizer: '"{{value}}": 옵티마이저가 아닙니다 → {{fallback}} 사용',
  notAGate: '"{{value}}": 게이트가 아닙니다 → {{fallback}} 사용',
  notAFunction: '"{{value}}": 여기서 쓸 수 있는 함수가 아닙니다 → {{fallback}} 사용',
  notADtype: '"{{value}}": 여기서 쓸 수 있는 dtype이 아닙니다 → {{fallback}} 사용',
  castNeedsDtype: 'tf.cast에는 dtype이 필요합니다 → float32 사용',
  notANumberUsing: '"{{value}}": 숫자가 아닙니다 → {{fallback}} 사용',
  outside: '{{value}}: {{min}}–{{max}} 범위 밖입니다 → {{fixed}} 사용',
};
