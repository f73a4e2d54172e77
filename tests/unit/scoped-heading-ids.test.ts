import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { rehypeScopedFootnotes } from '../../src/markdown/scoped-footnotes';
import { rehypeScopedHeadingIds } from '../../src/markdown/scoped-heading-ids';

/** Renders Markdown with the site's two scoping plugins, in the site's order. */
async function render(markdown: string, frontmatter: Record<string, unknown>) {
  const processor = await createMarkdownProcessor({
    gfm: false,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeScopedFootnotes, rehypeScopedHeadingIds],
    syntaxHighlight: false,
  });
  const { code, metadata } = await processor.render(markdown, { frontmatter });
  const { document } = parseHTML(`<html><body>${code}</body></html>`);
  return { headings: metadata.headings, ids: [...document.querySelectorAll('[id]')].map((element) => element.id) };
}

const body = '#### Using it in 4.7\n\nType this.[^doc]\n\n#### Using it in 4.7\n\n[^doc]: A source.\n';

describe('rehypeScopedHeadingIds', () => {
  it('prefixes each heading id of a note with its anchor, so two notes on one page never share one', async () => {
    const live = await render(body, { feature: 'Live patching', anchor: 'live-patching' });
    const credit2 = await render(body, { feature: 'Credit2 scheduler' });
    expect(live.headings).toEqual([
      { depth: 4, slug: 'live-patching-using-it-in-47', text: 'Using it in 4.7' },
      { depth: 4, slug: 'live-patching-using-it-in-47-1', text: 'Using it in 4.7' },
    ]);
    expect(live.ids.filter((id) => id.includes('using'))).toEqual(['live-patching-using-it-in-47', 'live-patching-using-it-in-47-1']);
    expect(credit2.headings.map((heading) => heading.slug)).toEqual(['credit2-scheduler-using-it-in-47', 'credit2-scheduler-using-it-in-47-1']);
  });

  it('leaves the footnotes as rehypeScopedFootnotes scoped them', async () => {
    const { ids } = await render(body, { feature: 'Live patching', anchor: 'live-patching' });
    expect(ids).toEqual(
      expect.arrayContaining(['live-patching-fnref-1', 'live-patching-footnotes', 'live-patching-fn-1']),
    );
    expect(ids.some((id) => id.includes('footnote-label'))).toBe(false);
  });

  it('prefixes a release introduction’s headings too, and leaves a body without a scope alone', async () => {
    expect((await render('#### Upgrading\n', { version: '4.7.0', kind: 'feature' })).headings[0]?.slug).toBe('intro-4-7-upgrading');
    expect((await render('#### Upgrading\n', { title: 'A page' })).headings[0]?.slug).toBe('upgrading');
  });
});
