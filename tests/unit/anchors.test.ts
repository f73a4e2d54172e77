import { describe, expect, it } from 'vitest';
import { ABOUT_ANCHOR, categoryAnchor, findAnchorClashes, noteAnchor, releaseAnchor, slugify } from '../../src/lib/anchors';
import { CATEGORIES } from '../../src/lib/categories';

describe('slugify', () => {
  it('makes the ids GitHub and Astro give headings', () => {
    expect(slugify('Live patching')).toBe('live-patching');
    expect(slugify('PSCI 1.0 compatibility')).toBe('psci-10-compatibility');
    expect(slugify('Fault tolerance / COLO')).toBe('fault-tolerance--colo');
  });
});

describe('noteAnchor', () => {
  it('prefers the explicit anchor so that a retitled note keeps its links', () => {
    expect(noteAnchor({ feature: 'Reboot-free live patching', anchor: 'live-patching' })).toBe('live-patching');
  });

  it('falls back to the slug of the feature title', () => {
    expect(noteAnchor({ feature: 'Soft reset' })).toBe('soft-reset');
  });
});

describe('categoryAnchor', () => {
  it('is the category slug, so /releases/4.7/#security-features works', () => {
    expect(categoryAnchor('security-features')).toBe('security-features');
  });
});

describe('findAnchorClashes', () => {
  it('finds nothing when every anchor is distinct', () => {
    expect(
      findAnchorClashes([
        { file: 'a.md', release: '4.7', feature: 'Live patching' },
        { file: 'b.md', release: '4.7', feature: 'COLO' },
        { file: 'c.md', release: '4.6.3', feature: 'Live patching' },
      ]),
    ).toEqual([]);
  });

  it('names both files when two notes of one release share an anchor', () => {
    const problems = findAnchorClashes([
      { file: 'content/notes/4.7/a.md', release: '4.7', feature: 'Live patching' },
      { file: 'content/notes/4.7/b.md', release: '4.7', feature: 'Something else', anchor: 'live-patching' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/notes/4.7/b.md: field "anchor" gives the anchor "#live-patching"');
    expect(problems[0]).toContain('already used by content/notes/4.7/a.md in release 4.7');
  });

  it('rejects the anchor of the "About this release" section', () => {
    const [problem] = findAnchorClashes([{ file: 'x.md', release: '4.7', feature: 'About', anchor: ABOUT_ANCHOR }]);
    expect(problem).toContain('x.md: field "anchor" gives the anchor "#about", which is the anchor of the release page\'s "About this release" section');
  });

  it('rejects an anchor that equals a category anchor, for every category', () => {
    for (const category of CATEGORIES) {
      const [problem] = findAnchorClashes([{ file: 'x.md', release: '4.7', feature: category.title }]);
      expect(problem).toContain(`x.md: field "feature" gives the anchor "#${category.slug}", which is a category's anchor`);
    }
  });
});

describe('releaseAnchor', () => {
  it('keeps versions apart without dots in the id', () => {
    expect(releaseAnchor('index', '4.6.3')).toBe('index-4-6-3');
    expect(releaseAnchor('index', '4.63')).toBe('index-4-63');
  });
});
