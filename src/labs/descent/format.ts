type NumberFormat = (value: number, options?: Intl.NumberFormatOptions) => string;

/**
 * A duration as the stats table shows it, precise where it is short: "8 µs", "0.31 ms", "270 ms",
 * "1.37 s", "2 min 5 s". `minutes` words the last form in the page's language.
 */
export function formatDuration(
  ms: number,
  number: NumberFormat,
  minutes: (m: number, s: number) => string,
): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 0.1) return `${number(Math.max(1, Math.round(ms * 1000)))} µs`;
  if (ms < 10) return `${number(ms, { maximumSignificantDigits: 2 })} ms`;
  if (ms < 1000) return `${number(Math.round(ms))} ms`;
  if (ms < 60_000) return `${number(ms / 1000, { maximumSignificantDigits: 3 })} s`;
  const total = Math.round(ms / 1000);
  return minutes(Math.floor(total / 60), total % 60);
}

/** A loss with three decimals (small ones in scientific notation), or a dash. */
export function formatLoss(loss: number | null): string {
  if (loss === null || Number.isNaN(loss)) return '–';
  if (!Number.isFinite(loss)) return String(loss);
  return loss !== 0 && Math.abs(loss) < 0.001 ? loss.toExponential(1) : loss.toFixed(3);
}
