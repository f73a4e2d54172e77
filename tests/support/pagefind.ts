import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { SEARCH_RANKING } from '../../src/lib/search-query';
import { DIST } from './site';

export interface SearchResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface SearchIndex {
  search(query: string | null, options?: { filters?: object }): Promise<SearchResult[]>;
  filters(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: { filters?: object }): Promise<{ results: { data(): Promise<SearchResult> }[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Opens the real Pagefind index of the built site in Node. Pagefind runs on
 * the main thread there and fetches its files over HTTP, as a browser would.
 */
export async function openIndex(dist = DIST, base = '/'): Promise<SearchIndex> {
  const script = resolve(dist, 'pagefind/pagefind.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
  const server = await startStaticServer({ root: dist, base });
  const pagefind = (await import(pathToFileURL(script).href)) as Pagefind;
  // The site's own ranking (search-ui.ts), so that tests see the order readers do.
  await pagefind.options({ basePath: `${server.url}pagefind/`, baseUrl: '/', ranking: SEARCH_RANKING });
  return {
    async search(query, options) {
      const found = await pagefind.search(query, options);
      return Promise.all((found?.results ?? []).map((result) => result.data()));
    },
    filters: () => pagefind.filters(),
    close: () => server.close(),
  };
}
