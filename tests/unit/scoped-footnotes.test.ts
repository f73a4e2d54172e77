import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Root, RootContent } from 'hast';
import { parseHTML } from 'linkedom';
import remarkGfm from 'remark-gfm';
import { describe, expect, it, vi } from 'vitest';
import { footnoteScope, rehypeScopedFootnotes } from '../../src/markdown/scoped-footnotes';

/**
 * What rehype-raw, which MDX runs before any rehype plugin, does to the footnote
 * markup: it parses the HTML again, so `dataFootnotes: true` comes back as `''`.
 */
function rehypeReparsedAttributes() {
  const reparse = (node: Root | RootContent) => {
    if (node.type === 'element') {
      for (const [name, value] of Object.entries(node.properties)) if (value === true) node.properties[name] = '';
    }
    if ('children' in node) node.children.forEach(reparse);
  };
  return reparse;
}

/** Renders Markdown as the site does (remark-gfm, then the plugin), with the given frontmatter. */
async function render(markdown: string, frontmatter: Record<string, unknown>, options = {}, { asMdx = false } = {}) {
  const processor = await createMarkdownProcessor({
    gfm: false,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [...(asMdx ? [rehypeReparsedAttributes] : []), [rehypeScopedFootnotes, options]],
    syntaxHighlight: false,
  });
  const { code, metadata } = await processor.render(markdown, { frontmatter });
  return { html: code, headings: metadata.headings, document: parseHTML(`<html><body>${code}</body></html>`).document };
}

const liveScope = { feature: 'Live patching', anchor: 'live-patching' };
const ids = (document: Document) => [...document.querySelectorAll('[id]')].map((element) => element.id);
const hrefs = (document: Document, selector: string) =>
  [...document.querySelectorAll(selector)].map((element) => element.getAttribute('href'));

describe('footnoteScope', () => {
  it('puts a note’s footnotes under its anchor and names the note by its title', () => {
    expect(footnoteScope(liveScope)).toEqual({ prefix: 'live-patching', place: '“Live patching”' });
  });

  it('derives the anchor from the title as the catalog does, after the schema’s trim, when there is none', () => {
    expect(footnoteScope({ feature: '  Credit2 scheduler ' })).toEqual({ prefix: 'credit2-scheduler', place: '“Credit2 scheduler”' });
  });

  it('puts a release introduction’s footnotes under intro-<release>', () => {
    expect(footnoteScope({ version: '4.7.0', kind: 'feature' })?.prefix).toBe('intro-4-7');
    expect(footnoteScope({ version: '4.6.3', kind: 'maintenance' })?.prefix).toBe('intro-4-6-3');
  });

  it('gives nothing else a scope', () => {
    expect(footnoteScope(undefined)).toBeUndefined();
    expect(footnoteScope({ title: 'A page' })).toBeUndefined();
    expect(footnoteScope({ feature: '   ' })).toBeUndefined();
  });
});

describe('rehypeScopedFootnotes', () => {
  it('gives two notes that both cite [^1] disjoint ids, each under its anchor', async () => {
    const markdown = 'A fact.[^1]\n\n[^1]: [A source](https://example.org/).\n';
    const live = await render(markdown, liveScope);
    const credit2 = await render(markdown, { feature: 'Credit2 scheduler improvements', anchor: 'credit2' });
    expect(ids(live.document)).toEqual(['live-patching-fnref-1', 'live-patching-footnotes', 'live-patching-fn-1']);
    expect(ids(credit2.document)).toEqual(['credit2-fnref-1', 'credit2-footnotes', 'credit2-fn-1']);
    expect(live.html).not.toContain('user-content-');
    expect(live.html).not.toContain('footnote-label');
  });

  it('links each reference to its footnote and each back-link to its reference', async () => {
    const { document } = await render('One.[^a] Two.[^b]\n\n[^a]: First.\n[^b]: Second.\n', liveScope);
    expect(hrefs(document, 'a[data-footnote-ref]')).toEqual(['#live-patching-fn-1', '#live-patching-fn-2']);
    expect(hrefs(document, 'a[data-footnote-backref]')).toEqual(['#live-patching-fnref-1', '#live-patching-fnref-2']);
    for (const href of [...hrefs(document, 'a[data-footnote-ref]'), ...hrefs(document, 'a[data-footnote-backref]')]) {
      expect(document.getElementById(href!.slice(1)), href!).not.toBeNull();
    }
  });

  it('labels the list "Sources" without a heading, so the page outline and render()’s headings are untouched', async () => {
    const { document, headings } = await render('#### A heading\n\nA fact.[^1]\n\n[^1]: A source.\n', liveScope);
    expect(headings.map((heading) => heading.depth)).toEqual([4]);
    expect(document.querySelector('section.footnotes h1, section.footnotes h2, section.footnotes h3, section.footnotes h4')).toBeNull();
    const label = document.querySelector('section.footnotes > p.footnotes-label');
    expect(label?.textContent).toBe('Sources');
    expect(label?.id).toBe('live-patching-footnotes');
    expect(document.querySelector('a[data-footnote-ref]')?.getAttribute('aria-describedby')).toBe('live-patching-footnotes');
  });

  it('names every back-link after its reference and its note, so names differ across notes', async () => {
    const markdown = 'A fact.[^1]\n\n[^1]: A source.\n';
    const live = await render(markdown, liveScope);
    const rtds = await render(markdown, { feature: 'RTDS real-time scheduler improvements', anchor: 'rtds' });
    const name = (document: Document) => document.querySelector('a[data-footnote-backref]')?.getAttribute('aria-label');
    expect(name(live.document)).toBe('Back to reference 1 in “Live patching”');
    expect(name(rtds.document)).toBe('Back to reference 1 in “RTDS real-time scheduler improvements”');
  });

  it('numbers a source cited twice once, with a reference and a distinctly named back-link per citation', async () => {
    const { document } = await render('One.[^1] Two.[^1]\n\n[^1]: A source.\n', liveScope);
    expect(ids(document).filter((id) => id.includes('fnref'))).toEqual(['live-patching-fnref-1', 'live-patching-fnref-1-2']);
    const backLinks = [...document.querySelectorAll('a[data-footnote-backref]')];
    expect(backLinks.map((link) => link.getAttribute('href'))).toEqual(['#live-patching-fnref-1', '#live-patching-fnref-1-2']);
    expect(backLinks.map((link) => link.getAttribute('aria-label'))).toEqual([
      'Back to reference 1 in “Live patching”',
      'Back to reference 1 (citation 2) in “Live patching”',
    ]);
  });

  it('keeps ids unique where remark-gfm’s label-based ids collide ([^a] cited twice and [^a-2])', async () => {
    const { document } = await render('One.[^a] Two.[^a-2] Three.[^a]\n\n[^a]: First.\n[^a-2]: Second.\n', liveScope);
    const all = ids(document);
    expect(new Set(all).size).toBe(all.length);
    expect(hrefs(document, 'a[data-footnote-ref]')).toEqual(['#live-patching-fn-1', '#live-patching-fn-2', '#live-patching-fn-1']);
    expect(hrefs(document, '#live-patching-fn-2 a[data-footnote-backref]')).toEqual(['#live-patching-fnref-2']);
  });

  it('makes plain ids from labels that remark-gfm percent-encodes or lowercases', async () => {
    const { document } = await render('Ünïcode.[^ü] Capitals.[^KConfig]\n\n[^ü]: First.\n[^kconfig]: Second.\n', liveScope);
    expect(ids(document)).toEqual([
      'live-patching-fnref-1',
      'live-patching-fnref-2',
      'live-patching-footnotes',
      'live-patching-fn-1',
      'live-patching-fn-2',
    ]);
  });

  it('finds the footnotes after rehype-raw has parsed them again, as in MDX', async () => {
    const { document } = await render('A fact.[^1]\n\n[^1]: A source.\n', liveScope, {}, { asMdx: true });
    expect(ids(document)).toEqual(['live-patching-fnref-1', 'live-patching-footnotes', 'live-patching-fn-1']);
  });

  it('keeps the reference numbers and the list out of the search index', async () => {
    const { document } = await render('A fact.[^1]\n\n[^1]: A source.\n', liveScope);
    expect(document.querySelector('sup:has(> a[data-footnote-ref])')?.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(document.querySelector('section.footnotes')?.hasAttribute('data-pagefind-ignore')).toBe(true);
  });

  it('takes another label text', async () => {
    const { document } = await render('A fact.[^1]\n\n[^1]: A source.\n', liveScope, { label: 'References' });
    expect(document.querySelector('.footnotes-label')?.textContent).toBe('References');
  });

  it('leaves a body without footnotes as it was', async () => {
    const { html } = await render('Just text, and a [link](https://example.org/).\n', liveScope);
    expect(html).toBe('<p>Just text, and a <a href="https://example.org/">link</a>.</p>');
  });

  it('stops on footnotes in a file that is neither a note nor a release, whose ids could clash', async () => {
    // The processor logs the error before it rethrows it; the assertion is enough here.
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await expect(render('A fact.[^1]\n\n[^1]: A source.\n', { title: 'A page' })).rejects.toThrow(
        /the file has footnotes but is neither a note \(no "feature"\) nor a release \(no "version"\)/,
      );
    } finally {
      log.mockRestore();
    }
  });

  it('needs no scope for a file without footnotes', async () => {
    const { html } = await render('Just text.\n', {});
    expect(html).toBe('<p>Just text.</p>');
  });
});
