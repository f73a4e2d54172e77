import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';
import { watchExecutedScripts } from '../support/executed-scripts';

const site = useBrowserOnSite();

const contexts: BrowserContext[] = [];

async function newPage(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await site.browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

afterAll(async () => {
  for (const context of contexts) await context.close();
});

const visibleNotes = (page: Awaited<ReturnType<typeof newPage>>) =>
  page.locator('article[data-search-record]:visible').evaluateAll((articles) => articles.map((article) => article.id || article.getAttribute('data-search-record')));

describe('filters on a release page', () => {
  it('narrow the notes, count them per category, and live in the URL across a reload', async () => {
    const page = await newPage();
    await page.goto(`${site.url}releases/4.7/`);
    const total = await page.locator('article[data-search-record]').count();
    await page.selectOption('select[name="architecture"]', 'arm');
    await page.waitForURL(/\?architecture=arm$/);
    // The page module hides the notes and writes the counts; wait for what it shows, not for the address alone.
    await expect.poll(() => visibleNotes(page)).toEqual(expect.arrayContaining(['psci-1-0', 'sbbr-acpi', 'kconfig']));
    const arm = await visibleNotes(page);
    expect(arm).not.toContain('cdp');
    expect(arm).not.toContain('colo');
    await expect.poll(() => page.locator('[data-note-filters-status]').textContent()).toBe(`Showing ${arm.length} of ${total} notes.`);
    await expect.poll(() => page.locator('section[aria-labelledby="migration-support"] [data-category-count]').textContent()).toBe(
      'No note of this category matches the filters.',
    );
    await expect.poll(() => page.locator('.toc-sidebar li:has(> a[href="#cdp"])').isHidden()).toBe(true);

    await page.selectOption('select[name="experimental"]', 'only');
    await page.waitForURL(/architecture=arm&experimental=only$/);
    await expect.poll(() => visibleNotes(page)).toEqual(['credit2', 'rtds']);

    // After a reload the page modules restore the filters from the address, some time after the page is parsed.
    await page.reload();
    await expect.poll(() => page.inputValue('select[name="architecture"]')).toBe('arm');
    await expect.poll(() => page.inputValue('select[name="experimental"]')).toBe('only');
    await expect.poll(() => visibleNotes(page)).toEqual(['credit2', 'rtds']);

    await page.selectOption('select[name="architecture"]', '');
    await page.selectOption('select[name="experimental"]', 'hide');
    await expect.poll(() => new URL(page.url()).search).toBe('?experimental=hide');
    await expect.poll(() => visibleNotes(page)).toContain('live-patching');
    expect(await visibleNotes(page)).not.toContain('colo');
  });

  it('are absent without JavaScript, and every note shows even with a filter in the URL', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}releases/4.7/?architecture=arm&experimental=only`);
    expect(await page.locator('[data-note-filters]').isVisible()).toBe(false);
    expect(await page.locator('article[data-search-record]:visible').count()).toBe(
      await page.locator('article[data-search-record]').count(),
    );
  });
});

describe('the link beside a heading', () => {
  it('copies the address of a feature, says so to screen readers, and goes there', async () => {
    const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${site.url}releases/4.7/?architecture=x86`);
    const link = page.locator('#colo > a.heading-anchor');
    await link.focus();
    // The key is the page's first interaction: the boot script holds the click until the modules run.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Link to “COLO fault tolerance” copied.');
    expect(await page.locator('[data-copy-status]').getAttribute('role')).toBe('status');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.url}releases/4.7/#colo`);
    await expect.poll(() => new URL(page.url()).hash).toBe('#colo');
    await expect.poll(() => link.getAttribute('data-copied')).toBe('');
  });

  it('is a plain link to the heading without JavaScript', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}releases/4.7/`);
    await page.locator('#credit2').hover();
    await page.locator('#credit2 > a.heading-anchor').click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#credit2');
  });
});

describe('the theme button', () => {
  it('follows the system at first, then switches and remembers, with no flash on the next page', async () => {
    const page = await newPage({ colorScheme: 'dark' });
    await page.goto(site.url);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    // The button is named after the theme it switches to.
    const toggle = (name: string) => page.getByRole('button', { name, exact: true });
    expect(await toggle('Switch to light theme').count()).toBe(1);
    expect(await toggle('Switch to dark theme').count()).toBe(0);
    expect(await background()).toBe('rgb(18, 20, 22)');
    await toggle('Switch to light theme').click();
    // The first click fetches the page's modules, which then act on it.
    await expect.poll(() => toggle('Switch to dark theme').count()).toBe(1);
    await expect.poll(background).toBe('rgb(255, 255, 255)');

    // The stored choice must be on <html> before any module script runs.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(`${site.url}releases/4.7/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await toggle('Switch to dark theme').count()).toBe(1);
  });
});

describe('printing', () => {
  it('prints the notes with their addresses and without the controls', async () => {
    const page = await newPage();
    await page.goto(`${site.url}releases/4.7/`);
    // On screen, notes away from the viewport are not rendered until the reader
    // nears them (content-visibility: auto); on paper every note is.
    const skippedNotes = () =>
      page.locator('.note-body > h3').evaluateAll((headings) => headings.filter((heading) => !heading.checkVisibility({ contentVisibilityAuto: true })).length);
    expect(await skippedNotes()).toBeGreaterThan(10);
    await page.emulateMedia({ media: 'print' });
    // A skipped note is released at the next rendering update, not at once.
    await expect.poll(skippedNotes).toBe(0);
    for (const selector of ['header.site-header', 'footer.site-footer', '[data-note-filters]', '.heading-anchor', 'nav.toc', '.section-label']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('article[data-search-record]:visible').count()).toBeGreaterThan(20);
    const printed = await page.evaluate(() => getComputedStyle(document.getElementById('live-patching')!, '::after').content);
    // The printed address is the public one (SITE_URL; the local preview by default), not the test server's.
    expect(printed).toBe('"http://127.0.0.1:4321/releases/4.7/#live-patching"');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('scripts before the reader acts', () => {
  it('runs only the inline boot script until the first interaction, then starts the page modules', async () => {
    const page = await newPage();
    const executed = await watchExecutedScripts(page);
    await page.goto(`${site.url}releases/4.7/`, { waitUntil: 'networkidle' });
    const before = await executed();
    expect(before.map((script) => script.url)).toEqual([`${site.url}releases/4.7/`]);
    expect(before[0]?.length).toBeLessThan(1024);

    await page.keyboard.press('Tab');
    // Each look at the coverage resets it: gather what ran across the looks.
    const ran = new Set<string>();
    await expect
      .poll(async () => {
        for (const script of await executed()) ran.add(new URL(script.url).pathname);
        return [...ran].sort();
      })
      .toEqual([
        expect.stringMatching(/^\/_astro\/release\.[\w-]+\.js$/),
        expect.stringMatching(/^\/_astro\/site\.[\w-]+\.js$/),
        '/releases/4.7/',
      ]);
  });

  it('hands a search shortcut pressed before the modules run to them once they do', async () => {
    const page = await newPage();
    // Hold the modules back, as a slow network would.
    await page.route('**/_astro/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto(`${site.url}releases/4.7/`, { waitUntil: 'domcontentloaded' });
    await page.keyboard.press('/');
    // Each module and chunk waits 400 ms, one after another: within the suite's bound for a wait (tests/vitest.config.ts).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  });
});
