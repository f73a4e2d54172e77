import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';
import { answerHits } from '../support/search-hits';

const site = useBrowserOnSite();

async function open(path = 'releases/4.7/'): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${site.url}${path}`);
  return page;
}

/** Holds every request for Pagefind's files until `release` is called; `requested` settles at the first. */
async function holdPagefind(page: Page): Promise<{ requested: Promise<void>; release: () => void }> {
  let release!: () => void;
  let seen!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const requested = new Promise<void>((resolve) => (seen = resolve));
  await page.route('**/pagefind/**', async (route) => {
    seen();
    await released;
    await route.continue();
  });
  return { requested, release };
}

const pendingHits = (page: Page) => page.locator('#site-search-results ol[data-search-pending] [data-search-result]');
const finalHits = (page: Page) => page.locator(answerHits());
const hitTarget = (href: string | null) => {
  const url = new URL(href ?? '', 'http://site.invalid');
  return `${url.pathname}${url.hash}`;
};

describe('the first hits come from the notes’ names while Pagefind is on its way', () => {
  it('shows the note named by the query, then Pagefind’s answer in its place', async () => {
    const page = await open();
    const pagefind = await holdPagefind(page);
    await page.locator('#site-search').fill('COLO');
    await pendingHits(page).first().waitFor();
    expect(hitTarget(await pendingHits(page).first().getAttribute('href'))).toBe('/releases/4.7/#colo');
    expect(await pendingHits(page).first().locator('.search-result-title').textContent()).toMatch(/^COLO/);
    expect(await page.locator('#site-search-results [data-search-count]').textContent()).toBe('Searching every note…');
    // The live region speaks once, with the full answer.
    expect(await page.locator('#site-search-status').textContent()).toBe('');

    pagefind.release();
    await finalHits(page).first().waitFor();
    expect(hitTarget(await finalHits(page).first().getAttribute('href'))).toBe('/releases/4.7/#colo');
    expect(await page.locator('#site-search-results [data-search-count]').textContent()).toMatch(/^\d+ results?$/);
    expect(await page.locator('#site-search-status').textContent()).toMatch(/match(es)? “COLO”/);
    await page.close();
  });

  it('opens the name’s hit with Enter before Pagefind has answered', async () => {
    const page = await open();
    await holdPagefind(page);
    await page.locator('#site-search').fill('live patching');
    await pendingHits(page).first().waitFor();
    await page.locator('#site-search').press('Enter');
    await page.waitForURL((url) => url.pathname === '/releases/4.7/' && url.hash === '#live-patching');
    await page.close();
  });

  it('shows nothing for words no name has, until Pagefind answers them', async () => {
    const page = await open();
    const pagefind = await holdPagefind(page);
    await page.locator('#site-search').fill('patch without reboot');
    // Only Pagefind can answer: it is asked for at once, and until it answers no hit is shown.
    await pagefind.requested;
    expect(await page.locator('#site-search-results [data-search-result]').count()).toBe(0);
    pagefind.release();
    await finalHits(page).first().waitFor();
    expect(hitTarget(await finalHits(page).first().getAttribute('href'))).toBe('/releases/4.7/#live-patching');
    await page.close();
  });

  it('fetches the names once, with the interface', async () => {
    const page = await open();
    const fetched: Request[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/search-names.json') fetched.push(request);
    });
    await page.locator('#site-search').fill('PSCI');
    await finalHits(page).first().waitFor();
    expect(hitTarget(await finalHits(page).first().getAttribute('href'))).toBe('/releases/4.7/#psci-1-0');
    expect(fetched).toHaveLength(1);
    await page.close();
  });

  it('answers from Pagefind alone when the names cannot be had', async () => {
    const page = await open();
    await page.route('**/search-names.json', (route) => route.abort());
    await page.locator('#site-search').fill('COLO');
    await finalHits(page).first().waitFor();
    expect(hitTarget(await finalHits(page).first().getAttribute('href'))).toBe('/releases/4.7/#colo');
    await page.close();
  });
});
