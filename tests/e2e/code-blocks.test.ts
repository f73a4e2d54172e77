import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';
import { buildFixture, type SiteBuild } from '../support/fixture-build';

let build: SiteBuild;

beforeAll(() => {
  build = buildFixture('code-blocks');
  if (build.status !== 0) throw new Error(build.output);
}, 120_000);

afterAll(() => build?.cleanUp());

const site = useBrowserOnSite({ root: () => build.outDir });

describe('code blocks in the browser', () => {
  it.each([
    ['light', 'rgb(111, 66, 193)'],
    ['dark', 'rgb(179, 146, 240)'],
  ] as const)('follow the %s colour scheme', async (colorScheme, commandColour) => {
    const page = await site.browser.newPage({ colorScheme });
    await page.goto(`${site.url}releases/4.7/`);
    const colour = await page.locator('.code-block code .line > span').first().evaluate((token) => getComputedStyle(token).color);
    expect(colour).toBe(commandColour);
    await page.close();
  });

  it('copy their code, without label or button, and say so', async () => {
    const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${site.url}releases/4.7/`);
    await page.locator('.code-block .code-copy').first().click();
    await page.waitForFunction(() => document.querySelector('[data-copy-status]')?.textContent === 'Code copied.');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('xen-livepatch list\nxen-livepatch apply example');
    await expect.poll(() => page.locator('.code-block .code-copy').first().textContent()).toBe('Copied');
    await context.close();
  });
});
