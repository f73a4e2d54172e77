import { ARCHITECTURE_FAMILIES } from './architectures.ts';
import { CATEGORIES } from './categories.ts';
import { releaseLabel } from './releases.ts';
import { STATUSES } from './statuses.ts';

/** Longest query that is searched; anything longer is cut, not rejected. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Shortest query that is searched. A single letter matches the start of
 * nearly every word, so its hits say nothing and only cost their downloads.
 */
export const MIN_QUERY_LENGTH = 2;

/**
 * Pagefind's ranking options. Pagefind 1.5 ranks a hit by its metadata too:
 * an interface entry (a few words, like `xl usbctrl-attach`) whose metadata
 * held its own token would rank above the note that explains the feature. So
 * an entry's title is left empty and what a hit shows is in metadata that does
 * not count: its label in `heading`, the kind of change in `context`. A
 * note's `summary` is in its text already, weighted there; the copy in
 * metadata is what its hit shows.
 */
export const SEARCH_RANKING = { metaWeights: { heading: 0, context: 0, summary: 0 } } as const;

/** The title a hit shows: an interface entry's label, or a note's feature. */
export function resultHeading(meta: Readonly<Record<string, string | undefined>>): string | undefined {
  return meta['heading'] || meta['title'] || undefined;
}

/**
 * The line under a hit's title: its release, and its category or, for an interface entry, the change.
 * @example resultContext({ release: 'Xen 4.7', category: 'Security Features' }) // 'Xen 4.7 · Security Features'
 */
export function resultContext(meta: Readonly<Record<string, string | undefined>>): string {
  return [meta['release'], meta['context'] ?? meta['category']].filter(Boolean).join(' · ');
}

export interface FacetValue {
  id: string;
  label: string;
}

export interface Facet {
  /** The Pagefind filter key, also the URL parameter. */
  key: 'release' | 'category' | 'architecture' | 'status';
  label: string;
  values: readonly FacetValue[];
}

export type FacetKey = Facet['key'];
export type FacetSelection = Partial<Record<FacetKey, string[]>>;

export interface SearchState {
  query: string;
  filters: FacetSelection;
}

/**
 * The facets of the search page, from the schema's lists; releases come from
 * the content, newest first.
 */
export function searchFacets(releases: readonly { id: string }[]): Facet[] {
  return [
    {
      key: 'release',
      label: 'Release',
      values: releases.map((release) => ({ id: release.id, label: releaseLabel(release.id) })),
    },
    {
      key: 'category',
      label: 'Category',
      values: CATEGORIES.map((category) => ({ id: category.slug, label: category.title })),
    },
    {
      key: 'architecture',
      label: 'Architecture',
      values: ARCHITECTURE_FAMILIES.map((family) => ({ id: family.id, label: family.label })),
    },
    {
      key: 'status',
      label: 'Status',
      values: STATUSES.map((status) => ({ id: status.id, label: status.label })),
    },
  ];
}

/** Trims a typed query, folds runs of white space and caps its length. */
export function normalizeQuery(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

/**
 * Whether a normalized query is long enough to search, counting characters
 * rather than UTF-16 units.
 * @example isSearchableQuery('xl') // true
 */
export function isSearchableQuery(query: string): boolean {
  return [...query].length >= MIN_QUERY_LENGTH;
}

/**
 * Reads the search state from a URL's parameters, keeping only facet values
 * that exist, once each.
 * @example parseSearchState(new URLSearchParams('q=colo&architecture=x86'), facets)
 */
export function parseSearchState(params: URLSearchParams, facets: readonly Facet[]): SearchState {
  const filters: FacetSelection = {};
  for (const facet of facets) {
    const known = new Set(facet.values.map((value) => value.id));
    const chosen = [...new Set(params.getAll(facet.key))].filter((value) => known.has(value));
    if (chosen.length > 0) filters[facet.key] = chosen;
  }
  return { query: normalizeQuery(params.get('q') ?? ''), filters };
}

/** Writes the search state as URL parameters, in a stable order. */
export function searchStateParams(state: SearchState, facets: readonly Facet[]): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const facet of facets) {
    const chosen = state.filters[facet.key] ?? [];
    for (const value of facet.values) if (chosen.includes(value.id)) params.append(facet.key, value.id);
  }
  return params;
}

/**
 * Pagefind filters for a selection: values of one facet widen the search
 * (any of them), different facets narrow it (all of them). `except` leaves
 * one facet out, to count what choosing its other values would give.
 */
export function pagefindFilters(filters: FacetSelection, except?: FacetKey): Record<string, { any: string[] }> {
  const result: Record<string, { any: string[] }> = {};
  for (const [key, values] of Object.entries(filters) as [FacetKey, string[]][]) {
    if (key !== except && values.length > 0) result[key] = { any: values };
  }
  return result;
}

/**
 * Adds the words to highlight to a result URL, before its #fragment.
 * @example highlightUrl('/releases/4.7/#colo', 'lock stepping') // '/releases/4.7/?highlight=lock+stepping#colo'
 */
export function highlightUrl(url: string, query: string): string {
  if (!query) return url;
  const hashAt = url.indexOf('#');
  const path = hashAt === -1 ? url : url.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const separator = path.includes('?') ? '&' : '?';
  return `${path}${separator}${new URLSearchParams({ highlight: query }).toString()}${hash}`;
}
