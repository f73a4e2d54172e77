import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndex, type SearchIndex } from '../support/pagefind';

interface QueryCase {
  query: string;
  expect: string;
}

const { queries } = JSON.parse(readFileSync('tests/search-queries.json', 'utf8')) as { queries: QueryCase[] };
let index: SearchIndex;

beforeAll(async () => {
  index = await openIndex();
});

afterAll(async () => {
  await index?.close();
});

describe('search quality over the query set', () => {
  it('has at least 40 queries, each expecting a note that exists', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const anchors = new Set((await index.search('xen')).map((result) => result.url));
    for (const { expect: url } of queries) expect(anchors, url).toContain(url);
  });

  it('finds the expected note first for at least 95% of the queries', async () => {
    const misses: string[] = [];
    for (const { query, expect: url } of queries) {
      const [first] = await index.search(query);
      if (first?.url !== url) misses.push(`"${query}": expected ${url}, got ${first?.url ?? 'nothing'}`);
    }
    const accuracy = (queries.length - misses.length) / queries.length;
    expect(accuracy, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['XSA-178', '/releases/4.6.3/#xsa-178'],
    ['CVE-2016-4480', '/releases/4.6.3/#xsa-176'],
    ['XSA-181', '/releases/4.6.3/#xsa-181'],
    ['CVE-2014-3672', '/releases/4.6.3/#xsa-180'],
    ['4.6.2', '/releases/4.6.3/#no-4-6-2'],
    ['iommu=intpost', '/releases/4.7/#posted-interrupts'],
    ['xl remus', '/releases/4.7/#colo'],
    ['usbctrl', '/releases/4.7/#pvusb'],
    ['LIVEPATCH', '/releases/4.7/#live-patching'],
  ])('finds the Xen token %s exactly', async (query, url) => {
    const [first] = await index.search(query);
    expect(first?.url).toBe(url);
  });
});
