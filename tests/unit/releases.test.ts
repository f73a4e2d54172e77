import { describe, expect, it } from 'vitest';
import { CATEGORY_SLUGS } from '../../src/lib/categories';
import {
  findMisnamedReleases,
  findPlacementProblems,
  groupByCategory,
  releaseNeighbours,
  releaseSlug,
  releaseTitle,
  sortNewestFirst,
} from '../../src/lib/releases';
import { compareVersions } from '../../src/lib/versions';

describe('compareVersions', () => {
  it('compares each part as a number', () => {
    expect(compareVersions('4.10.0', '4.7.0')).toBeGreaterThan(0);
    expect(compareVersions('4.6.3', '4.7.0')).toBeLessThan(0);
    expect(compareVersions('4.7.0', '4.7')).toBe(0);
  });
});

describe('releaseSlug and releaseTitle', () => {
  it('drop a .0 patch level, as Xen names its feature releases', () => {
    expect(releaseSlug('4.7.0')).toBe('4.7');
    expect(releaseSlug('4.6.3')).toBe('4.6.3');
    expect(releaseSlug('4.10.0')).toBe('4.10');
    expect(releaseTitle('4.7')).toBe('Xen Project Hypervisor 4.7');
  });
});

describe('sortNewestFirst', () => {
  it('orders by version, not by text', () => {
    const sorted = sortNewestFirst([{ version: '4.6.2' }, { version: '4.10.0' }, { version: '4.7.0' }, { version: '4.6.3' }]);
    expect(sorted.map((release) => release.version)).toEqual(['4.10.0', '4.7.0', '4.6.3', '4.6.2']);
  });
});

describe('groupByCategory', () => {
  const notes = [
    { feature: 'Soft reset', category: 'usability-improvements', order: 3 },
    { feature: 'Live patching', category: 'security-features', order: 1 },
    { feature: 'PVUSB', category: 'usability-improvements', order: 1 },
    { feature: 'KCONFIG', category: 'security-features', order: 2 },
  ] as const;

  it('follows the category order of the schema and leaves out empty categories', () => {
    const groups = groupByCategory(notes);
    expect(groups.map((group) => group.category.slug)).toEqual(['security-features', 'usability-improvements']);
    expect(CATEGORY_SLUGS.indexOf('security-features')).toBeLessThan(CATEGORY_SLUGS.indexOf('usability-improvements'));
  });

  it('orders the notes of a category by their order field', () => {
    const groups = groupByCategory(notes);
    expect(groups[0]?.notes.map((note) => note.feature)).toEqual(['Live patching', 'KCONFIG']);
    expect(groups[1]?.notes.map((note) => note.feature)).toEqual(['PVUSB', 'Soft reset']);
  });

  it('gives each group the category title from the one category list', () => {
    expect(groupByCategory(notes)[0]?.category.title).toBe('Security Features');
  });
});

describe('findPlacementProblems', () => {
  const base = { category: 'security-features', feature: 'A' } as const;

  it('accepts notes filed under their release with distinct positions', () => {
    expect(
      findPlacementProblems([
        { ...base, file: 'a.md', folder: '4.7', release: '4.7', order: 1 },
        { ...base, file: 'b.md', folder: '4.7', release: '4.7', order: 2 },
      ]),
    ).toEqual([]);
  });

  it('reports a note filed under another release', () => {
    const [problem] = findPlacementProblems([{ ...base, file: 'n.md', folder: '4.6.3', release: '4.7', order: 1 }]);
    expect(problem).toBe(
      'n.md: field "release" is "4.7" but the note is filed under content/notes/4.6.3/; expected "4.6.3", or move the file to content/notes/4.7/',
    );
  });

  it('reports two notes at one position of a category', () => {
    const [problem] = findPlacementProblems([
      { ...base, file: 'a.md', folder: '4.7', release: '4.7', order: 1 },
      { ...base, file: 'b.md', folder: '4.7', release: '4.7', order: 1 },
    ]);
    expect(problem).toContain('b.md: field "order" is 1, already used by a.md');
  });
});

describe('findMisnamedReleases', () => {
  it('requires the file name to be the short version', () => {
    expect(findMisnamedReleases([{ id: '4.7', file: '4.7.md', version: '4.7.0' }])).toEqual([]);
    expect(findMisnamedReleases([{ id: '4.7.0', file: '4.7.0.md', version: '4.7.0' }])).toEqual([
      '4.7.0.md: field "version" is "4.7.0", so the file must be named 4.7.md (or .mdx); found id "4.7.0"',
    ]);
  });
});

describe('releaseNeighbours', () => {
  const releases = [
    { id: '4.8', kind: 'feature' },
    { id: '4.7', kind: 'feature' },
    { id: '4.6.3', kind: 'maintenance' },
    { id: '4.6.2', kind: 'skipped' },
    { id: '4.6.1', kind: 'maintenance' },
  ];

  it('are the releases just older and newer by version, skipping a version never released', () => {
    expect(releaseNeighbours(releases, '4.7')).toEqual({ newer: releases[0], older: releases[2] });
    expect(releaseNeighbours(releases, '4.6.3')).toEqual({ newer: releases[1], older: releases[4] });
  });

  it('are missing at either end and for an unknown release', () => {
    expect(releaseNeighbours(releases, '4.8').newer).toBeUndefined();
    expect(releaseNeighbours(releases, '4.6.1').older).toBeUndefined();
    expect(releaseNeighbours(releases, '9.9')).toEqual({});
  });
});
