/** Medians with their spread, as every benchmark figure is reported. */

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** `{name: median, name_min, name_max}` of the values, rounded. */
export function spread(
  name: string,
  values: readonly number[],
  digits: number,
): Record<string, number | null> {
  if (values.length === 0) return { [name]: null, [`${name}_min`]: null, [`${name}_max`]: null };
  return {
    [name]: round(median(values), digits),
    [`${name}_min`]: round(Math.min(...values), digits),
    [`${name}_max`]: round(Math.max(...values), digits),
  };
}
