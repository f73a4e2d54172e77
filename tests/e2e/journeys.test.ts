import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';
import { builtPages, frontmatterOf } from '../support/site';
import { answerHits } from '../support/search-hits';

const site = useBrowserOnSite();

const contexts: BrowserContext[] = [];

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

/** A fresh page that records every console error, uncaught exception and failed request. */
async function openPage(options: { viewport?: typeof PHONE; javaScriptEnabled?: boolean } = {}) {
  const context = await site.browser.newContext({ viewport: options.viewport ?? DESKTOP, ...options });
  contexts.push(context);
  // Report every Content-Security-Policy violation as a console error, which the page records.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Leaving a page cancels what it still loads (its favicon, say): the test's doing, not the site's.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed request: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/404.html')) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return { page, problems };
}

/** A third of the window's height: "near the top" for a heading at the end of a page. */
function topThird(height: number): number {
  return height / 3;
}

/**
 * Where a heading sits below the sticky band (the header, and on a narrow
 * release page the section label stuck under it), and whether it is the :target.
 */
function headingState(page: Page, id: string) {
  return page.evaluate((target) => {
    const element = document.getElementById(target);
    if (!element) return null;
    const stuck = [document.querySelector('header.site-header'), ...document.querySelectorAll('.section-label > span')]
      .filter((band): band is Element => band !== null && getComputedStyle(band).visibility === 'visible')
      .map((band) => band.getBoundingClientRect())
      .filter((box) => box.top < 1 + window.innerHeight / 4 && box.bottom > 0);
    const bandBottom = Math.max(0, ...stuck.map((box) => box.bottom));
    return { top: element.getBoundingClientRect().top - bandBottom, isTarget: element.matches(':target') };
  }, id);
}

afterAll(async () => {
  for (const context of contexts) await context.close();
});

describe('searching a feature by keyword', () => {
  it('finds Live patching first for "live patching" and lands on its anchor, by keyboard', async () => {
    const { page, problems } = await openPage();
    await page.goto(site.url);
    await page.keyboard.press('/');
    // The first key fetches the page's modules, which then act on it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('live patching');
    const first = page.locator(answerHits()).first();
    // Results for the first letters typed may show before those for the whole words.
    await expect.poll(() => first.locator('.search-result-title').textContent()).toBe('Live patching');
    await expect.poll(() => page.locator('#site-search-status').textContent()).toMatch(/^\d+ (feature matches|features match) “live patching”\.$/);
    // The first hit is the selected option: Enter opens it.
    await expect.poll(() => page.getAttribute('#site-search', 'aria-activedescendant')).toBe(await first.getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/releases\/4\.7\/\?highlight=live\+patching#live-patching$/);
    await page.waitForFunction(() => document.getElementById('live-patching')?.matches(':target'));
    // Notes near the target are laid out as the page lands: wait for the heading to settle under the band.
    await expect.poll(() => headingState(page, 'live-patching').then((state) => state?.top)).toBeGreaterThanOrEqual(0);
    await expect.poll(() => headingState(page, 'live-patching').then((state) => state?.top)).toBeLessThan(60);
    // The page marks the searched words, inside the notes only.
    await page.locator('#live-patching mark.pagefind-highlight').first().waitFor();
    expect(await page.locator('header mark, nav mark').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('works by touch on a phone', async () => {
    const { page, problems } = await openPage({ viewport: PHONE });
    await page.goto(`${site.url}releases/4.6.3/`);
    await page.locator('#site-search').fill('PSCI');
    const first = page.locator(answerHits()).first();
    await expect.poll(() => first.locator('.search-result-title').textContent()).toBe('PSCI 1.0 compatibility');
    await first.click();
    await page.waitForURL(/\/releases\/4\.7\/\?highlight=PSCI#psci-1-0$/);
    await expect.poll(() => headingState(page, 'psci-1-0').then((state) => state?.isTarget)).toBe(true);
    await expect.poll(() => headingState(page, 'psci-1-0').then((state) => state?.top)).toBeLessThan(60);
    expect(problems).toEqual([]);
  });

  it('restores a shared search from the address of the search page', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${site.url}search/?q=COLO`);
    const first = page.locator(answerHits('page-search')).first();
    await expect.poll(() => first.getAttribute('href')).toBe('/releases/4.7/?highlight=COLO#colo');
    await expect.poll(() => page.inputValue('#page-search')).toBe('COLO');
    expect(problems).toEqual([]);
  });

  it('closes the results with Escape and returns to the search box', async () => {
    const { page } = await openPage();
    await page.goto(site.url);
    await page.locator('#site-search').fill('credit2');
    const hits = page.locator(answerHits());
    await expect.poll(() => hits.count()).toBeGreaterThan(1);
    // The box keeps focus; the arrow moves the selected hit from the first to the second.
    await expect.poll(() => page.getAttribute('#site-search', 'aria-activedescendant')).toBe(await hits.nth(0).getAttribute('id'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getAttribute('#site-search', 'aria-activedescendant')).toBe(await hits.nth(1).getAttribute('id'));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#site-search-results').isHidden()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  });
});

describe('links pasted into mails and tickets', () => {
  const releasePages = builtPages().filter(({ url }) => /^\/releases\/[\d.]+\/$/.test(url));
  const targets = releasePages.flatMap(({ url, document }) =>
    [...document.querySelectorAll('main h2[id], main h3[id]')]
      .filter((heading) => heading.querySelector('a.heading-anchor'))
      .map((heading) => ({ url, id: heading.id })),
  );

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)('open every category and feature with its heading at the top of the window (%s)', async (_name, viewport) => {
    expect(targets.length).toBeGreaterThan(30);
    const { page, problems } = await openPage({ viewport });
    /** What is wrong with where the heading landed, or '' when it is at the top of the window, whole and the :target. */
    const misplacement = async (url: string, id: string) => {
      const state = await headingState(page, id);
      const { covered, atEnd } = await page.evaluate((target) => {
        const heading = document.getElementById(target)!;
        const box = heading.getBoundingClientRect();
        const topmost = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
        return {
          covered: topmost !== null && !heading.contains(topmost),
          atEnd: Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight,
        };
      }, id);
      // The last notes of a page cannot scroll higher than the end of the page allows.
      const limit = atEnd ? topThird(viewport.height) : 60;
      if (state?.isTarget && state.top >= 0 && state.top <= limit && !covered) return '';
      return `${url}#${id}: top ${state?.top}, :target ${state?.isTarget}, covered ${covered}`;
    };
    for (const { url, id } of targets) {
      await page.goto(`${site.url}${url.slice(1)}#${id}`);
      // Notes near the target are laid out as the page lands, which can move it: wait for it to settle.
      await expect.poll(() => misplacement(url, id)).toBe('');
    }
    expect(problems).toEqual([]);
  });
});

describe('by keyboard alone', () => {
  it('reaches the skip link first, then search, then every anchor link, each with a visible focus ring', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${site.url}releases/4.7/`);
    const visited: { description: string; outline: string; visible: boolean }[] = [];
    for (let step = 0; step < 400; step += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        // Back at an element already visited: the tab order has gone round once.
        if (!element || element === document.body || element.dataset.tabVisited) return null;
        element.dataset.tabVisited = '';
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          description: element.id
            ? `#${element.id}`
            : `${element.tagName.toLowerCase()}.${element.classList[0] ?? ''}[${element.getAttribute('href') ?? ''}]`,
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          visible: box.width >= 8 && box.height >= 8 && box.bottom > 0 && box.top < window.innerHeight,
        };
      });
      if (!focused) break;
      visited.push(focused);
    }
    expect(visited[0]?.description).toContain('skip-link');
    const order = visited.map((entry) => entry.description);
    expect(order.indexOf('#site-search')).toBeGreaterThan(0);
    const anchorLinks = await page.locator('main a.heading-anchor').evaluateAll((links) =>
      links.map((link) => link.getAttribute('href')),
    );
    expect(anchorLinks.length).toBeGreaterThan(20);
    for (const href of anchorLinks) {
      expect(order, href ?? '').toContain(`a.heading-anchor[${href}]`);
    }
    for (const entry of visited) {
      expect(entry.outline, entry.description).toMatch(/^solid [2-9]/);
      expect(entry.visible, `${entry.description} is focused but not on screen`).toBe(true);
    }
    expect(problems).toEqual([]);
  });

  it('reaches the search results from the search box with Tab', async () => {
    const { page } = await openPage();
    await page.goto(site.url);
    await page.locator('#site-search').fill('COLO');
    await page.locator(answerHits()).first().waitFor();
    await page.locator('#site-search').focus();
    let reached = false;
    for (let step = 0; step < 3 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.hasAttribute('data-search-result') ?? false);
    }
    expect(reached).toBe(true);
  });

  it('moves focus into the page with the skip link', async () => {
    const { page } = await openPage();
    await page.goto(`${site.url}releases/4.7/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // The first key starts the page modules, and the boot script holds the link until they run.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});

describe('without JavaScript', () => {
  it('shows every note of a release and no search box that cannot work', async () => {
    const notes = frontmatterOf('content/notes').filter(({ data }) => data.release === '4.7');
    const { page } = await openPage({ javaScriptEnabled: false, viewport: PHONE });
    await page.goto(`${site.url}releases/4.7/`);
    expect(await page.locator('article.note').count()).toBe(notes.length);
    for (const { data } of notes) {
      expect(await page.locator(`article.note h3 >> text="${String(data.feature)}"`).isVisible()).toBe(true);
    }
    expect(await page.locator('#site-search').isVisible()).toBe(false);
    const fallback = page.locator('header a', { hasText: 'Index of all features' });
    expect(await fallback.isVisible()).toBe(true);
    await fallback.click();
    await page.waitForURL(/\/search\/$/);
    expect(await page.locator('.feature-index a[href="/releases/4.7/#live-patching"]').isVisible()).toBe(true);
  });
});

describe('every page', () => {
  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)('loads without console errors, failed requests or uncaught exceptions while searching (%s)', async (_name, viewport) => {
    const urls = builtPages().map(({ url }) => url.replace(/^\//, ''));
    const { page, problems } = await openPage({ viewport });
    for (const url of urls) {
      await page.goto(site.url + url);
      // The page's one search box: the header's, or the page's own (search and 404 pages).
      const box = page.locator('[data-search-input]');
      expect(await box.count(), url).toBe(1);
      const id = await box.getAttribute('id');
      await box.focus();
      await page.keyboard.type('xen');
      await page.locator(answerHits(id!)).first().waitFor();
    }
    expect(problems).toEqual([]);
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    const { page } = await openPage({ viewport: PHONE });
    for (const { url } of builtPages()) {
      await page.goto(site.url + url.replace(/^\//, ''));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });
});
