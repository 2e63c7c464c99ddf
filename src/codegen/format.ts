/**
 * Small text helpers shared by the Python and JavaScript generators: literals and line layout.
 */

/** A number as a literal both Python and JavaScript read back to the same value: 0.1, 1e-7, 1500. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as a literal`);
  return String(value);
}

/** Python's `True` / `False`. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A count with thousands separators, for comments: 60,000. */
export function count(value: number): string {
  return value.toLocaleString('en');
}

/** Lines are wrapped past this width (the lecture's long one-line calls fit; its wrapped ones do not). */
export const MAX_WIDTH = 120;

/**
 * One call, `head(arg, arg)tail`, on one line when it fits in MAX_WIDTH, else with one argument per line
 * aligned under the first, as the lecture wraps its `Dense` calls.
 */
export function wrapCall(indent: string, head: string, args: readonly string[], tail = ''): string {
  const oneLine = `${indent}${head}(${args.join(', ')})${tail}`;
  if (oneLine.length <= MAX_WIDTH || args.length < 2) return oneLine;
  const pad = ' '.repeat(indent.length + head.length + 1);
  return args
    .map((arg, i) => {
      const start = i === 0 ? `${indent}${head}(` : pad;
      const end = i === args.length - 1 ? `)${tail}` : ',';
      return start + arg + end;
    })
    .join('\n');
}

/** `levels` levels of Python's four-space indentation. */
export function indent(levels: number): string {
  return '    '.repeat(levels);
}

/** Joins lines into a file's text with a final newline. */
export function file(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}
