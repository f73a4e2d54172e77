import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';
import { answerHits } from '../support/search-hits';

const site = useBrowserOnSite();
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

async function open(path: string, viewport = DESKTOP): Promise<Page> {
  const page = await site.browser.newPage({ viewport });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${site.url}${path}`);
  return page;
}

async function headerSearch(query: string, viewport = DESKTOP, path = 'releases/4.7/'): Promise<Page> {
  const page = await open(path, viewport);
  await page.locator('#site-search').fill(query);
  return page;
}

const firstHit = (page: Page, id = 'site-search') => page.locator(answerHits(id)).first();

describe('nothing found is said, visibly', () => {
  for (const [name, viewport] of [
    ['a phone', PHONE],
    ['a desktop', DESKTOP],
  ] as const) {
    it(`in the header on ${name}, with the closest feature names and a way on`, async () => {
      const page = await headerSearch('cerdti2', viewport);
      const nothing = page.locator('#site-search-results .search-nothing');
      await expect.poll(() => nothing.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await nothing.textContent()).toBe('Nothing matches “cerdti2”.');
      const suggestion = page.locator('#site-search-results .search-suggestions a');
      expect(await suggestion.allTextContents()).toEqual(['Credit2 scheduler improvements']);
      expect(await suggestion.getAttribute('href')).toBe('/releases/4.7/#credit2');
      expect(await suggestion.isVisible()).toBe(true);
      const way = page.locator('#site-search-results .search-way-on a');
      expect(await way.isVisible()).toBe(true);
      expect(await way.getAttribute('href')).toBe('/search/');
      // The panel is as tall as what it says, not a 16 px strip.
      expect((await page.locator('#site-search-results').boundingBox())!.height).toBeGreaterThan(60);
      // Screen readers hear it from the live region.
      expect(await page.locator('#site-search-status').textContent()).toMatch(/^No features match “cerdti2”/);
      await page.close();
    });

    it(`on the search page on ${name}, with a button that clears the filters`, async () => {
      const page = await open('search/?q=cerdti2&architecture=arm', viewport);
      const nothing = page.locator('#page-search-results .search-nothing');
      await expect.poll(() => nothing.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await page.locator('#page-search-results .search-suggestions a').allTextContents()).toEqual(['Credit2 scheduler improvements']);
      const clear = page.locator('#page-search-results [data-search-clear-filters]');
      expect(await clear.isVisible()).toBe(true);
      await clear.click();
      await page.waitForURL(/\/search\/\?q=cerdti2$/);
      expect(await page.locator('input[name="architecture"][value="arm"]').isChecked()).toBe(false);
      await expect.poll(() => page.locator('#page-search-results [data-search-clear-filters]').count(), { timeout: 10_000 }).toBe(0);
      expect(await nothing.isVisible()).toBe(true);
      await page.close();
    });
  }
});

describe('identifiers are exact', () => {
  it('says first that 4.6.3 fixes no XSA-179, and labels what follows as partial matches', async () => {
    const page = await headerSearch('XSA-179');
    const statement = page.locator('#site-search-results .search-statement');
    await expect.poll(() => statement.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await statement.textContent()).toMatch(/^The Xen 4\.6\.3 notes cover no XSA-179; they cover XSA-154, XSA-155, .* and XSA-181\.$/);
    expect(await page.locator('#site-search-results .search-partial').textContent()).toBe('Partial matches:');
    expect(await page.locator('#site-search-status').textContent()).toMatch(/^The Xen 4\.6\.3 notes cover no XSA-179;.*Partial matches follow\.$/);
    await page.close();
  });

  it('opens the advisory typed without its hyphen first', async () => {
    const page = await headerSearch('xsa 178');
    await firstHit(page).waitFor();
    expect(await firstHit(page).getAttribute('href')).toBe('/releases/4.6.3/?highlight=XSA-178#xsa-178');
    await page.close();
  });
});

describe('typing mistakes', () => {
  it('corrects credti2 to Credit2 and says what it searched instead', async () => {
    const page = await headerSearch('credti2');
    const corrected = page.locator('#site-search-results .search-corrected');
    await expect.poll(() => corrected.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await corrected.textContent()).toBe('Showing results for credit2: nothing matches “credti2”.');
    expect(await firstHit(page).locator('.search-result-title').textContent()).toBe('Credit2 scheduler improvements');
    expect(await firstHit(page).getAttribute('href')).toBe('/releases/4.7/?highlight=credit2#credit2');
    await page.close();
  });

  it('leaves a correct word as it is', async () => {
    const page = await headerSearch('credit2');
    // A prefix typed on the way ("credi") is corrected; wait for the answer to the whole word.
    await expect.poll(() => page.locator('#site-search-status').textContent()).toMatch(/match(es)? “credit2”/);
    expect(await page.locator('#site-search-status').textContent()).not.toMatch(/showing results/i);
    expect(await page.locator('#site-search-results .search-corrected').count()).toBe(0);
    expect(await firstHit(page).getAttribute('href')).toBe('/releases/4.7/?highlight=credit2#credit2');
    await page.close();
  });
});

describe('excerpts that explain the hit', () => {
  it('show the summary, and a body passage that starts a sentence of the note', async () => {
    const page = await headerSearch('live patching');
    await firstHit(page).locator('.search-result-excerpt').waitFor();
    const summary = await firstHit(page).locator('.search-result-summary').textContent();
    expect(summary).toBe('Apply most hypervisor security fixes to a running host, without a reboot; shipped as a technology preview.');
    const excerpt = (await firstHit(page).locator('.search-result-excerpt').textContent())!;
    expect(await firstHit(page).locator('.search-result-excerpt mark').count()).toBeGreaterThan(0);
    // In the note on the page, the passage begins a block or follows a sentence's end.
    const begins = await page.evaluate((start) => {
      const note = document.querySelector('[data-search-record="live-patching"] .prose');
      return [...(note?.querySelectorAll('p, li') ?? [])].some((block) => {
        const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
        const at = text.indexOf(start);
        return at === 0 || (at > 0 && /[.!?]["”’)]? $/.test(text.slice(0, at)));
      });
    }, excerpt.slice(0, 40));
    expect(begins).toBe(true);
    await page.close();
  });

  it('never show an advisory’s other names, and keep the title apart from the summary', async () => {
    const page = await headerSearch('XSA-155');
    await firstHit(page).waitFor();
    const texts = await page.locator(answerHits()).allTextContents();
    for (const text of texts) {
      expect(text).not.toContain('Also known as');
      expect(text).not.toMatch(/XSA 155, XSA155/);
    }
    const title = await firstHit(page).locator('.search-result-title').boundingBox();
    const summary = await firstHit(page).locator('.search-result-summary').boundingBox();
    expect(summary!.y).toBeGreaterThanOrEqual(title!.y + title!.height - 1);
    await page.close();
  });
});

describe('the header list', () => {
  it('gives the total and "See all N results" at the top', async () => {
    const page = await headerSearch('scheduler');
    await firstHit(page).waitFor();
    const status = (await page.locator('#site-search-status').textContent())!;
    const total = Number(/(\d+) features? match/.exec(status)?.[1]);
    expect(total).toBeGreaterThan(3);
    expect(await page.locator('#site-search-results [data-search-count]').textContent()).toBe(`${total} results`);
    const more = page.locator('#site-search-results [data-search-more]');
    expect(await more.textContent()).toBe(`See all ${total} results`);
    expect(await more.getAttribute('href')).toBe('/search/?q=scheduler');
    const panel = (await page.locator('#site-search-results').boundingBox())!;
    const moreBox = (await more.boundingBox())!;
    const firstBox = (await firstHit(page).boundingBox())!;
    expect(moreBox.y).toBeLessThan(firstBox.y);
    expect(moreBox.y + moreBox.height).toBeLessThanOrEqual(panel.y + panel.height);
    await page.close();
  });

  it('shows as many hits as a phone holds, within the window', async () => {
    const page = await headerSearch('xen', PHONE);
    await firstHit(page).waitFor();
    const panel = (await page.locator('#site-search-results').boundingBox())!;
    expect(panel.y + panel.height).toBeLessThanOrEqual(PHONE.height);
    expect(await page.locator(answerHits()).count()).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it('opens the top hit with Enter; the arrows choose another', async () => {
    const page = await headerSearch('scheduler');
    await firstHit(page).waitFor();
    const second = page.locator(answerHits()).nth(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => second.getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
    expect(await page.getAttribute('#site-search', 'aria-activedescendant')).toBe(await second.getAttribute('id'));
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => firstHit(page).getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
    const href = (await firstHit(page).getAttribute('href'))!;
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.hash === new URL(href, site.url).hash);
    await page.close();
  });
});

describe('after following a hit', () => {
  it('shows the clean anchor in the address bar, and a reload stays at the anchor', async () => {
    const page = await headerSearch('COLO', DESKTOP, '');
    await firstHit(page).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#colo mark.pagefind-highlight').first().waitFor();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${site.url}releases/4.7/#colo`);
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.getElementById('colo')?.matches(':target')), { timeout: 10_000 }).toBe(true);
    expect(page.url()).toBe(`${site.url}releases/4.7/#colo`);
    await page.close();
  });
});
