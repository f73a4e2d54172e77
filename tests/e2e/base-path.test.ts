import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';
import { buildSite, type SiteBuild } from '../support/fixture-build';
import { openIndex } from '../support/pagefind';
import { brokenLinks, builtPages } from '../support/site';
import { answerHits } from '../support/search-hits';

const BASE = '/docs/xen/';
let build: SiteBuild;

beforeAll(() => {
  build = buildSite({ env: { BASE_PATH: BASE } });
  if (build.status !== 0) throw new Error(`The build under ${BASE} failed:\n${build.output}`);
}, 120_000);

afterAll(() => build?.cleanUp());

const site = useBrowserOnSite({ root: () => build.outDir, base: BASE });

describe(`the site built with BASE_PATH=${BASE}`, () => {
  it('keeps every link, asset and #fragment inside the base path, and resolving', () => {
    const pages = builtPages(build.outDir, BASE);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(brokenLinks(pages, build.outDir, BASE)).toEqual([]);
  });

  it('indexes notes at their URL under the base path', async () => {
    const index = await openIndex(build.outDir, BASE);
    try {
      const [first] = await index.search('live patching');
      expect(first?.url).toBe(`${BASE}releases/4.7/#live-patching`);
    } finally {
      await index.close();
    }
  });

  it('searches in the browser and lands on the feature', async () => {
    const page = await site.browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(site.url);
    await page.locator('#site-search').fill('COLO');
    const first = page.locator(answerHits()).first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(`${site.url}releases/4.7/?highlight=COLO#colo`);
    await expect.poll(() => page.evaluate(() => document.getElementById('colo')?.matches(':target'))).toBe(true);
    await page.locator('#colo mark.pagefind-highlight').first().waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
});
