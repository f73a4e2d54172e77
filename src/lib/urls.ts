import { pageSegment, type Page } from './pages.ts';

/**
 * The only place site URLs are made. Every function takes the site's base
 * path (Astro's BASE_URL) so the site works under a sub-path too. A view
 * split into pages (see pages.ts) takes the page; without one, or for its
 * newest page, the URL is the view's own.
 */

type PageRef = Pick<Page<unknown>, 'number' | 'newest'>;
const paged = (path: string, page: PageRef | undefined) => (page ? `${path}${pageSegment(page)}` : path);

/** Joins the base path and a site path without doubling or losing slashes. */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  const trimmedPath = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${trimmedPath}`;
}

/** The page of one release, e.g. /releases/4.7/. */
export function releasePath(base: string, releaseId: string): string {
  return withBase(base, `/releases/${releaseId}/`);
}

/** A section or note on a release page, e.g. /releases/4.7/#live-patching. */
export function anchorPath(base: string, releaseId: string, anchor: string): string {
  return `${releasePath(base, releaseId)}#${anchor}`;
}

/** The search page, optionally with a query. */
export function searchPath(base: string, query?: string): string {
  const path = withBase(base, '/search/');
  return query ? `${path}?${new URLSearchParams({ q: query }).toString()}` : path;
}

/** A file of the search index that Pagefind writes at build time, e.g. /pagefind/pagefind.js. */
export function pagefindPath(base: string, file: string): string {
  return withBase(base, `/pagefind/${file}`);
}

/** The home page. */
export function homePath(base: string): string {
  return withBase(base, '/');
}

/** One category across every release, e.g. /categories/security-features/ or its older page /categories/security-features/2/. */
export function categoryPath(base: string, slug: string, page?: PageRef): string {
  return paged(withBase(base, `/categories/${slug}/`), page);
}

/** One architecture family across every release, e.g. /architectures/arm/. */
export function architecturePath(base: string, family: string, page?: PageRef): string {
  return paged(withBase(base, `/architectures/${family}/`), page);
}

/** The support matrix of every feature against every release. */
export function supportPath(base: string, page?: PageRef): string {
  return paged(withBase(base, '/support/'), page);
}

/** A page of the index of every feature; its newest page is the search page. */
export function featureIndexPath(base: string, page?: PageRef): string {
  return paged(searchPath(base), page);
}

/** Xen's repository upstream, where every commit and tag the site names can be read. */
const XEN_REPOSITORY = 'https://github.com/xen-project/xen';

/** One commit of Xen upstream, by its full id or an abbreviation that is unique in Xen's history. */
export function upstreamCommitUrl(id: string): string {
  return `${XEN_REPOSITORY}/commit/${id}`;
}

/**
 * A file of Xen as it stands at a tag or commit, at one line or a range of lines when given.
 * @example upstreamFileUrl('RELEASE-4.7.0', 'docs/man/xl.pod.1', 1482) // '…/blob/RELEASE-4.7.0/docs/man/xl.pod.1#L1482'
 */
export function upstreamFileUrl(ref: string, path: string, lines?: number | readonly [number, number]): string {
  const [from, to] = typeof lines === 'number' ? [lines, lines] : (lines ?? []);
  const fragment = from === undefined ? '' : `#L${from}${to !== undefined && to > from ? `-L${to}` : ''}`;
  return `${XEN_REPOSITORY}/blob/${ref}/${path}${fragment}`;
}

/** Xen's log between two tags, e.g. RELEASE-4.6.1...RELEASE-4.6.3. */
export function upstreamCompareUrl(from: string, to: string): string {
  return `${XEN_REPOSITORY}/compare/${from}...${to}`;
}

/** What changed in a release's documented interface, e.g. /releases/4.7/interface/. */
export function interfaceChangesPath(base: string, releaseId: string): string {
  return withBase(base, `/releases/${releaseId}/interface/`);
}

/** The JSON export of a release's interface changes, e.g. /api/releases/4.7/interface.json. */
export function interfaceChangesExportPath(base: string, releaseId: string): string {
  return withBase(base, `/api/releases/${releaseId}/interface.json`);
}

/** The notes' names written at build time (src/pages/search-names.json.ts). */
export function searchNamesPath(base: string): string {
  return withBase(base, '/search-names.json');
}

/** The search lexicon written at build time (src/pages/search-lexicon.json.ts). */
export function searchLexiconPath(base: string): string {
  return withBase(base, '/search-lexicon.json');
}
