import { defineMiddleware } from 'astro:middleware';
import { getRelease } from '../data/catalog';
import { releaseLabel } from '../lib/releases';
import { COMMIT_WEIGHT, commitSearchMeta, pagefindAttributes, searchFilters, searchMeta } from '../lib/search-fields';
import { markRecords } from '../lib/search-records';
import { pageIndexer } from './search-index-handoff';

/** The release pages' route: the only pages with search records. */
const RELEASE_ROUTE = '/releases/[release]';

/**
 * Hands each release page to Pagefind as soon as Astro has rendered it, so
 * that indexing runs in Pagefind's own process while the other pages are
 * built. Pagefind's filters and metadata come from the catalog: the page
 * readers download carries none of them. A record is a note or, in a change
 * log, a commit; commits carry metadata but no filters, which count features.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const indexPage = pageIndexer();
  const releaseId = context.params.release;
  if (!indexPage || context.routePattern !== RELEASE_ROUTE || !releaseId) return response;
  const release = await getRelease(releaseId);
  const notesByAnchor = new Map(release.notes.map((note) => [note.anchor, note]));
  const commitsByAnchor = new Map(release.changelog?.kind === 'list' ? release.changelog.entries.map((entry) => [entry.anchor, entry]) : []);
  const label = releaseLabel(release.id);
  // The change log's entries are marked as records here, not in the page.
  const html = markRecords(await response.clone().text(), new Set(commitsByAnchor.keys()), context.url.pathname);
  indexPage(context.url.pathname, html, (anchor) => {
    const commit = commitsByAnchor.get(anchor);
    if (commit) return { ...pagefindAttributes('meta', commitSearchMeta(commit, label)), 'data-pagefind-weight': COMMIT_WEIGHT };
    const note = notesByAnchor.get(anchor);
    if (!note) throw new Error(`${context.url.pathname}: the record #${anchor} is neither a note nor a change-log commit of release ${release.id}`);
    const searchable = { ...note, release: note.release.id };
    return { ...pagefindAttributes('filter', searchFilters(searchable)), ...pagefindAttributes('meta', searchMeta(searchable, label)) };
  });
  return response;
});
