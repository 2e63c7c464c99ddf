/**
 * Classroom links, as TensorFlow Playground has them: `<control>_hide=true` in the query string
 * hides that control, so a teacher can share a lab in a fixed state with only today's controls.
 */
export const HIDE_SUFFIX = '_hide';

/** The names of the hidden controls in a query string. */
export function hiddenControls(params: URLSearchParams): ReadonlySet<string> {
  const hidden = new Set<string>();
  for (const [key, value] of params) {
    if (key.endsWith(HIDE_SUFFIX) && key.length > HIDE_SUFFIX.length && isTrue(value)) {
      hidden.add(key.slice(0, -HIDE_SUFFIX.length));
    }
  }
  return hidden;
}

function isTrue(value: string): boolean {
  return ['true', '1', ''].includes(value.trim().toLowerCase());
}

/** The same query string with exactly these controls hidden. */
export function withHiddenControls(
  params: URLSearchParams,
  hidden: Iterable<string>,
): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of params) if (!key.endsWith(HIDE_SUFFIX)) out.append(key, value);
  for (const name of [...new Set(hidden)].sort()) out.set(`${name}${HIDE_SUFFIX}`, 'true');
  return out;
}

/** The classroom part of a query string (hidden controls, language), kept when a tab changes. */
export function classroomParams(params: URLSearchParams): [string, string][] {
  return [...params].filter(([key]) => key.endsWith(HIDE_SUFFIX) || key === 'lang');
}
