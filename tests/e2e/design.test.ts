import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';
import { watchExecutedScripts } from '../support/executed-scripts';
import { decodePng, distanceFrom } from '../support/png';

const site = useBrowserOnSite();

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };
const SCREENS = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

const contexts: BrowserContext[] = [];

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await site.browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

afterAll(async () => {
  for (const context of contexts) await context.close();
});

/**
 * What the sticky band says: the text of the section label shown in it
 * (only a stuck label is visible), with where it is drawn; null when the band
 * shows only the header.
 */
function bandLabel(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('header.site-header')!.getBoundingClientRect();
    const shown = [...document.querySelectorAll<HTMLElement>('.section-label > span')].filter(
      (label) => getComputedStyle(label).visibility === 'visible',
    );
    // Labels of two sections can both be stuck for a moment; the later one is drawn over the earlier.
    const label = shown.at(-1);
    if (!label) return null;
    const box = label.getBoundingClientRect();
    return { text: label.textContent?.replace(/\s+/g, ' ').trim(), top: box.top, bottom: box.bottom, headerBottom: header.bottom };
  });
}

/** The href of the entry each outline marks as being read. */
function currentEntries(page: Page) {
  return page.locator('nav.toc a[aria-current="true"]').evaluateAll((links) =>
    links.map((link) => `${link.closest('nav')?.classList.contains('toc-sidebar') ? 'sidebar' : 'phone'} ${link.getAttribute('href')}`),
  );
}

describe('a release page puts its notes first', () => {
  it.each(['4.7', '4.6.3'])('shows the first category heading inside the first screen of the %s page, phone and desktop', async (release) => {
    for (const [name, viewport] of SCREENS) {
      const page = await newPage({ viewport });
      await page.goto(`${site.url}releases/${release}/`);
      const box = await page.locator('section.category > h2').first().boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.y + box!.height, `${release} on a ${name}: bottom of the first category heading`).toBeLessThanOrEqual(viewport.height);
      // Before it: the summary, with the highlights linking down to their notes.
      const highlights = await page.locator('.release-highlights a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      for (const href of highlights) expect(await page.locator(`article h3${href}`).count(), href ?? '').toBe(1);
    }
  });

  it.each(['4.7', '4.6.3'])('lays out at once every note of the %s page that a wide first screen shows', async (release) => {
    // A note whose layout waits (content-visibility: auto) is painted first at its placeholder height:
    // on the first screen that would move what follows it. (A phone's first screen ends where the first note starts.)
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['Lighthouse desktop', { width: 1350, height: 940 }],
      ['tablet', { width: 768, height: 1024 }],
    ] as const) {
      const page = await newPage({ viewport });
      await page.goto(`${site.url}releases/${release}/`);
      const deferred = await page.locator('article.note').evaluateAll((notes) =>
        notes
          .filter((note) => note.getBoundingClientRect().top < window.innerHeight)
          .filter((note) => getComputedStyle(note.querySelector('.note-body')!).contentVisibility === 'auto')
          .map((note) => note.id || note.getAttribute('aria-labelledby')),
      );
      expect(deferred, name).toEqual([]);
    }
  });

  it('keeps "About this release" after the notes, with its anchor, in the outline', async () => {
    const page = await newPage({ viewport: DESKTOP });
    await page.goto(`${site.url}releases/4.7/#about`);
    const order = await page.locator('main section.page-section > h2').evaluateAll((headings) => headings.map((heading) => heading.id));
    expect(order.at(-1)).toBe('about');
    expect(await page.locator('#about').evaluate((heading) => heading.matches(':target'))).toBe(true);
    expect(await page.locator('nav.toc-sidebar a[href="#about"]').count()).toBe(1);
    expect(await page.locator('#about').evaluate((heading) => heading.closest('section')?.textContent)).toContain('Major contributors');
  });
});

describe('the sticky band says where the reader is', () => {
  it('covers the whole site name with a short label on a desktop', async () => {
    const page = await newPage({ viewport: DESKTOP });
    await page.goto(`${site.url}releases/4.6.3/#xsa-178`);
    await expect.poll(() => bandLabel(page).then((label) => label?.text)).toBe('Xen 4.6.3 › Security Fixes');
    const edges = await page.evaluate(() => {
      const label = [...document.querySelectorAll<HTMLElement>('.section-label > span')].filter((span) => getComputedStyle(span).visibility === 'visible').at(-1)!;
      return { label: label.getBoundingClientRect().right, name: document.querySelector('.site-name-text')!.getBoundingClientRect().right };
    });
    // Otherwise the end of "Xen Project release notes" shows beside the label.
    expect(edges.label).toBeGreaterThanOrEqual(edges.name);
  });

  it.each(SCREENS)('after landing on a category and after scrolling into Credit2, with no key or click (%s)', async (_name, viewport) => {
    const page = await newPage({ viewport });
    const executed = await watchExecutedScripts(page);
    await page.goto(`${site.url}releases/4.7/#performance-and-workloads`);
    await expect.poll(() => bandLabel(page).then((label) => label?.text)).toBe('Xen 4.7 › Performance and Workloads');
    // Both outlines are marked, the shown one and the other (the phone's disclosure lists categories only).
    await expect.poll(() => currentEntries(page)).toEqual(['phone #performance-and-workloads', 'sidebar #performance-and-workloads']);
    const landed = await bandLabel(page);
    // The label lies in the band: over the header on a desktop, right under it on a phone.
    if (viewport === DESKTOP) expect(landed!.bottom).toBeLessThanOrEqual(landed!.headerBottom);
    else expect(Math.abs(landed!.top - landed!.headerBottom)).toBeLessThan(2);

    // Scroll by wheel until Credit2's heading is under the band, as a reader would.
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    const distance = await page.evaluate(
      () => document.getElementById('credit2')!.getBoundingClientRect().top - parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) + 40,
    );
    await page.mouse.wheel(0, distance);
    await expect.poll(() => page.evaluate(() => document.getElementById('credit2')!.getBoundingClientRect().top)).toBeLessThan(
      await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)),
    );
    await expect.poll(() => currentEntries(page)).toEqual(['phone #performance-and-workloads', 'sidebar #credit2']);
    await expect.poll(() => bandLabel(page).then((label) => label?.text)).toBe('Xen 4.7 › Performance and Workloads');

    // The label is CSS alone; the outline's mark is the page module's, which a link to a section or a scroll starts.
    const ran = (await executed()).map((script) => new URL(script.url).pathname);
    expect(ran).toContain('/releases/4.7/');
    expect(ran).toEqual(expect.arrayContaining([expect.stringMatching(/^\/_astro\/release\.[\w-]+\.js$/)]));
  });

  it('starts the page modules on a scroll, and not before', async () => {
    const page = await newPage({ viewport: DESKTOP });
    const executed = await watchExecutedScripts(page);
    await page.goto(`${site.url}releases/4.7/`, { waitUntil: 'networkidle' });
    expect((await executed()).map((script) => new URL(script.url).pathname)).toEqual(['/releases/4.7/']);
    await page.mouse.move(600, 450);
    await page.mouse.wheel(0, 2500);
    await expect.poll(() => currentEntries(page)).toContainEqual(expect.stringMatching(/^sidebar #/));
  });

  it('leaves the sidebar where keyboard focus put it while the page scrolls under it', async () => {
    const page = await newPage({ viewport: DESKTOP });
    await page.goto(`${site.url}releases/4.7/`);
    const sidebar = page.locator('nav.toc-sidebar');
    const entry = sidebar.locator('a[href="#restartable-dom0"]');
    // Start the page modules, then send focus into the outline.
    await page.mouse.move(600, 450);
    await page.mouse.wheel(0, 2500);
    await expect.poll(() => currentEntries(page)).toContainEqual(expect.stringMatching(/^sidebar #/));
    await entry.focus();
    const scrolled = await sidebar.evaluate((outline) => outline.scrollTop);
    // The reading position moves far down; the outline marks it but does not scroll to it.
    await page.evaluate(() => document.getElementById('about')!.scrollIntoView());
    await expect.poll(() => currentEntries(page)).toContain('sidebar #about');
    expect(await sidebar.evaluate((outline) => outline.scrollTop)).toBe(scrolled);
    await expect.poll(() => entry.evaluate((link) => link === document.activeElement)).toBe(true);
    // Once focus has left, the marked entry is scrolled into view again.
    await entry.blur();
    await page.mouse.wheel(0, -200);
    await expect
      .poll(() =>
        sidebar.evaluate((outline) => {
          const marked = outline.querySelector('[aria-current]')?.getBoundingClientRect();
          const view = outline.getBoundingClientRect();
          return marked !== undefined && marked.top >= view.top && marked.bottom <= view.bottom;
        }),
      )
      .toBe(true);
  });

  it('names the next section once its heading reaches the band, and nothing above the first', async () => {
    const page = await newPage({ viewport: DESKTOP });
    await page.goto(`${site.url}releases/4.7/`);
    expect(await bandLabel(page)).toBeNull();
    await page.goto(`${site.url}releases/4.7/#usability-improvements`);
    await expect.poll(() => bandLabel(page).then((label) => label?.text)).toBe('Xen 4.7 › Usability Improvements');
    await page.goto(`${site.url}releases/4.7/#about`);
    await expect.poll(() => bandLabel(page).then((label) => label?.text)).toBe('Xen 4.7 › About this release');
  });
});

describe('one control beside each heading', () => {
  const headings = 'main section.page-section > h2[id], main article > .note-body > h3[id]';

  it('is the one link to the heading, and no other control', async () => {
    const page = await newPage({ viewport: DESKTOP });
    for (const release of ['4.7', '4.6.3']) {
      await page.goto(`${site.url}releases/${release}/`);
      const controls = await page.locator(headings).evaluateAll((found) =>
        found.map((heading) => ({
          id: heading.id,
          controls: [...heading.querySelectorAll('a, button')].map((control) => `${control.tagName} ${control.getAttribute('href')}`),
        })),
      );
      expect(controls.length).toBeGreaterThan(10);
      for (const { id, controls: found } of controls) expect(found, id).toEqual([`A #${id}`]);
    }
  });

  it('shows on hover and on keyboard focus where a pointer hovers, and always on a touch screen', async () => {
    const opacity = (page: Page) => page.locator('#colo > .heading-anchor').evaluate((link) => getComputedStyle(link).opacity);
    const desktop = await newPage({ viewport: DESKTOP });
    await desktop.goto(`${site.url}releases/4.7/`);
    expect(await opacity(desktop)).toBe('0');
    // The computed opacity follows hover and focus at the next style update: wait for it.
    await desktop.locator('#colo').hover();
    await expect.poll(() => opacity(desktop)).toBe('1');
    await desktop.mouse.move(0, 0);
    await expect.poll(() => opacity(desktop)).toBe('0');
    await desktop.locator('#colo > .heading-anchor').focus();
    await expect.poll(() => opacity(desktop)).toBe('1');

    const phone = await newPage({ viewport: PHONE, hasTouch: true, isMobile: true });
    await phone.goto(`${site.url}releases/4.7/`);
    expect(await opacity(phone)).toBe('1');
  });

  it('keeps its icon on the last line of the heading at 375 px, never alone on a new one', async () => {
    const page = await newPage({ viewport: PHONE, hasTouch: true, isMobile: true });
    for (const release of ['4.7', '4.6.3']) {
      await page.goto(`${site.url}releases/${release}/`);
      const apart = await page.locator(headings).evaluateAll((found) =>
        found
          .map((heading) => {
            // Notes off screen are laid out once they near the viewport.
            heading.scrollIntoView();
            const title = heading.firstElementChild!;
            const range = document.createRange();
            range.selectNodeContents(title);
            const lastLine = [...range.getClientRects()].at(-1)!;
            const icon = heading.querySelector('.heading-anchor')!.getBoundingClientRect();
            return { id: heading.id, gap: Math.abs(icon.top + icon.height / 2 - (lastLine.top + lastLine.height / 2)) };
          })
          .filter(({ gap }) => gap > 6),
      );
      expect(apart, release).toEqual([]);
    }
  });
});

describe('the support matrix', () => {
  it('keeps its first column in place while the table scrolls on a phone', async () => {
    const page = await newPage({ viewport: PHONE });
    await page.goto(`${site.url}support/`);
    const scroller = page.locator('.matrix-scroll');
    const widths = await scroller.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    const firstColumn = () => page.locator('tbody th[scope="row"]').first().evaluate((cell) => cell.getBoundingClientRect().left);
    const before = await firstColumn();
    await scroller.evaluate((element) => element.scrollBy({ left: 200, behavior: 'instant' }));
    await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBe(200);
    expect(await firstColumn()).toBe(before);
  });
});

/** The pixels of a thin strip at the inner right edge of the matrix, across a row of features (cells without a background). */
async function rightEdge(page: Page) {
  const box = (await page.locator('.matrix-scroll').boundingBox())!;
  const row = (await page.locator('.matrix tbody tr:not(.matrix-group)').first().boundingBox())!;
  const png = await page.screenshot({ clip: { x: box.x + box.width - 5, y: row.y + 2, width: 4, height: row.height - 4 } });
  return decodePng(png);
}

const WHITE: [number, number, number] = [255, 255, 255];

describe('a table wider than a phone', () => {
  it('shows that it scrolls on, with a shadow at the cut edge until its end (the support matrix)', async () => {
    const page = await newPage({ viewport: PHONE, colorScheme: 'light', deviceScaleFactor: 1 });
    await page.goto(`${site.url}support/`);
    const table = page.locator('.matrix-scroll');
    await table.evaluate((element) => element.scrollIntoView());
    expect(await table.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeGreaterThan(100);
    const cut = distanceFrom(await rightEdge(page), WHITE);
    await table.evaluate((element) => element.scrollTo({ left: element.scrollWidth, behavior: 'instant' }));
    await expect.poll(() => table.evaluate((element) => element.scrollLeft + element.clientWidth >= element.scrollWidth - 1)).toBe(true);
    expect(cut, 'a shadow where the table is cut').toBeGreaterThan(20);
    // The shadow follows the scroll position when the next frame is drawn.
    await expect.poll(async () => distanceFrom(await rightEdge(page), WHITE), { message: 'no shadow at its end' }).toBeLessThan(cut / 3);
  });

  it.each(['4.7', '4.6.3'])('in a note of %s either fits a 375 px phone or shows the same shadow', async (release) => {
    const page = await newPage({ viewport: PHONE, colorScheme: 'light', deviceScaleFactor: 1 });
    await page.goto(`${site.url}releases/${release}/`);
    const tables = page.locator('.prose table');
    expect(await tables.count()).toBeGreaterThan(0);
    for (let index = 0; index < (await tables.count()); index++) {
      const table = tables.nth(index);
      await table.evaluate((element) => element.scrollIntoView());
      const hidden = await table.evaluate((element) => element.scrollWidth - element.clientWidth);
      if (hidden <= 0) continue;
      const box = (await table.boundingBox())!;
      const png = await page.screenshot({ clip: { x: box.x + box.width - 5, y: Math.max(box.y, 0) + 10, width: 4, height: 16 } });
      expect(distanceFrom(decodePng(png), WHITE), `table ${index} hides ${hidden} px`).toBeGreaterThan(10);
    }
  });
});

describe('charts', () => {
  it('draw no text under 12 CSS pixels on a 375 px phone', async () => {
    const page = await newPage({ viewport: PHONE });
    await page.goto(`${site.url}releases/4.7/#percpu-rwlock`);
    const sizes = await page.locator('figure.bar-chart').evaluateAll((figures) =>
      figures.flatMap((figure) => {
        figure.scrollIntoView();
        const svg = figure.querySelector('svg')!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const inSvg = [...svg.querySelectorAll('text')].map((text) => ({
          text: text.textContent,
          px: parseFloat(getComputedStyle(text).fontSize) * scale,
        }));
        const caption = figure.querySelector('figcaption')!;
        return [...inSvg, { text: caption.textContent, px: parseFloat(getComputedStyle(caption).fontSize) }];
      }),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(6);
    expect(sizes.filter(({ px }) => px < 12)).toEqual([]);
  });
});

describe('the frame of every page', () => {
  it('keeps the footer at the bottom of the window on a short page, and the bands full width', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 1600 } });
    for (const path of ['404.html', 'releases/4.6.2/']) {
      await page.goto(`${site.url}${path}`);
      const frame = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        return { header: box('header.site-header'), footer: box('footer.site-footer'), width: document.documentElement.clientWidth };
      });
      expect(frame.footer.bottom, path).toBe(1600);
      for (const band of [frame.header, frame.footer]) {
        expect(band.left, path).toBe(0);
        expect(band.right, path).toBe(frame.width);
      }
    }
  });
});
