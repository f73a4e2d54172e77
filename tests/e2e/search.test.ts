import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';
import { answerHits } from '../support/search-hits';

const site = useBrowserOnSite();

async function searchPage(query = ''): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${site.url}search/${query}`);
  return page;
}

const facetBox = (page: Page, facet: string, value: string) => page.locator(`input[name="${facet}"][value="${value}"]`);
const resultTitles = (page: Page) => page.locator('#page-search-results .search-result-title').allTextContents();
const count = async (page: Page, facet: string, value: string) =>
  page.locator(`input[name="${facet}"][value="${value}"] ~ [data-facet-count]`).textContent();

describe('the search page', () => {
  it('narrows across facets and widens within one, with live counts', async () => {
    const page = await searchPage('?q=scheduler');
    await page.locator(answerHits('page-search')).first().waitFor();
    await page.waitForFunction(() => document.querySelector('#page-search-status')?.textContent?.includes('“scheduler”'));
    const titles = await resultTitles(page);
    // KCONFIG support is found too: an expert build chooses its schedulers. It has no status label.
    // The two schedulers first, then the scheduler commits of the 4.6.3 change log.
    expect(titles.slice(0, 2).sort()).toEqual(['Credit2 scheduler improvements', 'RTDS real-time scheduler improvements']);
    expect(titles.filter((title) => !title.startsWith('Commit ')).sort()).toEqual([
      'Credit2 scheduler improvements',
      'KCONFIG support',
      'RTDS real-time scheduler improvements',
    ]);
    await page.waitForFunction(() => document.querySelector('input[value="all"] ~ [data-facet-count]')?.textContent === '3');

    await facetBox(page, 'status', 'experimental').check();
    await page.waitForURL(/status=experimental/);
    await facetBox(page, 'architecture', 'x86').check();
    await page.waitForURL(/architecture=x86/);
    await page.waitForFunction(() => document.querySelector('#page-search-status')?.textContent?.startsWith('No features'));
    expect(await resultTitles(page)).toEqual([]);
    // The architecture counts ignore the architecture filter itself: choosing "All architectures" too would give 2.
    // The counts are written after the results.
    await expect.poll(() => count(page, 'architecture', 'all')).toBe('2');

    await facetBox(page, 'architecture', 'all').check();
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 2, answerHits('page-search'));
    await expect.poll(() => new URL(page.url()).search).toBe('?q=scheduler&architecture=all&architecture=x86&status=experimental');
    await page.close();
  });

  it('restores query and filters from a shared link, and again with the back button', async () => {
    const page = await searchPage('?q=patching&architecture=x86');
    await expect.poll(() => resultTitles(page)).toEqual(['Live patching']);
    expect(await page.inputValue('#page-search')).toBe('patching');
    expect(await facetBox(page, 'architecture', 'x86').isChecked()).toBe(true);

    await facetBox(page, 'architecture', 'x86').uncheck();
    await page.waitForURL((url) => !url.search.includes('architecture'));
    await page.goBack();
    await page.waitForURL(/architecture=x86/);
    await page.waitForFunction(() => (document.querySelector('input[name="architecture"][value="x86"]') as HTMLInputElement).checked);
    await expect.poll(() => resultTitles(page)).toEqual(['Live patching']);
    await page.close();
  });

  it('browses by filter alone, without words', async () => {
    const page = await searchPage('?architecture=arm');
    await expect.poll(async () => (await resultTitles(page)).sort()).toEqual([
      'PSCI 1.0 compatibility',
      'SBBR compliance (ACPI 6.0 boot on ARM64)',
      'Wallclock time for ARM guests',
      'XSA-181: ARM host crash when virtual machine identifiers run out',
      'vGIC-v3 rework',
    ]);
    await page.close();
  });

  it('shows each hit with its release, category, badges and highlighted words', async () => {
    const page = await searchPage('?q=COLO');
    const first = page.locator('#page-search-results .search-result').first();
    await first.waitFor();
    expect(await first.locator('.search-result-title').textContent()).toBe('COLO fault tolerance');
    expect(await first.locator('.search-result-context').textContent()).toBe('Xen 4.7 · Migration Support');
    expect(await first.locator('.badge').allTextContents()).toEqual(['x86', 'Experimental']);
    expect(await first.locator('.search-result-excerpt mark').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('odd queries', () => {
  const odd = [
    ['only spaces', '     ', /^Type a word/],
    ['500 characters', 'x'.repeat(500), /^No features match/],
    ['markup', '<script>alert(1)</script><img src=x onerror=alert(2)>', /features? match/],
    ['quotes', `"live' patching"`, /feature/],
    ['emoji', '🚀🔥', /^No features match/],
  ] as const;

  it.each(odd)('answer %s with a friendly message and inject nothing', async (_name, query, message) => {
    const page = await site.browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(site.url);
    await page.locator('#site-search').fill(query);
    await expect.poll(() => page.locator('#site-search-status').textContent()).toMatch(message);
    expect(await page.locator('header img, header script:not([src])').count()).toBe(0);
    expect(await page.locator('#site-search-status').innerHTML()).not.toContain('<');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('answer an empty query with nothing at all', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.url);
    await page.locator('#site-search').fill('colo');
    await page.locator(answerHits()).first().waitFor();
    await page.locator('#site-search').fill('');
    await page.waitForFunction(() => document.querySelector('#site-search-results')?.hasAttribute('hidden'));
    await expect.poll(() => page.locator('#site-search-status').textContent()).toBe('');
    await page.close();
  });
});

describe('one character', () => {
  const fragmentRequests = (page: Page) => {
    const requested: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/fragment/')) requested.push(request.url());
    });
    return requested;
  };

  it('is not searched in the header: results start at the second character', async () => {
    const page = await site.browser.newPage();
    const fragments = fragmentRequests(page);
    await page.goto(`${site.url}releases/4.7/`);
    // The first key is not searched, but Pagefind fetches its WebAssembly for the next.
    const warmedUp = page.waitForResponse((response) => /\/pagefind\/wasm\.\w+\.pagefind$/.test(response.url()));
    await page.locator('#site-search').fill('c');
    await warmedUp;
    await expect.poll(() => page.locator('#site-search-results').isHidden()).toBe(true);
    expect(fragments).toEqual([]);

    await page.keyboard.type('o');
    await expect.poll(() => page.locator('#site-search-status').textContent()).toMatch(/features? match “co”/);
    // Each hit shown loads its own fragment, and only those were fetched: none for a search of "c" alone,
    // which would have fetched the fragments of its own first hits.
    const shown = await page.locator(answerHits()).count();
    expect(shown).toBeGreaterThan(0);
    expect(new Set(fragments).size).toBe(shown);
    await page.close();
  });

  it('asks for a second one on the search page, and filters alone still browse', async () => {
    const page = await searchPage('?q=c');
    const fragments = fragmentRequests(page);
    await page.waitForFunction(() => document.querySelector('#page-search-status')?.textContent === 'Type at least 2 characters, or choose filters.');
    expect(await page.inputValue('#page-search')).toBe('c');
    // The facet counts arrive last; once they do, the page has done all it will.
    await page.waitForFunction(() => document.querySelector('input[value="all"] ~ [data-facet-count]')?.textContent !== '');
    expect(fragments).toEqual([]);
    expect(await resultTitles(page)).toEqual([]);

    await facetBox(page, 'architecture', 'arm').check();
    await page.waitForURL(/\?q=c&architecture=arm$/);
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 5, answerHits('page-search'));
    await expect.poll(() => page.locator('#page-search-status').textContent()).toBe('5 features match the chosen filters.');
    await page.close();
  });
});

describe('page weight before search', () => {
  it('loads no search code or index until the reader focuses search', async () => {
    const page = await site.browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}releases/4.7/`, { waitUntil: 'networkidle' });
    expect(requested.filter((path) => path.includes('pagefind') || path.includes('search-ui'))).toEqual([]);
    const pagefindRequested = page.waitForRequest((request) => request.url().includes('/pagefind/pagefind.js'));
    await page.locator('#site-search').focus();
    await pagefindRequested;
    await page.close();
  });

  it('fetches the notes’ names and the lexicon beside the search interface, not after it, and Pagefind after them', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}releases/4.7/`, { waitUntil: 'networkidle' });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    let releaseInterface = () => {};
    const interfaceHeld = new Promise<void>((resolve) => (releaseInterface = resolve));
    await page.route(/\/_astro\/search\.[\w-]+\.js$/, async (route) => {
      await interfaceHeld;
      await route.continue();
    });
    const names = page.waitForRequest((request) => request.url().endsWith('/search-names.json'), { timeout: 5000 });
    const lexicon = page.waitForRequest((request) => request.url().endsWith('/search-lexicon.json'), { timeout: 5000 });
    await page.locator('#site-search').focus();
    // Requested while the interface module is still on its way.
    await Promise.all([names, lexicon]);
    expect(requested.filter((path) => path.includes('/pagefind/'))).toEqual([]);
    const pagefindRequested = page.waitForRequest((request) => request.url().includes('/pagefind/pagefind.js'));
    releaseInterface();
    await pagefindRequested;
    await page.locator('#site-search').fill('colo');
    await page.locator(answerHits()).first().waitFor();
    await page.close();
  });
});
