import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_LENGTH,
  MIN_QUERY_LENGTH,
  highlightUrl,
  isSearchableQuery,
  normalizeQuery,
  pagefindFilters,
  parseSearchState,
  searchFacets,
  searchStateParams,
} from '../../src/lib/search-query';

const facets = searchFacets([{ id: '4.7' }, { id: '4.6.3' }]);

describe('searchFacets', () => {
  it('offers release, category, architecture and status, from the schema lists', () => {
    expect(facets.map((facet) => facet.key)).toEqual(['release', 'category', 'architecture', 'status']);
    expect(facets[0]?.values).toEqual([
      { id: '4.7', label: 'Xen 4.7' },
      { id: '4.6.3', label: 'Xen 4.6.3' },
    ]);
    expect(facets[2]?.values.map((value) => value.id)).toEqual(['all', 'x86', 'arm']);
    expect(facets[3]?.values.map((value) => value.label)).toEqual([
      'Supported',
      'Technology preview',
      'Experimental',
      'No status label',
    ]);
  });
});

describe('normalizeQuery', () => {
  it('trims, folds white space and caps the length', () => {
    expect(normalizeQuery('  live \n  patching ')).toBe('live patching');
    expect(normalizeQuery('   ')).toBe('');
    expect(normalizeQuery('x'.repeat(500))).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe('isSearchableQuery', () => {
  it('searches from two characters on, counting an emoji as one', () => {
    expect(MIN_QUERY_LENGTH).toBe(2);
    expect(isSearchableQuery('')).toBe(false);
    expect(isSearchableQuery('x')).toBe(false);
    expect(isSearchableQuery('🚀')).toBe(false);
    expect(isSearchableQuery('xl')).toBe(true);
    expect(isSearchableQuery('🚀🔥')).toBe(true);
  });
});

describe('search state in the URL', () => {
  it('reads the query and the chosen values of each facet', () => {
    const state = parseSearchState(new URLSearchParams('q=live+patching&architecture=arm&architecture=x86'), facets);
    expect(state).toEqual({ query: 'live patching', filters: { architecture: ['arm', 'x86'] } });
  });

  it('ignores values no facet has, and repeated values', () => {
    const state = parseSearchState(
      new URLSearchParams('q=colo&architecture=riscv&status=experimental&status=experimental&colour=red'),
      facets,
    );
    expect(state).toEqual({ query: 'colo', filters: { status: ['experimental'] } });
  });

  it('writes the same state back in a stable order', () => {
    const params = searchStateParams(
      { query: 'live patching', filters: { status: ['experimental'], architecture: ['arm', 'all'] } },
      facets,
    );
    expect(params.toString()).toBe('q=live+patching&architecture=all&architecture=arm&status=experimental');
    expect(parseSearchState(params, facets)).toEqual({
      query: 'live patching',
      filters: { architecture: ['all', 'arm'], status: ['experimental'] },
    });
  });
});

describe('pagefindFilters', () => {
  it('widens within a facet and narrows across facets', () => {
    expect(pagefindFilters({ architecture: ['arm', 'x86'], status: ['experimental'] })).toEqual({
      architecture: { any: ['arm', 'x86'] },
      status: { any: ['experimental'] },
    });
  });

  it('leaves one facet out to count its own values', () => {
    expect(pagefindFilters({ architecture: ['arm'], status: ['experimental'] }, 'architecture')).toEqual({
      status: { any: ['experimental'] },
    });
  });
});

describe('highlightUrl', () => {
  it('puts the highlight parameter before the fragment', () => {
    expect(highlightUrl('/releases/4.7/#colo', 'lock stepping')).toBe('/releases/4.7/?highlight=lock+stepping#colo');
    expect(highlightUrl('/releases/4.7/', 'colo')).toBe('/releases/4.7/?highlight=colo');
    expect(highlightUrl('/releases/4.7/#colo', '')).toBe('/releases/4.7/#colo');
  });

  it('escapes what the reader typed', () => {
    expect(highlightUrl('/r/#a', '<script>&"')).toBe('/r/?highlight=%3Cscript%3E%26%22#a');
  });
});
