import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type SiteBuild } from '../support/fixture-build';
import { openIndex, type SearchIndex } from '../support/pagefind';
import { DIST, builtPages } from '../support/site';

/** The prefix a body's footnote ids must carry: its note's anchor, or intro-<release> in the introduction. */
function expectedPrefix(section: Element, release: string): string {
  const note = section.closest('[data-search-record]');
  return note ? note.getAttribute('data-search-record')! : `intro-${release.replaceAll('.', '-')}`;
}

/**
 * Everything wrong with the footnotes of one release page: ids outside their
 * body's scope or repeated, references and back-links that lead nowhere or to
 * another body, a reference without its back-link, a heading in the list,
 * remark-gfm's own ids left over, and back-links that share a name.
 */
function footnoteProblems(document: Document, release: string): string[] {
  const problems: string[] = [];
  const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
  for (const id of ids.filter((id, index) => ids.indexOf(id) !== index)) problems.push(`#${id} appears twice`);
  for (const id of ids.filter((id) => id.startsWith('user-content-') || id === 'footnote-label')) {
    problems.push(`#${id} is remark-gfm's id, shared by every body`);
  }
  const backLinkNames: string[] = [];
  for (const section of document.querySelectorAll('section.footnotes')) {
    const prefix = expectedPrefix(section, release);
    // The footnotes follow their body's text, with its other sources: both lie in its note, or in "About this release".
    const body = section.closest('[data-search-record], section.page-section')!;
    for (const element of body.querySelectorAll('[data-footnote-ref], section.footnotes [id]')) {
      if (!element.id.startsWith(`${prefix}-`)) problems.push(`#${element.id} is not under ${prefix}`);
    }
    if (section.querySelector('h1, h2, h3, h4, h5, h6')) problems.push(`${prefix}: a heading in the footnotes`);
    const label = section.querySelector('.footnotes-label');
    for (const reference of body.querySelectorAll('a[data-footnote-ref]')) {
      const target = reference.getAttribute('href')!.slice(1);
      if (section.querySelector(`li[id="${target}"]`) === null) problems.push(`#${reference.id} points at #${target}, no footnote of ${prefix}`);
      if (reference.getAttribute('aria-describedby') !== label?.id) problems.push(`#${reference.id} is not described by the label`);
      const backLinks = section.querySelectorAll(`a[data-footnote-backref][href="#${reference.id}"]`);
      if (backLinks.length !== 1) problems.push(`#${reference.id} has ${backLinks.length} back-links`);
    }
    for (const backLink of section.querySelectorAll('a[data-footnote-backref]')) {
      const target = backLink.getAttribute('href')!.slice(1);
      if (body.querySelector(`a[data-footnote-ref][id="${target}"]`) === null) problems.push(`a back-link of ${prefix} points at #${target}, no reference of ${prefix}`);
      backLinkNames.push(backLink.getAttribute('aria-label') ?? '');
    }
  }
  for (const name of backLinkNames.filter((name, index) => !name || backLinkNames.indexOf(name) !== index)) {
    problems.push(`two back-links are named "${name}"`);
  }
  return problems;
}

describe('footnotes on the built 4.7 page', () => {
  let document: Document;
  let index: SearchIndex;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no site: run `npm run build` before the build tests');
    document = builtPages().find(({ url }) => url === '/releases/4.7/')!.document;
    index = await openIndex();
  });

  afterAll(async () => {
    await index?.close();
  });

  it('are cited in several notes that each number theirs from 1', () => {
    const notes = [...document.querySelectorAll('article[data-search-record]')].filter((note) => note.querySelector('section.footnotes'));
    const anchors = notes.map((note) => note.getAttribute('data-search-record'));
    expect(anchors).toEqual(expect.arrayContaining(['live-patching', 'credit2']));
    for (const anchor of anchors) expect(document.getElementById(`${anchor}-fn-1`), `#${anchor}-fn-1`).not.toBeNull();
  });

  it('have unique ids under their note’s anchor and working references and back-links', () => {
    expect(footnoteProblems(document, '4.7')).toEqual([]);
  });

  it('show the live-patching note’s four footnotes, in the order the text first cites them', () => {
    const items = [...document.querySelectorAll('#live-patching-footnotes + ol > li')];
    expect(items.map((item) => item.id)).toEqual([1, 2, 3, 4].map((number) => `live-patching-fn-${number}`));
    expect(items.map((item) => [...item.querySelectorAll('a[href^="https:"]')].map((link) => link.getAttribute('href')))).toEqual([
      ['https://github.com/xen-project/xen/blob/RELEASE-4.7.0/docs/misc/livepatch.markdown#L812'],
      ['https://wiki.xenproject.org/wiki/Xen_Project_Release_Features'],
      [
        'https://github.com/xen-project/xen/blob/RELEASE-4.7.0/xen/common/Kconfig#L195',
        'https://github.com/xen-project/xen/blob/RELEASE-4.7.0/Config.mk#L138',
      ],
      ['https://github.com/xen-project/xen/blob/RELEASE-4.7.0/tools/misc/xen-livepatch.c#L20'],
    ]);
    expect(document.getElementById('live-patching-footnotes')?.textContent).toBe('Sources');
  });

  it('keep the words of a footnote and the reference numbers out of search', async () => {
    // "definitions" is only in the live-patching note's second footnote.
    expect((await index.search('definitions')).map((result) => result.url)).not.toContain('/releases/4.7/#live-patching');
    const [specification] = (await index.search('specification')).filter((result) => result.url === '/releases/4.7/#live-patching');
    expect(specification?.excerpt).toContain('specification.</mark> That version');
    for (const query of ['kconfig', 'experimental', 'x86', 'wiki']) {
      for (const result of await index.search(query)) {
        expect(result.excerpt, `${query}: ${result.url}`).not.toMatch(/↩|Sources\./);
      }
    }
  });
});

describe('footnotes in a fixture build with a Markdown note, an MDX note and a release introduction', () => {
  let build: SiteBuild;
  let document: Document;

  beforeAll(() => {
    build = buildFixture('footnotes');
    if (build.status !== 0) throw new Error(build.output);
    document = builtPages(build.outDir).find(({ url }) => url === '/releases/4.7/')!.document;
  });

  afterAll(() => build?.cleanUp());

  it('scope each body’s [^1] apart, the MDX note’s included', () => {
    // In page order: the notes, then the introduction in "About this release".
    expect([...document.querySelectorAll('li[id$="-fn-1"]')].map((item) => item.id)).toEqual([
      'live-patching-fn-1',
      'credit2-scheduler-fn-1',
      'intro-4-7-fn-1',
    ]);
    expect(footnoteProblems(document, '4.7')).toEqual([]);
  });

  it('use the anchor, not the file name, for a note filed as livepatch.md with anchor live-patching', () => {
    expect(document.getElementById('live-patching')?.tagName).toBe('H3');
    expect([...document.querySelectorAll('#live-patching-footnotes ~ ol a[data-footnote-backref]')].map((link) => link.getAttribute('href'))).toEqual([
      '#live-patching-fnref-1',
      '#live-patching-fnref-1-2',
      '#live-patching-fnref-2',
    ]);
  });

  it('name the introduction in its back-links', () => {
    expect(document.querySelector('#intro-4-7-fn-1 a[data-footnote-backref]')?.getAttribute('aria-label')).toBe(
      'Back to reference 1 in the introduction to Xen 4.7',
    );
  });
});
