/**
 * How the middleware, which runs inside Astro's build as a bundled copy of
 * the site's code, reaches the Pagefind integration, which runs outside it:
 * the two share the process but no module instance, so the integration
 * leaves its indexer on the global object for the length of a build.
 */
export type PageIndexer = (
  url: string,
  html: string,
  /**
   * What the record of an anchor is, for the build's log; the attributes it
   * adds to it; and markup that only the record carries, not the page.
   */
  recordOf: (anchor: string) => { kind: RecordKind; attributes: Record<string, string>; indexedOnly?: string },
) => void;

export type RecordKind = 'note' | 'commit' | 'interface entry';

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
