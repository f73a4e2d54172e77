import { describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';
import { answerHits } from '../support/search-hits';

const site = useBrowserOnSite();

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

describe('the interface changes of 4.7', () => {
  it('are found by a token and open at their entry, on a phone', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.url}releases/4.7/`);
    await page.locator('#site-search').fill('usbctrl-detach');
    const first = page.locator(answerHits()).first();
    // The first hit's title, read without waiting for it to exist, until it is the entry's.
    const firstTitle = () => page.evaluate((selector) => document.querySelector(`${selector} .search-result-title`)?.textContent, answerHits());
    await expect.poll(firstTitle, { timeout: 20_000 }).toBe('xl usbctrl-detach');
    expect(await first.locator('.search-result-context').textContent()).toBe('Xen 4.7 · xl subcommands added since 4.6.3');
    await first.click();
    await page.waitForURL(/\/releases\/4\.7\/interface\/\?highlight=usbctrl-detach#xl-usbctrl-detach$/);
    await page.waitForFunction(() => document.getElementById('xl-usbctrl-detach')?.matches(':target'));
    const top = () => page.evaluate(() => document.getElementById('xl-usbctrl-detach')!.getBoundingClientRect().top);
    await expect.poll(top).toBeGreaterThanOrEqual(0);
    await expect.poll(top).toBeLessThan(PHONE.height / 3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['a phone', PHONE],
    ['a desktop', DESKTOP],
  ] as const)('open a pasted link at the entry or section it names, below the header (%s)', async (_name, viewport) => {
    const context = await site.browser.newContext({ viewport });
    const page = await context.newPage();
    for (const anchor of ['boot-options', 'boot-psr', 'kconfig-livepatch', 'xen-livepatch-replace']) {
      await page.goto(`${site.url}releases/4.7/interface/#${anchor}`);
      await page.waitForFunction((id) => document.getElementById(id)?.matches(':target'), anchor);
      // Below the header and on screen; the last entries cannot scroll to the top of the window: the page ends first.
      const placed = () =>
        page.evaluate((id) => {
          const top = document.getElementById(id)!.getBoundingClientRect().top;
          const headerBottom = document.querySelector('header')!.getBoundingClientRect().bottom;
          return top >= Math.max(0, headerBottom) - 1 && top < window.innerHeight ? 'placed' : `top ${top}, header bottom ${headerBottom}`;
        }, anchor);
      await expect.poll(placed, { message: anchor }).toBe('placed');
    }
    await context.close();
  });
});
