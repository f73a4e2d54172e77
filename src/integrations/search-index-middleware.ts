import { defineMiddleware } from 'astro:middleware';
import { getRelease } from '../data/catalog';
import { getInterfaceChanges } from '../data/interface-changes';
import { changeContext } from '../lib/interface-changes';
import { releaseLabel } from '../lib/releases';
import { aliasesForIndex, COMMIT_WEIGHT, commitSearchMeta, pagefindAttributes, searchFilters, searchMeta } from '../lib/search-fields';
import { markRecords } from '../lib/search-records';
import { pageIndexer } from './search-index-handoff';

/** The release pages' route: their records are the notes and the change log's commits. */
const RELEASE_ROUTE = '/releases/[release]';
/** The interface changes pages' route: their records are the entries. */
const INTERFACE_ROUTE = '/releases/[release]/interface';

/**
 * Hands each release page, and each page of a release's interface changes, to
 * Pagefind as soon as Astro has rendered it, so that indexing runs in
 * Pagefind's own process while the other pages are built. Pagefind's filters
 * and metadata come from the catalog: the page readers download carries none
 * of them. Filters count features: commits carry metadata only, and an
 * interface entry is filtered by release only.
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
        kind: 'interface entry',
        attributes: {
          ...pagefindAttributes('filter', { release: releaseId }),
          ...pagefindAttributes('meta', { release: label, context: category, heading: found.change.label }),
        },
      };
    });
    return response;
  }
  if (context.routePattern !== RELEASE_ROUTE) return response;
  const release = await getRelease(releaseId);
  const notesByAnchor = new Map(release.notes.map((note) => [note.anchor, note]));
  const commitsByAnchor = new Map(release.changelog?.kind === 'list' ? release.changelog.entries.map((entry) => [entry.anchor, entry]) : []);
  const label = releaseLabel(release.id);
  // The change log's entries are marked as records here, not in the page.
  const html = markRecords(await response.clone().text(), new Set(commitsByAnchor.keys()), context.url.pathname);
  indexPage(context.url.pathname, html, (anchor) => {
    const commit = commitsByAnchor.get(anchor);
    if (commit) {
      return { kind: 'commit', attributes: { ...pagefindAttributes('meta', commitSearchMeta(commit, label)), 'data-pagefind-weight': COMMIT_WEIGHT } };
    }
    const note = notesByAnchor.get(anchor);
    if (!note) throw new Error(`${context.url.pathname}: the record #${anchor} is neither a note nor a change-log commit of release ${release.id}`);
    const searchable = { ...note, release: note.release.id };
    return {
      kind: 'note',
      attributes: { ...pagefindAttributes('filter', searchFilters(searchable)), ...pagefindAttributes('meta', searchMeta(searchable, label)) },
      indexedOnly: aliasesForIndex(note.aliases),
    };
  });
  return response;
});
