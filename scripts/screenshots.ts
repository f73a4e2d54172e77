// Writes PNGs of the key pages at phone and desktop widths, light and dark,
// for review and for the README: `npm run screenshots` (builds first), or
// `node scripts/screenshots.ts <folder>` on an existing build.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { startStaticServer } from './static-server.mjs';

const outDir = process.argv[2] ?? 'docs/screenshots';

interface Shot {
  name: string;
  path: string;
  /** What to do before the picture is taken, once the page has loaded. */
  prepare?: (page: Page) => Promise<void>;
}

const shots: Shot[] = [
  { name: 'home', path: '' },
  { name: 'release-4.7', path: 'releases/4.7/' },
  { name: 'release-4.6.3', path: 'releases/4.6.3/' },
  {
    // A reader who landed on a pasted link and scrolled on: the band names the section.
    name: 'release-4.7-credit2',
    path: 'releases/4.7/#credit2',
    prepare: async (page) => {
      await page.waitForFunction(() => document.querySelector('nav.toc [aria-current]'));
    },
  },
  {
    name: 'search',
    path: 'search/?q=live+patching',
    prepare: async (page) => {
      await page.locator('#page-search-results [data-search-result]').first().waitFor();
    },
  },
  { name: 'support', path: 'support/' },
];

const viewports = [
  { name: 'phone', width: 375, height: 812 },
  { name: 'desktop', width: 1280, height: 900 },
];

await mkdir(outDir, { recursive: true });
const server = await startStaticServer({ root: 'dist' });
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const viewport of viewports) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const { name, path, prepare } of shots) {
        await page.goto(server.url + path);
        await prepare?.(page);
        // Fonts and the last layout settle before the picture.
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `${outDir}/${name}-${viewport.name}-${scheme}.png` });
      }
      await context.close();
    }
  }
  console.log(`screenshots written to ${outDir}/`);
} finally {
  await browser.close();
  await server.close();
}
