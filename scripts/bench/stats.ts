// The few statistics the benchmark reports: medians, ranges, percentiles and
// ratios against the peer. Pure.

/** The run with the median `value` (the upper one of an even count), and the lowest and highest value. */
export function medianRun<T>(results: readonly T[], value: (result: T) => number): { median: T; range: [number, number] } {
  const sorted = [...results].sort((left, right) => value(left) - value(right));
  const [median, lowest, highest] = [sorted[Math.floor(sorted.length / 2)], sorted[0], sorted.at(-1)];
  if (median === undefined || lowest === undefined || highest === undefined) throw new Error('a series needs at least one run');
  return { median, range: [value(lowest), value(highest)] };
}

/** The median of some numbers and their range. */
export interface Spread {
  median: number;
  range: [number, number];
}

export function spread(values: readonly number[]): Spread {
  const { median, range } = medianRun(values, (value) => value);
  return { median, range };
}

/** The value below which `fraction` of the values lie (nearest rank). */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** A ratio as the tables print it, to two decimals. */
export const ratioText = (ratio: number): string => ratio.toFixed(2);

/**
 * Whether `ours / peer` keeps within `maxRatio`, compared as printed (two
 * decimals), so a budget set from a printed ratio holds for the figures it
 * was read from.
 * @example withinRatio(19_070, 52_728, 0.36) // true: 0.3617 prints as 0.36
 */
export function withinRatio(ours: number, peer: number, maxRatio: number): boolean {
  return Number(ratioText(ours / peer)) <= maxRatio;
}
