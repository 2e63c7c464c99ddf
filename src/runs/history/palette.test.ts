import { expect, test } from 'vitest';
import { continueRunColors, nextRunColor, RUN_COLORS } from './palette';

test('default colours cycle through ten distinct ones, continuing after the runs recorded so far', () => {
  expect(new Set(RUN_COLORS).size).toBe(10);
  expect(nextRunColor()).toBe(RUN_COLORS[0]);
  continueRunColors(13);
  expect(nextRunColor()).toBe(RUN_COLORS[3]);
  expect(nextRunColor()).toBe(RUN_COLORS[4]);
  // Never backwards: a smaller count (another history opened) does not repeat colours.
  continueRunColors(2);
  expect(nextRunColor()).toBe(RUN_COLORS[5]);
});
