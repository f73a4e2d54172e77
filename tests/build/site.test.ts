import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { noteAnchor } from '../../src/lib/anchors';
import { CATEGORIES, getCategory, type CategorySlug } from '../../src/lib/categories';
import { CONTENT, DIST, brokenLinks, builtPages, frontmatterOf } from '../support/site';

interface NoteFrontmatter {
  release: string;
  category: CategorySlug;
  feature: string;
  anchor?: string;
  order: number;
  sources?: { title: string; url: string }[];
}

let pages: ReturnType<typeof builtPages>;
const notes = frontmatterOf(join(CONTENT, 'notes')).map(({ file, data }) => ({
  file,
  ...(data as unknown as NoteFrontmatter),
}));

function page(url: string) {
  const found = pages.find((candidate) => candidate.url === url);
  if (!found) throw new Error(`No built page at ${url}`);
  return found.document;
}

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ has no site: run `npm run build` before the build tests');
  }
  pages = builtPages();
});

describe('the built site', () => {
  it('has a page per release, a search page and a 404 page', () => {
    const urls = pages.map((candidate) => candidate.url);
    expect(urls).toEqual(
      expect.arrayContaining(['/', '/releases/4.7/', '/releases/4.6.3/', '/releases/4.6.2/', '/search/', '/404.html']),
    );
  });

  it('renders every note under its category on its release page', () => {
    expect(notes.length).toBeGreaterThanOrEqual(25);
    for (const note of notes) {
      const document = page(`/releases/${note.release}/`);
      const anchor = noteAnchor(note);
      const heading = document.getElementById(anchor);
      expect(heading, `${note.file}: no element #${anchor}`).not.toBeNull();
      expect(heading?.tagName, `${note.file}: #${anchor}`).toBe('H3');
      expect(heading?.querySelector('[data-pagefind-meta="title"]')?.textContent).toBe(note.feature);
      const section = heading?.closest('section');
      expect(section?.getAttribute('aria-labelledby'), `${note.file}: section`).toBe(note.category);
      expect(section?.querySelector('h2')?.textContent).toContain(getCategory(note.category).title);
    }
  });

  it('puts the categories of a release page in the schema order, each with its anchor link', () => {
    for (const release of ['4.7', '4.6.3']) {
      const document = page(`/releases/${release}/`);
      const sectionIds = [...document.querySelectorAll('section.category > h2')].map((heading) => heading.id);
      const expected = CATEGORIES.map((category) => category.slug).filter((slug) =>
        notes.some((note) => note.release === release && note.category === slug),
      );
      expect(sectionIds).toEqual(expected);
      for (const id of sectionIds) {
        expect(document.querySelector(`#${id} a.heading-anchor`)?.getAttribute('href')).toBe(`#${id}`);
      }
    }
  });

  it('has all six announcement sections on the 4.7 page', () => {
    const ids = [...page('/releases/4.7/').querySelectorAll('section.category > h2')].map((heading) => heading.id);
    expect(ids).toEqual([
      'security-features',
      'migration-support',
      'performance-and-workloads',
      'usability-improvements',
      'new-hardware-support',
      'drivers-and-devices',
    ]);
  });

  it('orders the notes of each category by their order field', () => {
    const document = page('/releases/4.7/');
    for (const section of document.querySelectorAll('section.category')) {
      const category = section.getAttribute('aria-labelledby');
      const rendered = [...section.querySelectorAll('article h3')].map((heading) => heading.id);
      const expected = notes
        .filter((note) => note.release === '4.7' && note.category === category)
        .sort((left, right) => left.order - right.order)
        .map((note) => noteAnchor(note));
      expect(rendered).toEqual(expected);
    }
  });

  it('gives every page unique ids, one h1, headings in order and lang="en"', () => {
    for (const { url, document } of pages) {
      const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
      const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
      expect(duplicates, `${url}: duplicate ids`).toEqual([]);
      expect(document.querySelectorAll('h1'), `${url}: h1 count`).toHaveLength(1);
      expect(document.documentElement.getAttribute('lang'), url).toBe('en');
      let previous = 0;
      for (const heading of document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')) {
        const level = Number(heading.tagName[1]);
        expect(level - previous, `${url}: "${heading.textContent}" skips a heading level`).toBeLessThanOrEqual(1);
        previous = level;
      }
      for (const landmark of ['header', 'main', 'footer']) {
        expect(document.querySelector(landmark), `${url}: <${landmark}>`).not.toBeNull();
      }
    }
  });

  it('resolves every internal link, asset and #fragment', () => {
    expect(brokenLinks(pages)).toEqual([]);
  });

  it('links every highlight on the home page to its note', () => {
    const links = [...page('/').querySelectorAll('.highlights a')].map((link) => link.getAttribute('href'));
    expect(links.length).toBeGreaterThanOrEqual(5);
    expect(links).toContain('/releases/4.7/#live-patching');
  });

  it('keeps every figure, version and status of the announcement, exactly', () => {
    const text = (url: string) => page(url).querySelector('main')?.textContent?.replace(/\s+/g, ' ') ?? '';
    const release47 = text('/releases/4.7/');
    // Figures as the announcement gives them; spacing and wording around them may differ.
    for (const figure of [
      '90%',
      '512GB',
      '512 vCPUs',
      '15 gbit/s',
      '48 gbit/s',
      '16 queues',
      'Haswell-EP',
      '1494',
      '16%',
      'ACPI 6.0',
      'PSCI 1.0',
      'Xen 4.5',
      '4.2',
      '4.6 release cycle',
      'RELEASE-4.7.0',
      'stable-4.7',
      'Technology preview',
      'Experimental',
      'iommu=intpost',
    ]) {
      expect(release47, figure).toContain(figure);
    }
    const release463 = text('/releases/4.6.3/');
    for (const figure of ['RELEASE-4.6.3', 'stable-4.6', '4.6.1', '119', 'XSA-176', 'CVE-2016-4480']) {
      expect(release463, figure).toContain(figure);
    }
  });

  it('shows how a status changed later, each step linked to its evidence', () => {
    const history = page('/releases/4.7/').getElementById('credit2')?.closest('article')?.querySelector('.status-history');
    expect([...(history?.querySelectorAll('li') ?? [])].map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Xen 4.8: Supported — Status in docs/features/sched_credit2.pandoc at RELEASE-4.8.0',
      'Xen 4.10: Supported — SUPPORT.md at RELEASE-4.10.0',
    ]);
    const callout = page('/releases/4.7/').getElementById('live-patching')?.closest('article')?.querySelector('.callout[role="note"]');
    expect(callout?.getAttribute('aria-label')).toBe('Technology preview');
  });

  it('renders GFM tables with header cells: ARM against x86 on 4.7, upgrade guidance and advisories on 4.6.3', () => {
    const headers = (url: string) =>
      [...page(url).querySelectorAll('main table thead th')].map((cell) => cell.textContent);
    expect(headers('/releases/4.7/')).toEqual(['ARM', 'x86 (Intel Xeon)']);
    expect(headers('/releases/4.6.3/')).toEqual(
      expect.arrayContaining(['If you run', 'Then', 'Advisory', 'Subject', 'Applies to']),
    );
  });

  it('gives every security advisory of 4.6.3 its own note, linked from the overview table', () => {
    const document = page('/releases/4.6.3/');
    const advisories = notes
      .filter((note) => note.release === '4.6.3' && /^XSA-\d+:/.test(note.feature))
      .map((note) => ({ anchor: noteAnchor(note), number: note.feature.slice(0, note.feature.indexOf(':')) }));
    expect(advisories.map(({ number }) => number).sort()).toEqual(
      ['XSA-154', 'XSA-155', 'XSA-170', 'XSA-172', 'XSA-173', 'XSA-175', 'XSA-176', 'XSA-178', 'XSA-180', 'XSA-181'],
    );
    const overview = document.getElementById('security-advisories')?.closest('article');
    const links = [...(overview?.querySelectorAll('table a') ?? [])].map((link) => link.getAttribute('href'));
    for (const { anchor, number } of advisories) {
      expect(anchor).toBe(number.toLowerCase());
      expect(links).toContain(`#${anchor}`);
      const note = document.getElementById(anchor)?.closest('article');
      expect(note?.closest('section')?.getAttribute('aria-labelledby')).toBe('security-fixes');
      // Every advisory note links at least one fix commit in Xen's repository, in a footnote or its sources.
      const hrefs = [...(note?.querySelectorAll('.sourced-by a') ?? [])].map((link) => link.getAttribute('href') ?? '');
      expect(hrefs.some((href) => href.startsWith('https://github.com/xen-project/xen/commit/')), number).toBe(true);
    }
  });

  it('lists each source of a note once: cited in a footnote, or else among its sources', () => {
    const withSources = notes.filter((note) => (note.sources ?? []).length > 0);
    expect(withSources.length).toBeGreaterThan(10);
    for (const note of withSources) {
      const article = page(`/releases/${note.release}/`).getElementById(noteAnchor(note))?.closest('article');
      const hrefs = (selector: string) => [...(article?.querySelectorAll(selector) ?? [])].map((link) => link.getAttribute('href'));
      const cited = hrefs('.sourced-by .footnotes a[href^="https:"]');
      const listed = hrefs('.sourced-by .sources a');
      expect(listed.filter((href) => cited.includes(href)), `${note.file}: listed twice`).toEqual([]);
      expect(new Set(listed).size, `${note.file}: a source listed twice`).toBe(listed.length);
      for (const source of note.sources ?? []) expect([...cited, ...listed], `${note.file}: ${source.url}`).toContain(source.url);
    }
    // The Credit2 note's one source is its footnote's: it is not listed again.
    const credit2 = page('/releases/4.7/').getElementById('credit2')?.closest('article');
    expect(credit2?.querySelectorAll('.sourced-by .sources').length).toBe(0);
    expect(credit2?.querySelector('.sourced-by .footnotes a[href*="RELEASE-4.7.0/xen/common/Kconfig"]')).not.toBeNull();
  });

  it('gives every chart a text alternative with its figures', () => {
    const charts = [...page('/releases/4.7/').querySelectorAll('figure.bar-chart svg')];
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      // A chart whose bars link is a group: an image's parts would not reach screen readers.
      const linked = chart.querySelector('a') !== null;
      const [titleId, descriptionId] = linked
        ? [chart.getAttribute('aria-labelledby'), chart.getAttribute('aria-describedby')]
        : (chart.getAttribute('aria-labelledby')?.split(' ') ?? []);
      expect(chart.getAttribute('role')).toBe(linked ? 'group' : 'img');
      expect(chart.querySelector(`title#${titleId}`)?.textContent?.length).toBeGreaterThan(10);
      expect(chart.querySelector(`desc#${descriptionId}`)?.textContent).toMatch(/\d/);
    }
    const descriptions = charts.map((chart) => chart.querySelector('desc')?.textContent).join(' ');
    for (const figure of ['15 gbit/s', '48 gbit/s', '1494']) expect(descriptions).toContain(figure);
  });

  it('explains the skipped 4.6.2 and links to 4.6.3', () => {
    const document = page('/releases/4.6.2/');
    expect(document.querySelector('h1')?.textContent).toContain('4.6.2');
    expect(document.querySelector('main')?.textContent).toMatch(/tag/i);
    expect(document.querySelector('main a[href="/releases/4.6.3/"]')).not.toBeNull();
  });

  it('offers search on the 404 page', () => {
    expect(page('/404.html').querySelector('main form[role="search"] input[type="search"]')).not.toBeNull();
  });

  it('sends a Content-Security-Policy on every page that allows its own inline script and style by hash, and nothing else inline', () => {
    for (const { url, document } of pages) {
      const policy = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content');
      expect(policy, url).toBeTruthy();
      const directives = new Map(
        policy!.split(';').map((directive) => {
          const [name, ...values] = directive.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get('default-src'), url).toEqual(["'self'"]);
      expect(directives.get('object-src'), url).toEqual(["'none'"]);
      const scriptSources = directives.get('script-src') ?? [];
      expect(scriptSources, url).toContain("'wasm-unsafe-eval'");
      expect(scriptSources, url).not.toContain("'unsafe-inline'");
      expect(scriptSources, url).not.toContain("'unsafe-eval'");
      // Exactly the hashes of the page's own inline scripts and styles: no other page's.
      const hashesOf = (selector: string) =>
        [...document.querySelectorAll(selector)].map((element) => `'sha256-${createHash('sha256').update(element.textContent ?? '').digest('base64')}'`);
      const hashed = (sources: readonly string[] | undefined) => (sources ?? []).filter((source) => source.startsWith("'sha256-"));
      expect(hashed(scriptSources), `${url}: script-src`).toEqual(hashesOf('script:not([src])'));
      expect(hashed(directives.get('style-src')), `${url}: style-src`).toEqual(hashesOf('style'));
    }
  });

  it('has one search box on every page: the header\'s, or the page\'s own where it has one', () => {
    for (const { url, document } of pages) {
      const boxes = [...document.querySelectorAll('form[role="search"] input[name="q"]')];
      expect(boxes, url).toHaveLength(1);
      const own = ['/search/', '/404.html'].includes(url);
      expect(boxes[0]?.closest(own ? 'main' : 'header'), url).not.toBeNull();
    }
  });

  it('credits the project and its source repository in the footer of every page, words apart', () => {
    for (const { url, document } of pages) {
      const text = document.querySelector('footer p')?.textContent?.replace(/\s+/g, ' ').trim();
      expect(text, url).toBe(
        "Unofficial release notes for the Xen Project Hypervisor, written from the project's release announcement and checked against its source repository.",
      );
    }
  });

  it('shows architecture and status badges on every note', () => {
    const document = page('/releases/4.7/');
    const badges = (anchor: string) =>
      [...(document.getElementById(anchor)?.closest('article')?.querySelectorAll('.badge') ?? [])].map((badge) =>
        badge.textContent?.replace(/\s+/g, ' ').trim(),
      );
    expect(badges('live-patching')).toEqual(['Architecture: x86', 'Status: Technology preview', 'Off by default']);
    expect(badges('colo')).toEqual(['Architecture: x86', 'Status: Experimental', 'Off by default']);
    expect(badges('posted-interrupts')).toEqual([
      'Architecture: x86 (Intel)',
      'Status: Experimental',
      'Off by default',
    ]);
    expect(badges('sbbr-acpi')[0]).toBe('Architecture: ARM64');
  });
});
