import { describe, expect, it } from 'vitest';
import { pageLabel, pageOfRelease, pageSegment, paginate, type Slice } from '../../src/lib/pages';

/** Releases newest first, as the views hold them: `sizes[0]` entries in the newest. */
const releases = (...sizes: number[]): Slice<string>[] =>
  sizes.map((size, index) => {
    const id = `r${sizes.length - index}`;
    return { releaseId: id, entries: Array.from({ length: size }, (_, entry) => `${id}-${entry}`) };
  });

const ids = (pages: ReturnType<typeof paginate<string>>) => pages.map((page) => page.slices.map((slice) => slice.releaseId));

describe('paginate', () => {
  it('keeps a view that fits one page on one page, at its own address', () => {
    const pages = paginate(releases(3, 4, 2), 10);
    expect(pages).toEqual([{ number: 1, newest: true, slices: releases(3, 4, 2) }]);
    expect(pageSegment(pages[0]!)).toBe('');
  });

  it('fills pages from the oldest release, never over the limit, newest page first', () => {
    const pages = paginate(releases(4, 4, 4, 4, 4), 10);
    expect(ids(pages)).toEqual([['r5'], ['r4', 'r3'], ['r2', 'r1']]);
    expect(pages.map((page) => [page.number, page.newest])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    for (const page of pages) expect(page.slices.flatMap((slice) => slice.entries).length).toBeLessThanOrEqual(10);
  });

  it('leaves every full page as it was when newer releases arrive', () => {
    const before = paginate(releases(5, 5, 5, 5), 10).filter((page) => !page.newest);
    const after = paginate(releases(7, 3, 5, 5, 5, 5), 10);
    for (const page of before) expect(after.find((candidate) => candidate.number === page.number)).toEqual(page);
  });

  it('gives a release with more entries than a page holds pages of its own, keeping every entry once', () => {
    const input = releases(2, 25, 3);
    const pages = paginate(input, 10);
    expect(ids(pages)).toEqual([['r3', 'r2'], ['r2'], ['r2'], ['r1']]);
    expect(pages.flatMap((page) => page.slices.flatMap((slice) => slice.entries)).sort()).toEqual(
      input.flatMap((slice) => slice.entries).sort(),
    );
  });

  it('leaves out releases without entries and makes no page of nothing', () => {
    expect(paginate([{ releaseId: 'r1', entries: [] }], 10)).toEqual([]);
    expect(ids(paginate(releases(2, 0, 2), 10))).toEqual([['r3', 'r1']]);
  });

  it('refuses a page that holds nothing', () => {
    expect(() => paginate(releases(1), 0)).toThrow('at least one entry');
  });
});

describe('pages of a view', () => {
  const pages = paginate(releases(4, 4, 4, 4, 4), 10);

  it('are found by the release they show', () => {
    expect(pageOfRelease(pages, 'r3')?.number).toBe(2);
    expect(pageOfRelease(pages, 'r9')).toBeUndefined();
  });

  it('live below the view, the newest at the view itself', () => {
    expect(pages.map(pageSegment)).toEqual(['', '2/', '1/']);
  });

  it('are named by the releases they cover', () => {
    expect(pages.map(pageLabel)).toEqual(['Xen r5', 'Xen r3 to r4', 'Xen r1 to r2']);
  });
});
