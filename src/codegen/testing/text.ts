/**
 * Test helpers for reading generated code. Not part of the app.
 */
import { expect } from 'vitest';

/** Joins calls wrapped over several lines (`f(a,\n    b)` → `f(a, b)`), so lines compare one to one. */
export function flatCalls(code: string): string {
  return code.replace(/,\n\s+/g, ', ');
}

/** The code's lines, calls unwrapped and indentation dropped, without blank lines and comments. */
export function codeLines(code: string): string[] {
  return flatCalls(code)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('//'));
}

/** Asserts that every expected line is a line of the code, in this order (other lines may come between). */
export function expectLinesInOrder(code: string, expected: readonly string[]): void {
  const lines = codeLines(code);
  let at = -1;
  for (const line of expected) {
    const found = lines.indexOf(line.trim(), at + 1);
    expect(
      found,
      `line not found (in order, after line ${at + 1}): ${line.trim()}`,
    ).toBeGreaterThan(at);
    at = found;
  }
}
