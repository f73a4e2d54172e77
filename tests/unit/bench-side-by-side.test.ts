import { describe, expect, it } from 'vitest';
import { BYTES_CONDITION, comparisonRows, CONDITIONS, KEY_DELAY_MS, RATIO_BUDGETS, type SideBySide } from '../../scripts/bench/side-by-side';
import type { FirstSearchVisit } from '../../scripts/bench/visit';

/** A visit with the given figures; files do not enter the table. */
const visit = (figures: { pageBytes: number; bytesToResult: number; msFromLastKey: number; warmMs?: number[] }): FirstSearchVisit => ({
  page: { bytes: figures.pageBytes, files: [] },
  msFromLastKey: figures.msFromLastKey,
  typingMs: 100,
  bytesToResult: figures.bytesToResult,
  bytesSettled: figures.bytesToResult + 1000,
  files: [],
  warmMs: figures.warmMs ?? [],
});

/** Three visits a site in every condition: this site's first result takes `oursMs` (with ±10% spread), the peer's `peerMs`. */
function sideBySide(oursMs: (phone: boolean) => number, peerMs = 1000): SideBySide {
  return {
    visits: 3,
    warmQueries: ['a', 'b', 'c'],
    checks: { ours: [], peer: [] },
    results: CONDITIONS.map((condition) => {
      const mine = oursMs(condition.profile === 'phone');
      return {
        condition,
        ours: [0.9, 1, 1.1].map((factor) => visit({ pageBytes: 19_070, bytesToResult: 98_049, msFromLastKey: mine * factor, warmMs: [1, 2, 30] })),
        peer: [1, 1, 1].map(() => visit({ pageBytes: 52_728, bytesToResult: 94_904, msFromLastKey: peerMs, warmMs: [310, 312, 320] })),
      };
    }),
  };
}

describe('the side-by-side conditions', () => {
  it('time each query unthrottled, and on the phone at full speed and at the typing pace', () => {
    for (const query of ['live patching', 'COLO', 'PSCI']) {
      const forQuery = CONDITIONS.filter((condition) => condition.query === query);
      expect(forQuery.map(({ profile, keyDelayMs }) => `${profile} ${keyDelayMs}`)).toEqual(['desktop 0', 'phone 0', `phone ${KEY_DELAY_MS}`]);
    }
    expect(BYTES_CONDITION).toEqual({ profile: 'phone', keyDelayMs: KEY_DELAY_MS, query: 'live patching' });
  });
});

describe('comparisonRows', () => {
  it('puts the medians side by side with their ranges and the ratio of the medians', () => {
    const rows = comparisonRows(sideBySide(() => 700));
    const phone = rows.find((row) => row.figure.includes('"COLO", phone, full speed'));
    expect(phone).toMatchObject({ ours: '700 ms (630 ms–770 ms)', peer: '1000 ms', ratio: '0.70', budget: 'ratio ≤ 0.75', met: true });
  });

  it("compares the page's bytes, and holds a cold page with its first search to three quarters of the peer's", () => {
    const rows = comparisonRows(sideBySide(() => 700));
    expect(rows.find((row) => row.figure.startsWith('4.7 page'))).toMatchObject({ ours: '19.1 kB', peer: '52.7 kB', ratio: '0.36', budget: '', met: undefined });
    // 117,119 against 147,632 bytes: 0.79, over the budget of 0.75.
    expect(rows.find((row) => row.figure.startsWith('cold page'))).toMatchObject({ ratio: '0.79', budget: `ratio ≤ ${RATIO_BUDGETS.coldPageAndFirstSearchBytes}`, met: false });
  });

  it('fails a phone condition slower than three quarters of the peer, and budgets no unthrottled one', () => {
    const rows = comparisonRows(sideBySide((phone) => (phone ? 800 : 2000)));
    const phoneRows = rows.filter((row) => row.figure.includes(', phone, '));
    expect(phoneRows).toHaveLength(6);
    for (const row of phoneRows) expect(row).toMatchObject({ ratio: '0.80', met: false });
    for (const row of rows.filter((row) => row.figure.includes('unthrottled, full speed'))) expect(row).toMatchObject({ ratio: '2.00', met: undefined });
  });

  it("compares warm searches on each visit's median", () => {
    const warm = comparisonRows(sideBySide(() => 700)).find((row) => row.figure.startsWith('warm search'));
    expect(warm).toMatchObject({ ours: '2 ms', peer: '312 ms', ratio: '0.01', met: true });
  });
});
