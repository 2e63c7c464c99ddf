import { describe, expect, test } from 'vitest';
import { fashionPython, gatesPython } from './python';
import { FASHION_CASES, GATE_CASES } from './testing/cases';
import { hasPython, pyCompile } from './testing/run';

const programs = [
  ...Object.entries(GATE_CASES).map(([name, s]) => [`gates: ${name}`, gatesPython(s)] as const),
  ...Object.entries(FASHION_CASES).map(
    ([name, s]) => [`fashion: ${name}`, fashionPython(s)] as const,
  ),
];

describe.skipIf(!hasPython)(
  `the generated Python compiles${hasPython ? '' : ' (skipped: needs python3)'}`,
  () => {
    test.each(programs)('%s', (_, source) => {
      const result = pyCompile(source);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    });

    test('py_compile does reject a broken program', () => {
      const broken = gatesPython(GATE_CASES.lecture!).replace(
        'def build_model(self):',
        'def build_model(self)',
      );
      const result = pyCompile(broken);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('SyntaxError');
    });
  },
);
