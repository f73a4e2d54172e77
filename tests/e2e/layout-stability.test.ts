import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { DIST } from '../support/site';

const PHONE = { width: 412, height: 823 };
const DESKTOP = { width: 1350, height: 940 };
const PAGES = ['index.html', 'releases/4.7/index.html', 'releases/4.6.3/index.html'];

/** Where a slow connection may pause: after the header's icon, before the site's name; and just inside <main>. */
const CUTS = {
  'inside the header': (html: string) => html.indexOf('</svg>', html.indexOf('class="site-name"')),
  'at the start of the main content': (html: string) => html.indexOf('>', html.indexOf('<main')) + 1,
} as const;
type Cut = keyof typeof CUTS;

let browser: Browser;
let server: Server;
let origin: string;

// Serves the built pages in two pieces, 300 ms apart, cut where `?cut=` says:
// the way a slow connection delivers a page, which a local server never does.
beforeAll(async () => {
  // Classic scrollbars, as on a desktop: their width is what can shift a page.
  browser = await launchChromium({ scrollbars: true });
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = PAGES.find((path) => `/${path.replace(/index\.html$/, '')}` === url.pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const html = readFileSync(join(DIST, file), 'utf8');
    const cut = CUTS[url.searchParams.get('cut') as Cut]?.(html) ?? html.length;
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.write(html.slice(0, cut));
    setTimeout(() => response.end(html.slice(cut)), 300);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** Records every layout shift from the start of the page, as Lighthouse counts them. */
async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as unknown as { layoutShifts: string[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node }[] })[]) {
        const nodes = entry.sources.map((source) => (source.node instanceof Element ? `${source.node.tagName}.${source.node.className}` : String(source.node?.nodeName)));
        shifts.push(`${entry.value.toFixed(6)} ${nodes.join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

describe('a page arriving over a slow network', () => {
  const cases = (Object.keys(CUTS) as Cut[]).flatMap((cut) => [
    { cut, device: 'phone', viewport: PHONE },
    { cut, device: 'desktop', viewport: DESKTOP },
  ]);

  it.each(cases)('shifts nothing when it pauses $cut ($device)', async ({ cut, viewport }) => {
    const context = await browser.newContext({ viewport });
    try {
      const page = await context.newPage();
      await watchLayoutShifts(page);
      const shifts: string[] = [];
      for (const path of PAGES) {
        await page.goto(`${origin}/${path.replace(/index\.html$/, '')}?cut=${encodeURIComponent(cut)}`, { waitUntil: 'load' });
        // Two frames, for a shift caused by the last of the page to be reported.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const recorded = await page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts);
        shifts.push(...recorded.map((shift) => `${path}: ${shift}`));
      }
      expect(shifts).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the notes sidebar of a release page', () => {
  it('keeps its width whether or not its list needs a scrollbar, so entries never rewrap', async () => {
    const widths: number[] = [];
    // Short enough that the list overflows, and tall enough that it fits.
    for (const height of [400, 3000]) {
      const context = await browser.newContext({ viewport: { width: DESKTOP.width, height } });
      try {
        const page = await context.newPage();
        await page.goto(`${origin}/releases/4.7/`);
        const { clientWidth, overflows } = await page
          .locator('.toc-sidebar')
          .evaluate((sidebar) => ({ clientWidth: sidebar.clientWidth, overflows: sidebar.scrollHeight > sidebar.clientHeight }));
        expect(overflows).toBe(height === 400);
        widths.push(clientWidth);
      } finally {
        await context.close();
      }
    }
    expect(widths[0]).toBe(widths[1]);
  });
});
