// The size of every HTML page of a build as a reader receives it (gzip, as
// the benchmark's server compresses it), so that no page grows with the corpus
// unnoticed: listings, matrices and indexes as much as release pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageSize {
  /** The page's address from the site's root: `/support/`, `/404.html`. */
  path: string;
  gzipBytes: number;
}

/**
 * The address a static host serves a built file at.
 * @example pageAddress('support/index.html') // '/support/'
 */
export function pageAddress(file: string): string {
  const path = `/${file.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Every `.html` file under `outDir`, gzip-compressed at zlib's default level (the server's), largest first. */
export function htmlPageSizes(outDir: string): PageSize[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return { path: pageAddress(relative(outDir, file)), gzipBytes: gzipSync(readFileSync(file)).length };
    })
    .sort(largestFirst);
}

/** Orders pages by size, largest first, then by address, so that ties list the same way every run. */
export function largestFirst(left: PageSize, right: PageSize): number {
  return right.gzipBytes - left.gzipBytes || left.path.localeCompare(right.path);
}

/**
 * What a build's pages come to against a size limit: how many, every page at
 * or over it, and the largest pages (all of those over it, and at least
 * `largestCount`).
 */
export function pageSizeSummary(pages: readonly PageSize[], limitBytes: number, largestCount = 5) {
  const sorted = [...pages].sort(largestFirst);
  const over = sorted.filter((page) => page.gzipBytes >= limitBytes);
  return { pages: sorted.length, largest: sorted.slice(0, Math.max(largestCount, over.length)), over };
}

export type PageSizeSummary = ReturnType<typeof pageSizeSummary>;
