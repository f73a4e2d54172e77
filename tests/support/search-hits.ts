/**
 * The hits of a search form's answer, as its interface shows them for good:
 * a header list of hits by name still waiting for Pagefind carries
 * `data-search-pending` (src/scripts/search-ui.ts) and is left out.
 * @example answerHits('page-search') // '#page-search-results ol:not([data-search-pending]) [data-search-result]'
 */
export function answerHits(form = 'site-search'): string {
  return `#${form}-results ol:not([data-search-pending]) [data-search-result]`;
}
