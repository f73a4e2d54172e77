import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, builtPages, type BuiltPage } from '../support/site';

const TREE = 'https://github.com/xen-project/xen/blob/RELEASE-4.7.0/';
let pages: BuiltPage[];
let articles: Element[];

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no site: run `npm run build` before the build tests');
  pages = builtPages();
  const release = pages.find(({ url }) => url === '/releases/4.7/')?.document;
  articles = [...(release?.querySelectorAll('main article') ?? [])];
});

/** The "Using it in 4.7" heading of a note's body, and what follows it up to the note's footnotes. */
function usingSection(article: Element): { heading: Element; following: Element[] } | undefined {
  const heading = [...article.querySelectorAll('h4')].find((candidate) => candidate.textContent === 'Using it in 4.7');
  if (!heading) return undefined;
  const following: Element[] = [];
  for (let next = heading.nextElementSibling; next && next.tagName !== 'H4' && !next.matches('section[data-footnotes]'); next = next.nextElementSibling) {
    following.push(next);
  }
  return { heading, following };
}

const anchorOf = (article: Element) => article.querySelector('h3[id]')?.id ?? '(no anchor)';

describe('"Using it in 4.7" in the 4.7 notes', () => {
  it('shows a code block in at least 12 notes, each block with its language label and a marked line', () => {
    const withCode = articles.filter((article) => usingSection(article)?.following.some((element) => element.matches('.code-block')));
    expect(withCode.length).toBeGreaterThanOrEqual(12);
    for (const article of withCode) {
      for (const block of usingSection(article)!.following.filter((element) => element.matches('.code-block'))) {
        expect(block.querySelector('.code-language')?.textContent, anchorOf(article)).toMatch(/^(shell|xl\.cfg|Xen boot options|Kconfig)$/);
        expect(block.querySelectorAll('.line.highlighted').length, anchorOf(article)).toBe(1);
      }
    }
  });

  it('cites, in every section, a file of Xen at RELEASE-4.7.0 with its line', () => {
    const sections = articles.filter((article) => usingSection(article));
    expect(sections.length).toBeGreaterThanOrEqual(12);
    for (const article of sections) {
      const references = usingSection(article)!
        .following.flatMap((element) => [...element.querySelectorAll('a[data-footnote-ref]')])
        .map((reference) => reference.getAttribute('href')?.slice(1) ?? '');
      const cited = references.flatMap((id) => [...(article.querySelector(`[id="${id}"]`)?.querySelectorAll('a[href]') ?? [])]);
      const links = cited.map((link) => link.getAttribute('href') ?? '');
      expect(
        links.some((href) => href.startsWith(TREE) && /#L\d+(-L\d+)?$/.test(href)),
        `${anchorOf(article)}: ${links.join(' ')}`,
      ).toBe(true);
    }
  });
});

describe('the text of every page', () => {
  it('speaks about Xen, never about what could or could not be read or checked while writing it', () => {
    const drafting = /could not be (read|checked|verified|found)|could be verified|(checked|verified|read) here|was not (checked|verified)|were not (checked|verified)|sources checked/i;
    for (const { url, document } of pages) {
      const text = document.querySelector('main')?.textContent?.replace(/\s+/g, ' ') ?? '';
      expect(text.match(drafting)?.[0], url).toBeUndefined();
    }
  });
});
