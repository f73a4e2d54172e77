import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex, type SearchIndex } from '../support/pagefind';

let index: SearchIndex;
const search = (query: string) => index.search(query);

beforeAll(async () => {
  index = await openIndex();
});

afterAll(async () => {
  await index?.close();
});

describe('the search index', () => {
  it.each([
    ['live patching', '/releases/4.7/#live-patching', 'Live patching'],
    ['COLO', '/releases/4.7/#colo', undefined],
    ['PSCI', '/releases/4.7/#psci-1-0', 'PSCI 1.0 compatibility'],
    ['KCONFIG', '/releases/4.7/#kconfig', undefined],
    ['posted interrupts', '/releases/4.7/#posted-interrupts', undefined],
    ['XSA-176', '/releases/4.6.3/#xsa-176', 'XSA-176: x86 software page walk ignored the PS bit'],
    ['security advisories', '/releases/4.6.3/#security-advisories', 'Security advisories fixed since 4.6.1'],
  ])('finds "%s" first at %s', async (query, url, title) => {
    const [first] = await search(query);
    expect(first?.url).toBe(url);
    if (title) expect(first?.meta.title).toBe(title);
  });

  it('points every hit at a feature anchor on a release page, or an entry of its interface changes', async () => {
    const results = await search('xen');
    expect(results.length).toBeGreaterThanOrEqual(20);
    for (const result of results) expect(result.url).toMatch(/^\/releases\/[\d.]+\/(#[a-z0-9-]+|interface\/#[a-z0-9_-]+)$/);
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
    const filters = await index.filters();
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
