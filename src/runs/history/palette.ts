import { schemeTableau10 } from 'd3-scale-chromatic';

/** Tableau 10: ten colours chosen to stay apart for colour-blind eyes too. */
export const RUN_COLORS: readonly string[] = schemeTableau10;

let next = 0;

/** The next default colour: consecutive runs (the two models of one gates run) never share one. */
export function nextRunColor(): string {
  return RUN_COLORS[next++ % RUN_COLORS.length]!;
}

/**
 * Continues the cycle after `recorded` runs, so runs recorded after a reload do not start again
 * at the first colour; the history calls it with its record count when it opens.
 */
export function continueRunColors(recorded: number): void {
  next = Math.max(next, recorded);
}
