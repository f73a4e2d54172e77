// Writes PNGs of the key pages at phone and desktop widths, light and dark, for review.
import { mkdir } from 'node:fs/promises';
import { launchChromium } from '../tests/support/browser.ts';
import { startStaticServer } from './static-server.mjs';

const outDir = process.argv[2] ?? 'screenshots';
const pages = [
  { name: 'home', path: '' },
  { name: 'release-4.7', path: 'releases/4.7/' },
  { name: 'release-4.6.3', path: 'releases/4.6.3/' },
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
      for (const { name, path } of pages) {
        await page.goto(server.url + path);
        await page.screenshot({ path: `${outDir}/${name}-${viewport.name}-${scheme}.png`, fullPage: false });
      }
      await context.close();
    }
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + 'releases/4.7/');
  await page.locator('#site-search').fill('live patching');
  await page.locator('[data-search-result]').first().waitFor();
  await page.screenshot({ path: `${outDir}/search-desktop-light.png` });
  console.log(`screenshots written to ${outDir}/`);
} finally {
  await browser.close();
  await server.close();
}
