/**
 * How the middleware, which runs inside Astro's build as a bundled copy of
 * the site's code, reaches the Pagefind integration, which runs outside it:
 * the two share the process but no module instance, so the integration
 * leaves its indexer on the global object for the length of a build.
 */
export type PageIndexer = (
  url: string,
  html: string,
  attributesOf: (anchor: string) => Record<string, string>,
  /** What the page's records are, for the build's log: notes, or interface entries. */
  kind: RecordKind,
) => void;

export type RecordKind = 'note' | 'interface entry';

const HANDOFF = Symbol.for('xen-notes.page-indexer');
const registry = globalThis as typeof globalThis & { [HANDOFF]?: PageIndexer };

export function openHandoff(indexer: PageIndexer): void {
  registry[HANDOFF] = indexer;
}

export function closeHandoff(): void {
  delete registry[HANDOFF];
}

/** The indexer of the build under way; none in `astro dev` or outside a build. */
export function pageIndexer(): PageIndexer | undefined {
  return registry[HANDOFF];
}
