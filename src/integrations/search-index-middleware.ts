import { defineMiddleware } from 'astro:middleware';
import { getRelease } from '../data/catalog';
import { getInterfaceChanges } from '../data/interface-changes';
import { changeContext } from '../lib/interface-changes';
import { releaseLabel } from '../lib/releases';
import { pagefindAttributes, searchFilters, searchMeta } from '../lib/search-fields';
import { pageIndexer } from './search-index-handoff';

/** The release pages' route: their records are the notes. */
const RELEASE_ROUTE = '/releases/[release]';
/** The interface changes pages' route: their records are the entries. */
const INTERFACE_ROUTE = '/releases/[release]/interface';

/**
 * Hands each release page, and each page of a release's interface changes, to
 * Pagefind as soon as Astro has rendered it, so that indexing runs in
 * Pagefind's own process while the other pages are built. Pagefind's filters
 * and metadata come from the catalog: the page readers download carries none
 * of them. An interface entry is filtered by release only.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const indexPage = pageIndexer();
  const releaseId = context.params.release;
  if (!indexPage || !releaseId) return response;
  if (context.routePattern === INTERFACE_ROUTE) {
    const changes = await getInterfaceChanges(releaseId, import.meta.env.BASE_URL);
    const entries = new Map(
      (changes?.kinds ?? []).flatMap((kind) => kind.changes.map((change) => [change.anchor, { kind, change }] as const)),
    );
    const label = releaseLabel(releaseId);
    indexPage(context.url.pathname, await response.clone().text(), (anchor) => {
      const found = entries.get(anchor);
      if (!found || !changes) throw new Error(`${context.url.pathname}: the record #${anchor} is no interface change of release ${releaseId}`);
      const category = changeContext(found.kind.title, found.change.change, changes.before.version);
      return {
        ...pagefindAttributes('filter', { release: releaseId }),
        ...pagefindAttributes('meta', { release: label, context: category, heading: found.change.label }),
      };
    }, 'interface entry');
    return response;
  }
  if (context.routePattern !== RELEASE_ROUTE) return response;
  const release = await getRelease(releaseId);
  const notesByAnchor = new Map(release.notes.map((note) => [note.anchor, note]));
  const label = releaseLabel(release.id);
  indexPage(context.url.pathname, await response.clone().text(), (anchor) => {
    const note = notesByAnchor.get(anchor);
    if (!note) throw new Error(`${context.url.pathname}: the record #${anchor} is not a note of release ${release.id}`);
    const searchable = { ...note, release: note.release.id };
    return { ...pagefindAttributes('filter', searchFilters(searchable)), ...pagefindAttributes('meta', searchMeta(searchable, label)) };
  }, 'note');
  return response;
});
