import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractRecords } from '../../src/lib/search-records';

describe('extractRecords', () => {
  const page = `<!doctype html><html lang="en"><head><title>Xen 4.7</title></head><body>
    <nav>Navigation that must not be indexed</nav>
    <main>
      <article data-search-record="live-patching"><h3 id="live-patching">Live patching</h3><p>Patch without reboot.</p></article>
      <article data-search-record="colo"><h3 id="colo">COLO</h3><p>Lock-stepping.</p></article>
    </main></body></html>`;

  it('makes one record per marked element, pointing at its anchor', () => {
    const records = extractRecords(page, '/releases/4.7/');
    expect(records.map((record) => record.url)).toEqual(['/releases/4.7/#live-patching', '/releases/4.7/#colo']);
  });

  it('keeps only the record itself, marked as the body to index', () => {
    const [record] = extractRecords(page, '/releases/4.7/');
    const { document } = parseHTML(record?.content ?? '');
    const bodies = document.querySelectorAll('[data-pagefind-body]');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.getAttribute('data-search-record')).toBe('live-patching');
    expect(bodies[0]?.textContent).toBe('Live patchingPatch without reboot.');
    expect(record?.content).not.toContain('Navigation');
    expect(record?.content).not.toContain('Lock-stepping');
  });

  it('leaves out the parts Pagefind would ignore, nested or void, and adds the attributes and the markup asked for', () => {
    const html = `<article data-search-record="colo"><h3 id="colo"><span>COLO</span><a class="anchor-link" href="#colo" data-pagefind-ignore="all"><span>#</span></a></h3>
      <ul class="badges" data-pagefind-ignore><li>x86</li><li><ul><li>nested</li></ul></li></ul><img src="a.png" alt="" data-pagefind-ignore><p>Lock-stepping.</p></article>`;
    const [record] = extractRecords(html, '/releases/4.7/', (anchor) => ({
      attributes: { 'data-filter-release': '4.7', 'data-anchor-seen': anchor },
      indexedOnly: '<p data-pagefind-weight="8">Also known as: lockstep</p>',
    }));
    const { document } = parseHTML(record?.content ?? '');
    const body = document.querySelector('[data-pagefind-body]');
    expect(body?.textContent?.replace(/\s+/g, ' ').trim()).toBe('COLO Lock-stepping.Also known as: lockstep');
    expect(body?.lastElementChild?.getAttribute('data-pagefind-weight')).toBe('8');
    expect(body?.getAttribute('data-filter-release')).toBe('4.7');
    expect(body?.getAttribute('data-anchor-seen')).toBe('colo');
  });

  it('hands code blocks over as their text, without the token markup of the highlighter', () => {
    const html = `<article data-search-record="livepatch"><h3 id="livepatch">Live patching</h3>
      <pre class="astro-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#6F42C1">xen-livepatch</span><span style="--shiki-light:#032F62"> apply</span></span>
<span class="line"><span style="--shiki-light:#6F42C1">xl</span><span> list &amp;&lt;x&gt;</span></span></code></pre></article>`;
    const [record] = extractRecords(html, '/releases/4.7/');
    expect(record?.content).not.toContain('<span');
    const { document } = parseHTML(record?.content ?? '');
    expect(document.querySelector('pre')?.textContent).toBe('xen-livepatch apply\nxl list &<x>');
  });

  it('finds nothing on a page without records', () => {
    expect(extractRecords('<html><body><p>Home</p></body></html>', '/')).toEqual([]);
  });
});
