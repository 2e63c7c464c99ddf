import { jsLiteral, pythonLiteral } from './pythonText';
import { jsCall, pythonCall, type DTypeChoice, type TensorFn } from './tfRules';
import type { Outcome } from './useTensorOutcome';

const MAX_LITERAL = 100;

export interface Calls {
  /** `x = tf.constant([...])`: the line the student would write in Python. */
  python: string;
  /** `tf.constant([...])`: tf.cast's input. */
  input: string;
  /** The tfjs line this page runs, when it made a tensor. */
  js: string | null;
}

/** The typed text on one line, cut short: for values that did not parse. */
function compact(text: string): string {
  const head = text
    .slice(0, MAX_LITERAL + 20)
    .replace(/\s+/g, ' ')
    .trim();
  return head.length > MAX_LITERAL || text.length > MAX_LITERAL + 20
    ? `${head.slice(0, MAX_LITERAL)}…`
    : head;
}

/** The Python and tfjs code of what the page does with the value. */
export function calls(outcome: Outcome, text: string, fn: TensorFn, dtype: DTypeChoice): Calls {
  if (outcome.status === 'parse-error') {
    const literal = compact(text);
    return { python: pythonCall(literal, fn, dtype), input: `tf.constant(${literal})`, js: null };
  }
  const { values, shape, kind } = outcome.parsed;
  const literal = pythonLiteral(values, shape, kind, MAX_LITERAL);
  const calls: Calls = {
    python: pythonCall(literal, fn, dtype),
    input: `tf.constant(${literal})`,
    js: null,
  };
  if (outcome.status === 'made') {
    const { before, result } = outcome.made;
    const js = jsLiteral(values, shape, kind, MAX_LITERAL);
    calls.js = jsCall(js, shape, (before ?? result).dtype, before ? result.dtype : undefined);
  }
  return calls;
}
