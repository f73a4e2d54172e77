import { describe, expect, it } from 'vitest';
import { medianRun, percentile, ratioText, spread, withinRatio } from '../../scripts/bench/stats';

describe('medianRun and spread', () => {
  it('take the middle of an odd count and the range of all', () => {
    expect(spread([30, 10, 50, 20, 40])).toEqual({ median: 30, range: [10, 50] });
  });

  it('take the upper middle of an even count', () => {
    expect(spread([4, 1, 3, 2]).median).toBe(3);
  });

  it('return the whole run with the median value', () => {
    const runs = [{ id: 'a', seconds: 9 }, { id: 'b', seconds: 3 }, { id: 'c', seconds: 5 }];
    expect(medianRun(runs, (run) => run.seconds)).toEqual({ median: { id: 'c', seconds: 5 }, range: [3, 9] });
  });

  it('refuse an empty series', () => {
    expect(() => spread([])).toThrow('at least one run');
  });
});

describe('percentile', () => {
  it('is the nearest rank', () => {
    const values = [5, 1, 4, 2, 3, 10, 6, 9, 7, 8];
    expect(percentile(values, 0.5)).toBe(5);
    expect(percentile(values, 0.95)).toBe(10);
  });
});

describe('withinRatio', () => {
  it('compares the ratio as printed, to two decimals', () => {
    expect(ratioText(19_070 / 52_728)).toBe('0.36');
    expect(withinRatio(19_070, 52_728, 0.36)).toBe(true);
    expect(withinRatio(19_300, 52_728, 0.36)).toBe(false);
  });

  it('holds at the budget and fails just above it', () => {
    expect(withinRatio(750, 1000, 0.75)).toBe(true);
    expect(withinRatio(754, 1000, 0.75)).toBe(true);
    expect(withinRatio(756, 1000, 0.75)).toBe(false);
    expect(withinRatio(1533, 1407, 0.75)).toBe(false);
  });
});
