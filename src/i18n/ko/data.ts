import type { data as en } from '../en/data';
import type { Translation } from '../types';

export const data: Translation<typeof en> = {
  tensorText: {
    column: '{{column}}번째 글자',
    lineColumn: '{{line}}번째 줄 {{column}}번째 글자',
    wholeValue: '값 전체',
    oneElement: '원소 {{n, number}}개',
    elements: '원소 {{n, number}}개',
    empty: '값을 입력하세요: 1.7 같은 숫자, True나 False, 또는 [[0, 0], [0, 1]] 같은 중첩 리스트.',
    unbalancedClose: '괄호 짝이 맞지 않습니다: {{where}}의 ]와 짝을 이루는 [가 없습니다.',
    unbalancedOpen: '괄호 짝이 맞지 않습니다: {{where}}의 [가 닫히지 않았습니다(]가 하나 빠짐).',
    unbalancedOpenMany:
      '괄호 짝이 맞지 않습니다: {{where}}의 [가 닫히지 않았습니다(끝에 ]가 {{missing}}개 빠짐).',
    commaAfter:
      '{{where}}: 값 뒤에 쉼표가 있습니다. 값 여러 개로 리스트를 만들려면 [1, 2]처럼 [ ] 안에 넣으세요.',
    extraText:
      '{{where}}: 값 뒤에 다른 글자가 있습니다. 값 여러 개로 리스트를 만들려면 모두 한 쌍의 [ ] 안에 넣으세요.',
    raggedEmpty:
      '고르지 않은 배열: {{path}}({{where}}) 자리에는 리스트가 있는데 {{empty}} 자리는 빈 리스트입니다. 같은 깊이의 원소는 모두 숫자이거나, 모두 길이가 같은 리스트여야 합니다.',
    raggedNumber:
      '고르지 않은 배열: {{path}}({{where}}) 자리에는 숫자가, {{ref}} 자리에는 리스트가 있습니다. 같은 깊이의 원소는 모두 숫자이거나, 모두 길이가 같은 리스트여야 합니다.',
    raggedList:
      '고르지 않은 배열: {{path}}({{where}}) 자리에는 리스트가, {{ref}} 자리에는 숫자가 있습니다. 같은 깊이의 원소는 모두 숫자이거나, 모두 길이가 같은 리스트여야 합니다.',
    raggedRow:
      '고르지 않은 배열: 행 {{path}}에는 {{elements}}, 행 {{ref}}에는 {{expected}}개가 있습니다({{where}}에서 시작하는 리스트). 같은 깊이의 리스트는 길이가 모두 같아야 합니다. 텐서는 들쭉날쭉한 리스트가 아니라 반듯한 상자입니다.',
    raggedLength:
      '고르지 않은 배열: 리스트 {{path}}에는 {{elements}}, 리스트 {{ref}}에는 {{expected}}개가 있습니다({{where}}에서 시작하는 리스트). 같은 깊이의 리스트는 길이가 모두 같아야 합니다. 텐서는 들쭉날쭉한 리스트가 아니라 반듯한 상자입니다.',
    tooDeep:
      '너무 깊습니다: {{where}}의 [에서 리스트가 {{depth}}단계로 중첩됩니다. 이 실습은 rank {{max}}까지의 텐서를 그립니다.',
    unexpectedComma: '{{where}}: 뜻밖의 쉼표입니다. 그 앞에 값이 빠졌습니다.',
    unexpectedChar: '{{where}}: 뜻밖의 {{char}}. 쉼표나 ]가 와야 합니다.',
    tooLarge:
      '너무 큽니다: 이 값의 원소는 {{total, number}}개이고, 한도는 {{limit, number}}개입니다. 더 작은 텐서로 해 보세요.',
    tooLong: '{{where}}의 숫자가 너무 깁니다.',
    string:
      '{{where}}: 따옴표 안의 글은 문자열입니다. 이 실습은 숫자와 True/False로만 텐서를 만듭니다.',
    roundBracket: '{{where}}: 뜻밖의 {{char}}. 리스트는 [[0, 0], [0, 1]]처럼 대괄호로 쓰세요.',
    notANumber:
      '{{where}}: "{{token}}": 숫자가 아닙니다. 숫자는 1, -2.5, .5, 1e-3 같은 모양입니다.',
    notANumberName:
      '{{where}}: "{{token}}": 숫자가 아닙니다. 이름이나 함수 호출이 아니라 값(숫자, True/False, [ ])만 입력하세요. 숫자는 1, -2.5, .5, 1e-3 같은 모양입니다.',
  },
  idx: {
    problem: '{{file}}: {{problem}}',
    types: {
      uint8: '부호 없는 바이트',
      int8: '부호 있는 바이트',
      int16: '16비트 정수',
      int32: '32비트 정수',
      float32: '32비트 부동소수점',
      float64: '64비트 부동소수점',
      unknown: '알 수 없는 IDX 형식',
    },
    gzipTruncated: '올바른 gzip 파일이 아닙니다(잘림: {{bytes}}바이트뿐)',
    gzipCorrupt: '올바른 gzip 파일이 아닙니다(손상되었거나 잘림: {{reason}})',
    looksLikeText:
      '시작 부분이 "{{start}}"입니다: IDX 파일이 아니라 텍스트나 HTML 페이지입니다(URL이 틀렸거나, 없는 경로에 페이지로 답하는 서버일까요?)',
    badMagic: '시작 바이트가 {{hex}}입니다: IDX 파일의 시작 표시 00 00이 아닙니다',
    tooShort: '{{bytes}}바이트뿐이라 IDX 헤더보다 짧습니다',
    wrongType: '{{type}} 데이터입니다(형식 0x{{hex}}). 부호 없는 바이트(0x08)만 읽을 수 있습니다',
    wrongRank: '차원이 {{rank}}개입니다. {{expected}}개여야 합니다',
    headerTruncated:
      '헤더가 잘렸습니다: 차원 {{rank}}개에는 {{header}}바이트가 필요한데 {{bytes}}바이트뿐입니다',
    wrongDim: '{{dim}}번째 차원의 크기가 {{size}}입니다(기대값 {{want}}, shape {{shape}})',
    wrongSize:
      '{{want}}바이트여야 하는데({{header}}바이트 헤더 + 값 {{dims}}개) {{bytes}}바이트입니다: {{what}}',
    truncated: '잘림',
    trailing: '뒤에 {{extra}}바이트가 더 있음',
  },
  fashion: {
    noImages: '이미지가 없습니다',
    labelCount: '레이블이 {{labels}}개인데 {{imagesFile}}의 이미지는 {{images}}개입니다',
    badLabel: '인덱스 {{index}}의 레이블 값 {{label}}: 클래스가 아닙니다(0–{{max}})',
    networkError: '네트워크 오류({{error}})',
    webPage: '서버가 웹 페이지로 답했습니다: 파일이 없습니다',
    fileWhy: '{{file}} ({{why}})',
    notFoundAt: '{{base}}/에서 Fashion-MNIST 파일을 찾을 수 없습니다: {{list}}',
    downloadFailed: '{{file}}: 다운로드 실패({{error}})',
    unreadable: '{{file}}: 읽을 수 없습니다({{error}})',
    needsFour: 'Fashion-MNIST에는 파일 네 개가 필요합니다({{files}}). {{problems}}',
    missing: '없는 파일: {{files}}',
    ambiguous: '{{file}}에 해당하는 파일이 여럿입니다: {{candidates}}',
    extra: 'Fashion-MNIST 파일이 아님: {{files}}',
  },
};
