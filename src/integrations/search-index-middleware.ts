import { defineMiddleware } from 'astro:middleware';
import { getRelease } from '../data/catalog';
import { releaseLabel } from '../lib/releases';
import { pagefindAttributes, searchFilters, searchMeta } from '../lib/search-fields';
import { pageIndexer } from './search-index-handoff';

/** The release pages' route: the only pages with search records. */
const RELEASE_ROUTE = '/releases/[release]';

/**
 * Hands each release page to Pagefind as soon as Astro has rendered it, so
 * that indexing runs in Pagefind's own process while the other pages are
 * built. Pagefind's filters and metadata come from the catalog: the page
 * readers download carries none of them.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const indexPage = pageIndexer();
  const releaseId = context.params.release;
  if (!indexPage || context.routePattern !== RELEASE_ROUTE || !releaseId) return response;
  const release = await getRelease(releaseId);
  const notesByAnchor = new Map(release.notes.map((note) => [note.anchor, note]));
  const label = releaseLabel(release.id);
  indexPage(context.url.pathname, await response.clone().text(), (anchor) => {
    const note = notesByAnchor.get(anchor);
    if (!note) throw new Error(`${context.url.pathname}: the record #${anchor} is not a note of release ${release.id}`);
    const searchable = { ...note, release: note.release.id };
    return { ...pagefindAttributes('filter', searchFilters(searchable)), ...pagefindAttributes('meta', searchMeta(searchable, label)) };
  });
  return response;
});
