/**
 * What a stored or imported run may hold. The store enforces the name and colour rules on rename
 * and recolour, and the import enforces all of them, so every record in the history passes them.
 */

export const MAX_NAME_LENGTH = 200;

/**
 * Hex colours (#rgb, #rrggbb, with alpha), CSS colour names and rgb()/hsl() forms: nothing that
 * could carry a `;`, a quote or a url() into a style.
 */
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|hsl)a?\([\d\s.,%/+-]{1,60}\))$/i;

export function isSafeColor(color: string): boolean {
  return SAFE_COLOR.test(color);
}

/** A name as the history keeps it: trimmed and capped; null when nothing is left. */
export function cleanName(name: string): string | null {
  const trimmed = name.trim().slice(0, MAX_NAME_LENGTH).trim();
  return trimmed === '' ? null : trimmed;
}
