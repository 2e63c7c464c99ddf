import { format, type Options } from 'prettier';
import { describe, expect, test } from 'vitest';
import projectConfig from '../../.prettierrc.json';
import { gatesFileBase } from './fileBase';
import { fashionTfjs, gatesTfjs } from './tfjs';
import { FASHION_CASES, GATE_CASES } from './testing/cases';

const prettierConfig = projectConfig as Options;

const programs = [
  ...Object.entries(GATE_CASES).map(([name, s]) => [`gates: ${name}`, gatesTfjs(s)] as const),
  ...Object.entries(FASHION_CASES).map(
    ([name, s]) => [`fashion: ${name}`, fashionTfjs(s)] as const,
  ),
];

describe('the generated JavaScript', () => {
  test.each(programs)(
    '%s: is laid out as Prettier lays it out (the project’s settings)',
    async (_, code) => {
      expect(await format(code, { ...prettierConfig, parser: 'babel' })).toBe(code);
    },
  );
});

describe('gatesFileBase', () => {
  test("names the file after the gate, as the lecture's exercise does (xor_classifier.py)", () => {
    expect(gatesFileBase({ gate: 'XOR' })).toBe('xor_classifier');
    expect(gatesFileBase({ gate: 'AND' })).toBe('and_classifier');
  });
});
