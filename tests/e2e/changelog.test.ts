import type { BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';

const site = useBrowserOnSite();
const contexts: BrowserContext[] = [];
const PHONE = { width: 375, height: 812 };

async function newPage(options: { viewport?: typeof PHONE; javaScriptEnabled?: boolean } = {}) {
  const context = await site.browser.newContext({ viewport: options.viewport ?? PHONE, javaScriptEnabled: options.javaScriptEnabled ?? true });
  contexts.push(context);
  return context.newPage();
}

afterAll(async () => {
  for (const context of contexts) await context.close();
});

describe('the change log in a browser', () => {
  it('opens a commit’s entry from its anchor on a phone, though its list is laid out only when near', async () => {
    const page = await newPage();
    await page.goto(`${site.url}releases/4.6.3/#commit-8b7a356409`);
    const entry = page.locator('#commit-8b7a356409');
    await expect.poll(() => entry.evaluate((element) => element.matches(':target'))).toBe(true);
    // Measured from the bottom of the sticky band: the header, and on a phone the section's label stuck under it.
    const belowBand = () =>
      entry.evaluate((element) => {
        const bands = [document.querySelector('header.site-header'), ...document.querySelectorAll('.section-label > span')]
          .filter((band): band is Element => band !== null && getComputedStyle(band).visibility === 'visible')
          .map((band) => band.getBoundingClientRect())
          .filter((box) => box.top < 1 + window.innerHeight / 4 && box.bottom > 0);
        return Math.round(element.getBoundingClientRect().top - Math.max(0, ...bands.map((box) => box.bottom)));
      });
    await expect.poll(belowBand).toBeGreaterThanOrEqual(0);
    await expect.poll(belowBand).toBeLessThan(40);
    // Laid out once landed on: a link in a list still skipped would measure 0 × 0 px.
    await expect.poll(async () => (await entry.locator('a.commit-id').boundingBox())?.width ?? 0).toBeGreaterThan(40);
  });

  it('shows every commit without JavaScript, on a phone without sideways scrolling', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.url}releases/4.6.3/`);
    expect(await page.locator('section.changelog li[id^="commit-"]').count()).toBe(119);
    await page.locator('#changelog-build').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('#commit-6d065bc0cb').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });

  it('draws the 4.7 chart with no text under 12 CSS px on a 375 px phone, each bar a link reached by keyboard', async () => {
    const page = await newPage();
    await page.goto(`${site.url}releases/4.7/#changelog`);
    const chart = page.locator('section.changelog svg');
    await chart.scrollIntoViewIfNeeded();
    const sizes = await chart.evaluate((svg) => {
      const scale = (svg as SVGSVGElement).getScreenCTM()?.a ?? 0;
      return [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
    });
    expect(sizes.length).toBe(16);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    const link = chart.locator('a').first();
    expect(await link.ariaSnapshot()).toMatch(/^- link "x86 \d+ commits"/);
    await link.focus();
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('.bar-label')?.textContent)).toBe('x86');
    const box = await link.boundingBox();
    // Each row is one link, tall enough to hit on a touch screen (WCAG 2.5.8: 24 × 24 px).
    expect(box?.height).toBeGreaterThanOrEqual(24);
  });
});
