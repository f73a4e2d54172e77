import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { DIST } from '../support/site';

interface PagefindResult {
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let pagefind: Pagefind;
let server: { url: string; close(): Promise<void> };

/** The results of a query, best first. */
async function search(query: string): Promise<PagefindResult[]> {
  const { results } = await pagefind.search(query);
  return Promise.all(results.map((result) => result.data()));
}

beforeAll(async () => {
  const script = resolve(DIST, 'pagefind/pagefind.js');
  if (!existsSync(script)) throw new Error('dist/pagefind/ is missing: run `npm run build` first');
  server = await startStaticServer({ root: DIST });
  // In Node Pagefind runs on the main thread and fetches its index over HTTP.
  pagefind = (await import(pathToFileURL(script).href)) as Pagefind;
  await pagefind.options({ basePath: `${server.url}pagefind/`, baseUrl: '/' });
});

afterAll(async () => {
  await server?.close();
});

describe('the search index', () => {
  it.each([
    ['live patching', '/releases/4.7/#live-patching', 'Live patching'],
    ['COLO', '/releases/4.7/#colo', undefined],
    ['PSCI', '/releases/4.7/#psci-1-0', 'PSCI 1.0 compatibility'],
    ['KCONFIG', '/releases/4.7/#kconfig', undefined],
    ['posted interrupts', '/releases/4.7/#posted-interrupts', undefined],
    ['XSA-176', '/releases/4.6.3/#security-advisories', undefined],
  ])('finds "%s" first at %s', async (query, url, title) => {
    const [first] = await search(query);
    expect(first?.url).toBe(url);
    if (title) expect(first?.meta.title).toBe(title);
  });

  it('points every hit at a feature anchor on a release page', async () => {
    const results = await search('xen');
    expect(results.length).toBeGreaterThanOrEqual(20);
    for (const result of results) expect(result.url).toMatch(/^\/releases\/[\d.]+\/#[a-z0-9-]+$/);
  });

  it('carries release, category, architecture and status as metadata', async () => {
    const [first] = await search('live patching');
    expect(first?.meta).toMatchObject({
      release: 'Xen 4.7',
      category: 'Security Features',
      architecture: 'x86',
      status: 'Technology preview',
    });
  });

  it('offers filters for release, category, architecture, status and the experimental flag', async () => {
    const filters = await pagefind.filters();
    expect(Object.keys(filters).sort()).toEqual(['architecture', 'category', 'experimental', 'release', 'status']);
    expect(Object.keys(filters.release ?? {}).sort()).toEqual(['4.6.3', '4.7']);
    expect(filters.category?.['security-features']).toBe(4);
    expect(Object.keys(filters.architecture ?? {}).sort()).toEqual(['all', 'arm', 'x86']);
    expect(filters.status).toMatchObject({ 'tech-preview': 1, supported: 1 });
    expect(filters.status?.experimental).toBe(filters.experimental?.true);
  });

  it('does not index the navigation or the footer', async () => {
    expect(await search('Unofficial')).toEqual([]);
  });
});
