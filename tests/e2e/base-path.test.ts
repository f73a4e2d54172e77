import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchChromium } from '../support/browser';
import { buildSite, type SiteBuild } from '../support/fixture-build';
import { openIndex } from '../support/pagefind';
import { brokenLinks, builtPages } from '../support/site';

const BASE = '/docs/xen/';
let build: SiteBuild;
let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  build = buildSite({ env: { BASE_PATH: BASE } });
  if (build.status !== 0) throw new Error(`The build under ${BASE} failed:\n${build.output}`);
  server = await startStaticServer({ root: build.outDir, base: BASE });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  build?.cleanUp();
});

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
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(server.url);
    await page.locator('#site-search').fill('COLO');
    const first = page.locator('#site-search-results [data-search-result]').first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(`${server.url}releases/4.7/?highlight=COLO#colo`);
    expect(await page.evaluate(() => document.getElementById('colo')?.matches(':target'))).toBe(true);
    await page.locator('#colo mark.pagefind-highlight').first().waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
});
