import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildNameIndex, NAME_INDEX_LIMIT, nameHits, type NamedNote } from '../../src/lib/search-names';

const note = (anchor: string, title: string, names: string[] = [], release = 'Xen 4.7'): NamedNote => ({
  url: `/releases/4.7/#${anchor}`,
  names,
  meta: { title, release, category: 'Hypervisor', status: '', summary: `What ${title} does.` },
});

const index = buildNameIndex([
  note('live-patching', 'Live patching', ['xSplice', 'livepatch']),
  note('colo', 'COLO fault tolerance', ['COarse-grain LOck-stepping']),
  note('credit2', 'Credit2 scheduler improvements', ['credit 2']),
  note('rtds', 'RTDS scheduler', ['real-time scheduler']),
  note('xsa-155', 'XSA-155: paravirtualized drivers', ['XSA155', 'CVE-2015-8550']),
  note('scheduler', 'Scheduler'),
]);
const urls = (query: string, limit = 5) => nameHits(index, query, limit).map((hit) => hit.url.split('#')[1]);

describe('the names file', () => {
  it('keeps the newest notes, up to its limit, without empty metadata', () => {
    const many = Array.from({ length: 200 }, (_, position) => note(`n${position}`, `Feature ${position}`));
    const built = buildNameIndex(many, 30);
    expect(built.notes).toHaveLength(30);
    expect(built.notes[0]!.url).toBe('/releases/4.7/#n0');
    expect(built.notes[0]!.meta).not.toHaveProperty('status');
    expect(built.notes[0]!.meta['title']).toBe('Feature 0');
  });

  it('stays a few kilobytes at 10,000 notes', () => {
    const vocabulary = 'hypervisor guest domain toolstack scheduler vcpu memory grant table event channel page migration checkpoint replication device backend frontend driver interrupt iommu passthrough firmware boot console'.split(' ');
    // Summaries of a real note's length, in words that vary from note to note as real ones do.
    const words = (seed: number, count: number) => Array.from({ length: count }, (_, offset) => vocabulary[(seed * 7 + offset * 13) % vocabulary.length]).join(' ');
    const many = Array.from({ length: 10_000 }, (_, position) => ({
      ...note(`feature-${position}`, `${words(position, 3)} ${position}`, [words(position + 1, 2)]),
      meta: { title: `${words(position, 3)} ${position}`, release: 'Xen 9.1', category: 'Hypervisor', summary: `${words(position + 3, 18)}.` },
    }));
    const built = buildNameIndex(many);
    expect(built.notes).toHaveLength(NAME_INDEX_LIMIT);
    expect(gzipSync(JSON.stringify(built)).length).toBeLessThan(8_000);
  });
});

describe('hits by name', () => {
  it('finds a note by its title, its title’s words or the beginning of its last word', () => {
    expect(urls('live patching')).toEqual(['live-patching']);
    expect(urls('Live Patch')).toEqual(['live-patching']);
    expect(urls('colo')).toEqual(['colo']);
    expect(urls('fault toler')).toEqual(['colo']);
  });

  it('finds a note by its other names', () => {
    expect(urls('xsplice')).toEqual(['live-patching']);
    expect(urls('lock-stepping')).toEqual(['colo']);
  });

  it('puts the note whose title is the query first, then titles, then other names, then the catalog’s order', () => {
    expect(urls('scheduler')).toEqual(['scheduler', 'credit2', 'rtds']);
    expect(urls('real-time scheduler')).toEqual(['rtds']);
    expect(urls('scheduler', 2)).toEqual(['scheduler', 'credit2']);
  });

  it('wants every word of the query', () => {
    expect(urls('live migration')).toEqual([]);
    expect(urls('patch without reboot')).toEqual([]);
  });

  it('leaves identifiers and their families to the full answer', () => {
    expect(urls('XSA-155')).toEqual([]);
    expect(urls('xsa 155')).toEqual([]);
    expect(urls('xsa')).toEqual([]);
    expect(urls('CVE-2015-8550')).toEqual([]);
    expect(urls('4.6.3')).toEqual([]);
  });

  it('answers nothing to a query without a word', () => {
    expect(urls('  ')).toEqual([]);
    expect(urls('x')).toEqual([]);
  });

  it('renders as a Pagefind hit does: the same metadata, no excerpt', () => {
    const [hit] = nameHits(index, 'credit2', 1);
    expect(hit).toEqual({
      url: '/releases/4.7/#credit2',
      content: '',
      locations: [],
      meta: { title: 'Credit2 scheduler improvements', release: 'Xen 4.7', category: 'Hypervisor', summary: 'What Credit2 scheduler improvements does.' },
    });
  });
});
