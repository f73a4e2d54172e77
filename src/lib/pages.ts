/**
 * What goes on which page of a view that lists notes of many releases (a
 * category, an architecture, the support matrix, the feature index). A view
 * that fits one page is one page; a longer one is split at release
 * boundaries into pages of at most `limit` entries, so that no page grows
 * with the corpus.
 *
 * Pages are filled from the oldest release on and numbered from the oldest,
 * so a full page never changes when newer releases arrive: `/categories/x/3/`
 * keeps its notes for good. The newest page, the one that is still filling,
 * is the view's own address.
 */

/** Entries of one release that a view shows. */
export interface Slice<Entry> {
  releaseId: string;
  entries: Entry[];
}

export interface Page<Entry> {
  /** 1 is the oldest page. */
  number: number;
  /** The page at the view's own address; every other page is at `<view>/<number>/`. */
  newest: boolean;
  /** Newest release first, as the view shows them. */
  slices: Slice<Entry>[];
}

/**
 * How many entries a page of a view may hold. At 10,000 synthetic notes a
 * page of this many notes with their summaries and badges is under 60 kB gzip.
 */
export const PAGE_LIMIT = 300;

/**
 * Splits slices, given newest first, into pages of at most `limit` entries,
 * returned newest page first. A release's entries stay on one page unless
 * they alone are more than a page holds.
 * @example paginate([{ releaseId: '4.7', entries: [1, 2] }], 300) // [{ number: 1, newest: true, slices: [{ releaseId: '4.7', entries: [1, 2] }] }]
 */
export function paginate<Entry>(slices: readonly Slice<Entry>[], limit = PAGE_LIMIT): Page<Entry>[] {
  if (!(limit >= 1)) throw new Error(`a page must hold at least one entry, not ${limit}`);
  const pages: Slice<Entry>[][] = [];
  let open: Slice<Entry>[] = [];
  let size = 0;
  const add = (slice: Slice<Entry>) => {
    if (size + slice.entries.length > limit && open.length > 0) {
      pages.push(open);
      open = [];
      size = 0;
    }
    // Filled oldest first, shown newest first.
    open.unshift(slice);
    size += slice.entries.length;
  };
  for (const slice of [...slices].reverse()) {
    // A release with more entries than a page holds fills pages of its own.
    for (let start = 0; start < slice.entries.length; start += limit) {
      add({ releaseId: slice.releaseId, entries: slice.entries.slice(start, start + limit) });
    }
  }
  if (open.length > 0) pages.push(open);
  return pages.map((pageSlices, index) => ({ number: index + 1, newest: index === pages.length - 1, slices: pageSlices })).reverse();
}

/** The newest page that shows a release, or undefined when no page does. */
export function pageOfRelease<Entry>(pages: readonly Page<Entry>[], releaseId: string): Page<Entry> | undefined {
  return pages.find((page) => page.slices.some((slice) => slice.releaseId === releaseId));
}

/**
 * The path segment of a page below its view: none for the newest page.
 * @example pageSegment({ number: 3, newest: false }) // '3/'
 */
export function pageSegment(page: Pick<Page<unknown>, 'number' | 'newest'>): string {
  return page.newest ? '' : `${page.number}/`;
}

/**
 * How a page is named in the list of a view's pages: the releases it covers.
 * @example pageLabel({ slices: [{ releaseId: '4.8' }, { releaseId: '4.7' }] }) // 'Xen 4.7 to 4.8'
 */
export function pageLabel(page: { slices: readonly { releaseId: string }[] }): string {
  const newest = page.slices[0]?.releaseId;
  const oldest = page.slices.at(-1)?.releaseId;
  if (!newest || !oldest) return 'No releases';
  return newest === oldest ? `Xen ${newest}` : `Xen ${oldest} to ${newest}`;
}
