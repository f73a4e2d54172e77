// How the benchmark drives and reads each site's search: the one place that
// knows their selectors and hooks. When a site's search markup changes, this
// file changes with it; the full-query check (full-query.ts, run before every
// side-by-side) fails loudly if a reading here no longer holds.
import { readFileSync } from 'node:fs';
import type { AnsweredQuery, Snapshot } from './full-query.ts';

export interface SearchUi {
  name: string;
  /** The Xen 4.7 page, from the site's root. */
  releasePath: string;
  /** Tapped (phone) or clicked (desktop) to start a search: the reader's first interaction with the page. */
  open: string;
  /** The text field the query is typed into; it has focus once `open` was used. */
  input: string;
  /** Every result shown; the first visible one is the top hit. A result is a link or contains its links. */
  result: string;
  /** The element in which the interface says what its results answer. */
  status: string;
  /** Which query the results on screen answer, as the interface states it. */
  answeredQuery: AnsweredQuery;
  /** How long the interface waits after a keystroke before it searches, as its code sets it. */
  searchDelayMs: number;
  /** The hit a side-by-side query must find first on this site. */
  topHit(query: string): string | undefined;
}

/** The queries of the side-by-side: a feature by name, an acronym of Xen's, an ARM term. */
export const SIDE_BY_SIDE_QUERIES = ['live patching', 'COLO', 'PSCI'] as const;

/** Warm searches of the side-by-side: terms both sites' notes contain. */
export const SIDE_BY_SIDE_WARM_QUERIES = ['live patching', 'COLO', 'PSCI', 'credit2', 'vGIC', 'PVUSB', 'CDP', 'RTDS', 'KCONFIG', 'xenstored'] as const;

let expectedHits: Map<string, string> | undefined;
/** The note each query must find first, from the same list the search-quality test uses. */
function searchQualityHit(query: string): string | undefined {
  expectedHits ??= new Map(
    (JSON.parse(readFileSync('tests/search-queries.json', 'utf8')) as { queries: { query: string; expect: string }[] }).queries.map(
      (entry) => [entry.query, entry.expect],
    ),
  );
  return expectedHits.get(query);
}

/**
 * This site (src/components/SearchBox.astro, src/scripts/search-ui.ts): the
 * header search box is its own trigger; every result is a
 * `[data-search-result]` link whose `highlight` parameter holds the query it
 * answers; without results, the status quotes the query (“…”).
 */
export const THIS_SITE: SearchUi = {
  name: 'this site',
  releasePath: '/releases/4.7/',
  open: '#site-search',
  input: '#site-search',
  result: '#site-search-results [data-search-result]',
  status: '#site-search-status',
  answeredQuery: (snapshot: Snapshot) => {
    const [first] = snapshot.topLinks;
    if (first !== undefined) return new URL(first, 'http://bench.invalid').searchParams.get('highlight') ?? undefined;
    return /“(.*)”/.exec(snapshot.status)?.[1];
  },
  searchDelayMs: 0,
  topHit: searchQualityHit,
};

/** Starlight's heading ids for the side-by-side queries' notes (github-slugger, as Astro's Markdown makes them). */
const STARLIGHT_TOP_HITS: Record<string, string> = {
  'live patching': '/xen-4-7/#live-patching',
  COLO: '/xen-4-7/#colo-fault-tolerance',
  PSCI: '/xen-4-7/#psci-10-compatibility-arm',
};

/**
 * Stock Starlight (its Search.astro, with Pagefind's default UI 1.5): a
 * button opens a dialog; each result is a `.pagefind-ui__result` holding the
 * page's link and its sections' links; the message above them names the
 * query they answer ("1 result for live patching"; "Searching for …" while it
 * waits, with no results shown). Pagefind's UI searches 300 ms after the last key.
 */
export const STARLIGHT: SearchUi = {
  name: 'Starlight',
  releasePath: '/xen-4-7/',
  open: 'button[data-open-modal]',
  input: '#starlight__search .pagefind-ui__search-input',
  result: '#starlight__search .pagefind-ui__result',
  status: '#starlight__search .pagefind-ui__message',
  answeredQuery: (snapshot: Snapshot) => /\bresults? for (.+)$/.exec(snapshot.status)?.[1],
  searchDelayMs: 300,
  topHit: (query: string) => STARLIGHT_TOP_HITS[query],
};
