import { describe, expect, it } from 'vitest';
import { formatDate, formatYearMonth } from '../../src/lib/dates';
import { aliasesForIndex, pagefindAttributes, searchFilters, searchMeta } from '../../src/lib/search-fields';
import { anchorPath, homePath, releasePath, searchPath, upstreamFileUrl, withBase } from '../../src/lib/urls';

describe('dates', () => {
  it('are written the same on every build machine', () => {
    expect(formatDate('2016-06-20')).toBe('20 June 2016');
    expect(formatYearMonth('2017-12')).toBe('December 2017');
  });
});

describe('urls', () => {
  it('point at a file of Xen at a tag, at a line or a range of lines', () => {
    const file = 'https://github.com/xen-project/xen/blob/RELEASE-4.7.0/docs/man/xl.pod.1';
    expect(upstreamFileUrl('RELEASE-4.7.0', 'docs/man/xl.pod.1')).toBe(file);
    expect(upstreamFileUrl('RELEASE-4.7.0', 'docs/man/xl.pod.1', 1482)).toBe(`${file}#L1482`);
    expect(upstreamFileUrl('RELEASE-4.7.0', 'docs/man/xl.pod.1', [1482, 1490])).toBe(`${file}#L1482-L1490`);
    expect(upstreamFileUrl('RELEASE-4.7.0', 'docs/man/xl.pod.1', [1482, 1482])).toBe(`${file}#L1482`);
  });

  it('work at the root of a host', () => {
    expect(homePath('/')).toBe('/');
    expect(releasePath('/', '4.7')).toBe('/releases/4.7/');
    expect(anchorPath('/', '4.7', 'live-patching')).toBe('/releases/4.7/#live-patching');
    expect(searchPath('/')).toBe('/search/');
    expect(searchPath('/', 'live patching')).toBe('/search/?q=live+patching');
  });

  it('work under a sub-path, with or without its trailing slash', () => {
    expect(withBase('/docs/xen/', '/releases/4.7/')).toBe('/docs/xen/releases/4.7/');
    expect(withBase('/docs/xen', 'releases/4.7/')).toBe('/docs/xen/releases/4.7/');
    expect(homePath('/docs/xen/')).toBe('/docs/xen/');
  });
});

describe('search fields', () => {
  it('give a note’s other names to its record alone, after the label where excerpts stop, escaped', () => {
    expect(aliasesForIndex(['xSplice', 'R&D <draft>'])).toBe('<p data-pagefind-weight="8">Also known as: xSplice, R&amp;D &lt;draft></p>');
    expect(aliasesForIndex([])).toBe('');
  });

  const note = {
    release: '4.7',
    category: 'new-hardware-support',
    architecture: 'x86-intel',
    status: 'experimental',
    experimental: true,
    summary: 'Faster on Intel.',
  } as const;

  it('filter by the ids the search URL uses, architecture by family', () => {
    expect(searchFilters(note)).toEqual({
      release: '4.7',
      category: 'new-hardware-support',
      architecture: 'x86',
      status: 'experimental',
      experimental: 'true',
    });
  });

  it('show the labels and summary a reader sees, and no status for an unlabelled note', () => {
    expect(searchMeta(note, 'Xen 4.7')).toEqual({
      release: 'Xen 4.7',
      category: 'New Hardware Support',
      architecture: 'x86 (Intel)',
      status: 'Experimental',
      status_id: 'experimental',
      summary: 'Faster on Intel.',
    });
    expect(searchMeta({ ...note, status: 'unlabelled', experimental: false }, 'Xen 4.7').status).toBe('');
  });

  it('read each Pagefind value from its own attribute and leave out empty values', () => {
    expect(pagefindAttributes('meta', { release: 'Xen 4.7', status: '', category: 'A, B' })).toEqual({
      'data-meta-release': 'Xen 4.7',
      'data-meta-category': 'A, B',
      'data-pagefind-meta': 'release[data-meta-release], category[data-meta-category]',
    });
  });
});
