import { describe, expect, it } from 'vitest';
import { citedUrls, splitFootnotes, uncitedSources } from '../../src/lib/sources';

const body = `<p>Off by default.<sup><a href="#lp-fn-1" id="lp-fnref-1" data-footnote-ref>1</a></sup></p>
<p>See <a href="https://example.org/prose">this</a>.</p>
<section data-footnotes class="footnotes"><p id="lp-footnotes" class="footnotes-label">Sources</p><ol>
<li id="lp-fn-1"><p><a href="https://github.com/xen-project/xen/blob/RELEASE-4.7.0/xen/common/Kconfig">Kconfig</a> and
<a href="https://example.org/?a=1&amp;b=2">another</a> <a href="#lp-fnref-1" data-footnote-backref>↩</a></p></li>
</ol></section>`;

describe('sources cited in footnotes', () => {
  it('are the links of the footnotes, unescaped, without back-links or links in the text', () => {
    expect([...citedUrls(body)]).toEqual([
      'https://github.com/xen-project/xen/blob/RELEASE-4.7.0/xen/common/Kconfig',
      'https://example.org/?a=1&b=2',
    ]);
  });

  it('are none in a body without footnotes', () => {
    expect(citedUrls('<p><a href="https://example.org/">x</a></p>').size).toBe(0);
  });

  it('are not listed again among the sources', () => {
    const sources = [
      { title: 'Kconfig at 4.7.0', url: 'https://github.com/xen-project/xen/blob/RELEASE-4.7.0/xen/common/Kconfig' },
      { title: 'xl.cfg at 4.7.0', url: 'https://github.com/xen-project/xen/blob/RELEASE-4.7.0/docs/man/xl.cfg.pod.5' },
    ];
    expect(uncitedSources(sources, citedUrls(body))).toEqual([sources[1]]);
  });
});

describe('a body split from its footnotes', () => {
  it('keeps the text and gives the footnotes section whole', () => {
    const { body: text, footnotes } = splitFootnotes(body);
    expect(text).toContain('Off by default.');
    expect(text).not.toContain('data-footnotes');
    expect(footnotes.startsWith('<section data-footnotes')).toBe(true);
    expect(footnotes.endsWith('</section>')).toBe(true);
    expect(citedUrls(footnotes).size).toBe(2);
  });

  it('is the body itself when it has no footnotes', () => {
    expect(splitFootnotes('<p>Plain.</p>')).toEqual({ body: '<p>Plain.</p>', footnotes: '' });
  });
});
