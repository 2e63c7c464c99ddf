/**
 * Reads a tensor value typed the way the lecture writes it in Python (`[[0.0, 0.0], [0.0, 1.0]]`,
 * `1.7`, `[True, False]`) into flat row-major values and a shape, or says clearly what is wrong
 * and where. Pure TypeScript: no tfjs, no React.
 *
 * Accepted: nested `[ ]` lists up to a depth of `maxRank`, numbers (`-2`, `1.5`, `.5`, `1.`,
 * `1e-3`, `1_000`), `True`/`False`/`true`/`false`, trailing commas, any whitespace. Elements are
 * separated by commas, or by whitespace alone as numpy prints them (`[[0. 0.] [0. 1.]]`).
 * The element count is checked while reading, so a huge value is never built.
 */
import { message, type Message, type MessageValue } from '../engine/message';

export type ValueKind = 'int' | 'float' | 'bool';

export interface ParsedTensor {
  /** The elements, row-major (the last axis varies fastest); True/False as 1/0. */
  values: number[];
  shape: number[];
  /**
   * What TensorFlow infers: `bool` when the first element is True/False, otherwise `float`
   * when any element is written as a float, otherwise `int`. An empty value is `float`.
   */
  kind: ValueKind;
  /** Which kinds of literal the text holds (TensorFlow rejects bools mixed with numbers). */
  has: Record<ValueKind, boolean>;
}

export type TensorTextErrorKind =
  'empty' | 'unbalanced' | 'ragged' | 'not-a-number' | 'syntax' | 'too-deep' | 'too-large';

export interface TensorTextError {
  kind: TensorTextErrorKind;
  /** A full sentence for the student, with the place (line and column) in it. */
  message: Message;
  /** Where in the text (0-based character offset), and as line and column (1-based). */
  offset: number;
  line: number;
  column: number;
  /** The index path of the list or element at fault (ragged arrays), e.g. [1] or [0, 2]. */
  path?: number[];
}

export type TensorTextResult =
  { ok: true; tensor: ParsedTensor } | { ok: false; error: TensorTextError };

export const MAX_ELEMENTS = 100_000;
export const MAX_RANK = 6;
/** Longer "numbers" are certainly a mistake; this also bounds the work per token. */
const MAX_TOKEN = 100;

export interface ParseOptions {
  maxElements?: number;
  maxRank?: number;
}

const NUMBER =
  /[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_.]*/y;
const BOOLS: Record<string, number> = { True: 1, False: 0, true: 1, false: 0 };

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
/** Characters that end a number or a word. */
const isDelimiter = (c: number) =>
  Number.isNaN(c) || isSpace(c) || c === 44 || c === 91 || c === 93; // , [ ]

/** `[1][0]`-style path, the way Python indexes a nested list. */
function formatPath(path: readonly number[]): MessageValue {
  return path.length === 0
    ? message('data.tensorText.wholeValue')
    : path.map((i) => `[${i}]`).join('');
}

function elements(n: number): Message {
  return message(n === 1 ? 'data.tensorText.oneElement' : 'data.tensorText.elements', { n });
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function where(text: string, offset: number): Message {
  const { line, column } = lineColumn(text, offset);
  const multiLine = text.includes('\n');
  return multiLine
    ? message('data.tensorText.lineColumn', { line, column })
    : message('data.tensorText.column', { column });
}

class Failure extends Error {
  constructor(readonly error: TensorTextError) {
    super(error.message.key);
  }
}

function fail(
  text: string,
  kind: TensorTextErrorKind,
  offset: number,
  said: Message,
  path?: readonly number[],
): never {
  const { line, column } = lineColumn(text, offset);
  throw new Failure({
    kind,
    message: said,
    offset,
    line,
    column,
    ...(path ? { path: [...path] } : {}),
  });
}

/**
 * The first bracket that has no partner, if any: a `]` with no `[` before it, or the `[` left
 * open at the end. Used to explain structural errors whose real cause is a missing bracket.
 */
export function findUnbalanced(text: string): TensorTextError | null {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91) open.push(i);
    else if (c === 93 && open.pop() === undefined) {
      return unbalancedError(text, i, 'close');
    }
  }
  const last = open.pop();
  return last === undefined ? null : unbalancedError(text, last, 'open', open.length + 1);
}

function unbalancedError(
  text: string,
  offset: number,
  side: 'open' | 'close',
  missing = 1,
): TensorTextError {
  const { line, column } = lineColumn(text, offset);
  const at = where(text, offset);
  const said =
    side === 'close'
      ? message('data.tensorText.unbalancedClose', { where: at })
      : missing > 1
        ? message('data.tensorText.unbalancedOpenMany', { where: at, missing })
        : message('data.tensorText.unbalancedOpen', { where: at });
  return { kind: 'unbalanced', message: said, offset, line, column };
}

/** Counts the elements of a (possibly huge) value from `from` on, without building anything. */
function countTokens(text: string, from: number): number {
  let count = 0;
  let inToken = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const separator = isSpace(c) || c === 44 || c === 91 || c === 93;
    if (!separator && !inToken) count++;
    inToken = !separator;
  }
  return count;
}

class Parser {
  private pos = 0;
  private readonly values: number[] = [];
  /** Length of the lists at each depth, set by the first list that closes at that depth. */
  private readonly shape: number[] = [];
  /** Depth of the elements; known from the first element (or the first empty list). */
  private rank: number | undefined;
  /** Set when an empty list fixed the rank: that list, for the messages. */
  private emptyPath: number[] | undefined;
  private firstKind: ValueKind | undefined;
  private readonly has: Record<ValueKind, boolean> = { int: false, float: false, bool: false };
  private readonly path: number[] = [];

  constructor(
    private readonly text: string,
    private readonly maxElements: number,
    private readonly maxRank: number,
  ) {}

  parse(): ParsedTensor {
    this.skipSpace();
    if (this.pos >= this.text.length) {
      fail(this.text, 'empty', 0, message('data.tensorText.empty'));
    }
    this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.trailing();
    const kind: ValueKind =
      this.firstKind === 'bool' ? 'bool' : this.has.float || !this.has.int ? 'float' : 'int';
    return { values: this.values, shape: this.shape, kind, has: { ...this.has } };
  }

  private peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  private skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos > start;
  }

  private trailing(): never {
    const c = this.peek();
    if (c === 93) fail(this.text, 'unbalanced', this.pos, unbalancedAt(this.text, this.pos));
    if (c === 44) {
      fail(
        this.text,
        'syntax',
        this.pos,
        message('data.tensorText.commaAfter', { where: where(this.text, this.pos) }),
      );
    }
    fail(
      this.text,
      'syntax',
      this.pos,
      message('data.tensorText.extraText', { where: where(this.text, this.pos) }),
    );
  }

  /** A structural error; if a bracket is missing somewhere, that is the better explanation. */
  private structure(offset: number, said: Message): never {
    const unbalanced = findUnbalanced(this.text);
    if (unbalanced) throw new Failure(unbalanced);
    fail(this.text, 'ragged', offset, said, this.path);
  }

  private value(depth: number): void {
    const c = this.peek();
    if (c === 91) return this.list(depth);
    if (c === 93) fail(this.text, 'unbalanced', this.pos, unbalancedAt(this.text, this.pos));
    if (this.rank !== undefined && depth !== this.rank) this.mismatch(this.pos, 'number');
    this.rank = depth;
    this.scalar();
  }

  /** A number where the first elements are lists, or a list where they are numbers. */
  private mismatch(offset: number, found: 'number' | 'list'): never {
    const at = where(this.text, offset);
    const path = formatPath(this.path);
    if (found === 'list' && this.emptyPath) {
      this.structure(
        offset,
        message('data.tensorText.raggedEmpty', {
          path,
          where: at,
          empty: formatPath(this.emptyPath),
        }),
      );
    }
    const ref = formatPath(this.path.map(() => 0));
    this.structure(
      offset,
      message(found === 'number' ? 'data.tensorText.raggedNumber' : 'data.tensorText.raggedList', {
        path,
        where: at,
        ref,
      }),
    );
  }

  private list(depth: number): void {
    const open = this.pos;
    if (depth >= this.maxRank) {
      fail(
        this.text,
        'too-deep',
        open,
        message('data.tensorText.tooDeep', {
          where: where(this.text, open),
          depth: depth + 1,
          max: this.maxRank,
        }),
      );
    }
    if (this.rank !== undefined && depth >= this.rank) this.mismatch(open, 'list');
    this.pos++;
    let count = 0;
    this.skipSpace();
    while (this.peek() !== 93) {
      if (this.pos >= this.text.length) this.neverClosed(open);
      if (this.peek() === 44) {
        fail(
          this.text,
          'syntax',
          this.pos,
          message('data.tensorText.unexpectedComma', { where: where(this.text, this.pos) }),
        );
      }
      this.path.push(count);
      this.value(depth + 1);
      this.path.pop();
      count++;
      const spaced = this.skipSpace();
      const c = this.peek();
      if (c === 44) {
        this.pos++;
        this.skipSpace();
      } else if (c !== 93 && this.pos < this.text.length && !spaced) {
        fail(
          this.text,
          'syntax',
          this.pos,
          message('data.tensorText.unexpectedChar', {
            char: describeChar(this.text, this.pos),
            where: where(this.text, this.pos),
          }),
        );
      }
    }
    this.pos++;
    this.closeList(depth, count, open);
  }

  private neverClosed(open: number): never {
    const unbalanced = findUnbalanced(this.text);
    throw new Failure(unbalanced ?? unbalancedError(this.text, open, 'open'));
  }

  private closeList(depth: number, count: number, open: number): void {
    // An empty list ends the nesting: its elements would sit one level down. (A wrong empty list
    // elsewhere is caught by the length check below.)
    if (count === 0 && this.rank === undefined) {
      this.rank = depth + 1;
      this.emptyPath = [...this.path];
    }
    const expected = this.shape[depth];
    if (expected === undefined) {
      this.shape[depth] = count;
    } else if (expected !== count) {
      const ref = formatPath(this.path.map(() => 0));
      const row = depth === (this.rank ?? 0) - 1;
      this.structure(
        open,
        message(row ? 'data.tensorText.raggedRow' : 'data.tensorText.raggedLength', {
          path: formatPath(this.path),
          elements: elements(count),
          ref,
          expected,
          where: where(this.text, open),
        }),
      );
    }
  }

  private scalar(): void {
    const start = this.pos;
    if (this.values.length >= this.maxElements) {
      const total = this.maxElements + countTokens(this.text, start);
      fail(
        this.text,
        'too-large',
        start,
        message('data.tensorText.tooLarge', { total, limit: this.maxElements }),
      );
    }
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(this.text);
    if (number && isDelimiter(this.text.charCodeAt(NUMBER.lastIndex))) {
      const token = number[0];
      if (token.length > MAX_TOKEN) {
        fail(
          this.text,
          'not-a-number',
          start,
          message('data.tensorText.tooLong', { where: where(this.text, start) }),
        );
      }
      this.pos = NUMBER.lastIndex;
      const kind: ValueKind = /[.eE]/.test(token) ? 'float' : 'int';
      this.add(Number(token.replace(/_/g, '')), kind);
      return;
    }
    WORD.lastIndex = start;
    const word = WORD.exec(this.text);
    if (word && isDelimiter(this.text.charCodeAt(WORD.lastIndex))) {
      const bool = BOOLS[word[0]];
      if (bool !== undefined) {
        this.pos = WORD.lastIndex;
        this.add(bool, 'bool');
        return;
      }
    }
    this.notANumber(start);
  }

  private add(value: number, kind: ValueKind): void {
    this.firstKind ??= kind;
    this.has[kind] = true;
    this.values.push(value);
  }

  private notANumber(start: number): never {
    const c = this.text[start]!;
    const at = where(this.text, start);
    if (c === '"' || c === "'") {
      fail(this.text, 'not-a-number', start, message('data.tensorText.string', { where: at }));
    }
    if (c === '(' || c === ')' || c === '{' || c === '}') {
      fail(
        this.text,
        'syntax',
        start,
        message('data.tensorText.roundBracket', { char: c, where: at }),
      );
    }
    let end = start;
    while (end < this.text.length && end - start < 40 && !isDelimiter(this.text.charCodeAt(end)))
      end++;
    const token = this.text.slice(start, end);
    const name = /^[A-Za-z_]/.test(token);
    fail(
      this.text,
      'not-a-number',
      start,
      message(name ? 'data.tensorText.notANumberName' : 'data.tensorText.notANumber', {
        token,
        where: at,
      }),
    );
  }
}

function unbalancedAt(text: string, offset: number): Message {
  return unbalancedError(text, offset, 'close').message;
}

function describeChar(text: string, offset: number): string {
  const c = text[offset]!;
  return c === '[' ? '[' : `"${c}"`;
}

/** Parses the text of a tensor value; see the file comment for what is accepted. */
export function parseTensorText(text: string, options: ParseOptions = {}): TensorTextResult {
  const { maxElements = MAX_ELEMENTS, maxRank = MAX_RANK } = options;
  try {
    return { ok: true, tensor: new Parser(text, maxElements, maxRank).parse() };
  } catch (err) {
    if (err instanceof Failure) return { ok: false, error: err.error };
    throw err;
  }
}

/** The line of the error with a caret under the column, cut to `width` characters around it. */
export function errorExcerpt(
  text: string,
  error: Pick<TensorTextError, 'offset'>,
  width = 60,
): string {
  const lineStart = text.lastIndexOf('\n', error.offset - 1) + 1;
  let lineEnd = text.indexOf('\n', error.offset);
  if (lineEnd < 0) lineEnd = text.length;
  const col = error.offset - lineStart;
  const from = Math.max(0, Math.min(col - Math.floor(width / 2), lineEnd - lineStart - width));
  const to = Math.min(lineEnd - lineStart, from + width);
  const prefix = from > 0 ? '…' : '';
  const suffix = lineStart + to < lineEnd ? '…' : '';
  const line = text.slice(lineStart + from, lineStart + to).replace(/\t/g, ' ');
  return `${prefix}${line}${suffix}\n${' '.repeat(prefix.length + col - from)}^`;
}
