import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xenInterfaceOf } from '../../src/data/xen-interface';
import { countChanges, countsInWords, groupByChange, interfaceChanges } from '../../src/lib/interface-changes';
import type { ExportedInterfaceChanges } from '../../src/lib/interface-export';
import { openIndex, type SearchIndex } from '../support/pagefind';
import { DIST, builtPages } from '../support/site';

const SITE = 'http://127.0.0.1:4321';
const PAGE = '/releases/4.7/interface/';
const pages = builtPages();
const page = pages.find(({ url }) => url === PAGE)?.document;
const expected = interfaceChanges(xenInterfaceOf('4.6.3')!, xenInterfaceOf('4.7')!);
const exported = JSON.parse(readFileSync(join(DIST, 'api/releases/4.7/interface.json'), 'utf8')) as ExportedInterfaceChanges;
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('the interface changes page', () => {
  it('exists for 4.7, the one release with an earlier release to compare with, and the 4.7 page links it', () => {
    expect(page).toBeDefined();
    expect(pages.map(({ url }) => url).filter((url) => url.endsWith('/interface/'))).toEqual([PAGE]);
    const links = (url: string) => [...(pages.find((candidate) => candidate.url === url)?.document.querySelectorAll(`a[href="${PAGE}"]`) ?? [])];
    // In the summary's facts, after the label "Interface"; its name says it whole.
    expect(links('/releases/4.7/').map((link) => [text(link), link.getAttribute('aria-label')])).toEqual([
      ['changes since 4.6.3', 'Interface changes since 4.6.3'],
    ]);
    expect(links('/releases/4.6.3/')).toEqual([]);
  });

  it('states the counts of each kind in its summary and above each section', () => {
    const summary = [...page!.querySelectorAll('.interface-summary li')].map(text);
    expect(summary).toEqual(expected.kinds.map((kind) => `${kind.title}: ${countsInWords(countChanges(kind))}`));
    expect(summary).toContain('xl subcommands: 5 added');
    expect(summary).toContain('Hypervisor boot options: 3 added, 4 with another documented default');
    for (const kind of expected.kinds) {
      const section = page!.getElementById(kind.anchor)?.closest('section');
      expect(section?.querySelectorAll('li.interface-entry').length, kind.anchor).toBe(kind.changes.length);
      expect(text(section?.querySelector('h2 + p'))).toBe(`${countsInWords(countChanges(kind))}.${kind.absentBefore ? ` ${kind.absentBefore}` : ''}`);
      for (const heading of section?.querySelectorAll('h3') ?? []) {
        const count = Number(/\((\d+)\)$/.exec(text(heading) ?? '')?.[1]);
        expect(heading.nextElementSibling?.querySelectorAll('li.interface-entry').length).toBe(count);
      }
    }
  });

  it('gives each kind, change and entry its own anchor, every entry its label and its documentation line at the tag', () => {
    const ids = [...page!.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const kind of expected.kinds) {
      expect(ids).toContain(kind.anchor);
      for (const entry of kind.changes) {
        const item = page!.getElementById(entry.anchor);
        expect(item?.tagName, entry.anchor).toBe('LI');
        expect(text(item?.querySelector('code'))).toBe(entry.label);
        const documentation = (entry.after ?? entry.before)!.documentation;
        // Documentation lines upstream; links to the notes that explain an entry stay on the site.
        const upstream = [...(item?.querySelectorAll('.interface-entry-links a') ?? [])]
          .map((link) => link.getAttribute('href') ?? '')
          .filter((href) => href.startsWith('https://'));
        expect(upstream).toEqual(documentation.map((line) => line.url));
        for (const line of documentation) expect(line.url).toMatch(/^https:\/\/github\.com\/xen-project\/xen\/blob\/RELEASE-4\.(7\.0|6\.3)\/[\w./-]+#L\d+$/);
      }
    }
    expect(page!.getElementById('boot-psr')?.querySelectorAll('a[href*="#L"]').length).toBe(3);
  });

  it('makes each entry of a searched kind a search record, and no Kconfig symbol', () => {
    const records = [...page!.querySelectorAll('[data-search-record]')].map((element) => element.getAttribute('data-search-record'));
    const searched = expected.kinds.filter((kind) => kind.searched);
    expect(records).toEqual(searched.flatMap((kind) => groupByChange(kind).flatMap((group) => group.entries.map((entry) => entry.anchor))));
    expect(expected.kinds.filter((kind) => !kind.searched).map((kind) => kind.kind)).toEqual(['kconfig-symbol']);
  });

  it('is complete without JavaScript: every entry is in the page itself', () => {
    expect(page!.querySelectorAll('li.interface-entry').length).toBe(expected.kinds.reduce((sum, kind) => sum + kind.changes.length, 0));
    expect(page!.querySelectorAll('main [hidden], main .js-only:not(.copy-link)').length).toBe(0);
  });
});

describe('the interface changes export', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(DIST, 'schema/interface-changes.json'), 'utf8')) as object);

  it('is valid against /schema/interface-changes.json, which can fail', () => {
    expect(validate(exported), ajv.errorsText(validate.errors)).toBe(true);
    const broken = { ...exported, kinds: [{ ...exported.kinds[0]!, kind: 'xl-verbs' }] };
    expect(validate(broken)).toBe(false);
  });

  it('holds every entry of the page, with the same counts, and the URL of its anchor', () => {
    expect(exported).toMatchObject({ release: '4.7', tag: 'RELEASE-4.7.0', comparedWith: { release: '4.6.3', tag: 'RELEASE-4.6.3' }, url: `${SITE}${PAGE}` });
    expect(exported.kinds.map((kind) => [kind.kind, kind.counts])).toEqual(expected.kinds.map((kind) => [kind.kind, countChanges(kind)]));
    for (const kind of exported.kinds) {
      expect(kind.url).toBe(`${SITE}${PAGE}#${expected.kinds.find((candidate) => candidate.kind === kind.kind)?.anchor}`);
      for (const entry of kind.entries) {
        expect(entry.url).toBe(`${SITE}${PAGE}#${entry.anchor}`);
        expect(text(page!.getElementById(entry.anchor)?.querySelector('code'))).toBe(entry.label);
      }
    }
  });
});

describe('searching interface entries', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await openIndex();
  });
  afterAll(async () => {
    await index?.close();
  });

  /** An entry's URL, and the URLs of the notes that explain it: the hits that are right for its token. */
  const rightHits = (anchor: string) => {
    const entry = exported.kinds.flatMap((kind) => kind.entries).find((candidate) => candidate.anchor === anchor)!;
    return [`${PAGE}#${anchor}`, ...entry.explainedBy.map((note) => new URL(note.url).pathname + new URL(note.url).hash)];
  };

  it.each([
    ['usbctrl-attach', 'xl-usbctrl-attach'],
    ['credit2_runqueue', 'boot-credit2_runqueue'],
    ['on_soft_reset', 'cfg-on_soft_reset'],
    ['menuconfig', 'make-menuconfig'],
  ])('leads "%s" to its entry, or a note that explains it', async (query, anchor) => {
    const [first] = await index.search(query);
    expect(rightHits(anchor)).toContain(first?.url);
  });

  it('leads "xen-livepatch" to one of its subcommands, or a note that explains one', async () => {
    const [first] = await index.search('xen-livepatch');
    const livepatch = exported.kinds.find((kind) => kind.kind === 'xen-livepatch-subcommand')!.entries.flatMap((entry) => rightHits(entry.anchor));
    expect(livepatch).toContain(first?.url);
  });

  it('shows an entry with its label, release and change, filtered by its release only', async () => {
    const hit = (await index.search('usbctrl-attach')).find((result) => result.url === `${PAGE}#xl-usbctrl-attach`);
    expect(hit?.meta).toMatchObject({ title: '', heading: 'xl usbctrl-attach', release: 'Xen 4.7', context: 'xl subcommands added since 4.6.3' });
    expect(hit?.filters).toEqual({ release: ['4.7'] });
  });
});
