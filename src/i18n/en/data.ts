/** What the data layer says (src/data/): the tensor-value parser, the IDX files, Fashion-MNIST. */
export const data = {
  tensorText: {
    column: 'column {{column}}',
    lineColumn: 'line {{line}}, column {{column}}',
    wholeValue: 'the whole value',
    oneElement: '{{n, number}} element',
    elements: '{{n, number}} elements',
    empty:
      'Type a value: a number such as 1.7, True or False, or a nested list such as [[0, 0], [0, 1]].',
    unbalancedClose: 'Unbalanced brackets: the ] at {{where}} has no [ to close.',
    unbalancedOpen: 'Unbalanced brackets: the [ at {{where}} is never closed (a ] is missing).',
    unbalancedOpenMany:
      'Unbalanced brackets: the [ at {{where}} is never closed ({{missing}} ] are missing at the end).',
    commaAfter:
      'A comma after the value at {{where}}: to make a list of several values, put them in [ ], e.g. [1, 2].',
    extraText:
      'Extra text after the value at {{where}}: to make a list of several values, put them all in one pair of [ ].',
    raggedEmpty:
      'Ragged array: {{path}} is a list (at {{where}}), but {{empty}} is empty. Every element at the same depth must be alike: all numbers, or all lists of the same length.',
    raggedNumber:
      'Ragged array: {{path}} is a number (at {{where}}), but {{ref}} is a list. Every element at the same depth must be alike: all numbers, or all lists of the same length.',
    raggedList:
      'Ragged array: {{path}} is a list (at {{where}}), but {{ref}} is a number. Every element at the same depth must be alike: all numbers, or all lists of the same length.',
    raggedRow:
      'Ragged array: row {{path}} has {{elements}}, but row {{ref}} has {{expected}} (the list starts at {{where}}). Every list at the same depth must have the same length: a tensor is a box, not a ragged list.',
    raggedLength:
      'Ragged array: list {{path}} has {{elements}}, but list {{ref}} has {{expected}} (the list starts at {{where}}). Every list at the same depth must have the same length: a tensor is a box, not a ragged list.',
    tooDeep:
      'Too deep: the [ at {{where}} nests lists {{depth}} levels deep; this lab draws tensors up to rank {{max}}.',
    unexpectedComma: 'Unexpected comma at {{where}}: a value is missing before it.',
    unexpectedChar: 'Unexpected {{char}} at {{where}}: expected a comma or a ].',
    tooLarge:
      'Too large: this value has {{total, number}} elements; the limit here is {{limit, number}}. Try a smaller tensor.',
    tooLong: 'The number at {{where}} is too long.',
    string:
      'Text in quotes at {{where}} is a string: this lab makes tensors of numbers and True/False only.',
    roundBracket:
      'Unexpected {{char}} at {{where}}: write lists with square brackets, e.g. [[0, 0], [0, 1]].',
    notANumber: '"{{token}}" at {{where}} is not a number. Numbers look like 1, -2.5, .5 or 1e-3.',
    notANumberName:
      '"{{token}}" at {{where}} is not a number. Type only the value (numbers, True/False and [ ]), not a name or a call. Numbers look like 1, -2.5, .5 or 1e-3.',
  },
  idx: {
    problem: '{{file}}: {{problem}}',
    types: {
      uint8: 'unsigned bytes',
      int8: 'signed bytes',
      int16: '16-bit integers',
      int32: '32-bit integers',
      float32: '32-bit floats',
      float64: '64-bit floats',
      unknown: 'an unknown IDX type',
    },
    gzipTruncated: 'is not a valid gzip file (truncated: only {{bytes}} bytes)',
    gzipCorrupt: 'is not a valid gzip file (corrupted or truncated: {{reason}})',
    looksLikeText:
      'starts with "{{start}}": a text or HTML page, not an IDX file (wrong URL, or a server that answers unknown paths with a page?)',
    badMagic: 'starts with {{hex}}, not the IDX magic 00 00',
    tooShort: 'is {{bytes}} bytes long, too short for an IDX header',
    wrongType: 'holds {{type}} (type 0x{{hex}}); only unsigned bytes (0x08) are supported',
    wrongRank: 'has {{rank}} dimensions, expected {{expected}}',
    headerTruncated:
      'header is truncated: {{rank}} dimensions need {{header}} bytes, found {{bytes}}',
    wrongDim: 'dimension {{dim}} is {{size}}, expected {{want}} (shape {{shape}})',
    wrongSize:
      'should be {{want}} bytes ({{header}}-byte header + {{dims}} values), found {{bytes}}: {{what}}',
    truncated: 'truncated',
    trailing: '{{extra}} trailing bytes',
  },
  fashion: {
    noImages: 'holds no images',
    labelCount: 'holds {{labels}} labels but {{imagesFile}} holds {{images}} images',
    badLabel: 'label {{label}} at index {{index}} is not a class (0–{{max}})',
    networkError: 'network error ({{error}})',
    webPage: 'the server answered with a web page: the file is not there',
    fileWhy: '{{file}} ({{why}})',
    notFoundAt: 'Fashion-MNIST files not found at {{base}}/: {{list}}',
    downloadFailed: '{{file}}: the download failed ({{error}})',
    unreadable: '{{file}}: could not be read ({{error}})',
    needsFour: 'Fashion-MNIST needs its four files ({{files}}); {{problems}}',
    missing: 'missing: {{files}}',
    ambiguous: 'more than one file for {{file}}: {{candidates}}',
    extra: 'not Fashion-MNIST files: {{files}}',
  },
};
