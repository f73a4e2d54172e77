import { describe, expect, it } from 'vitest';
import { answerQuery, correction, queryWords, wordMatches, type HitData, type SearchEngine } from '../../src/lib/search-answer';
import { hitExcerpt } from '../../src/lib/search-excerpt';
import { identifierAnswer, listed, parseIdentifier } from '../../src/lib/search-identifiers';
import { buildLexicon, LEXICON_LIMITS, lexiconWords } from '../../src/lib/search-lexicon';

const lexicon = buildLexicon({
  notes: [
    { feature: 'Credit2 scheduler improvements', url: '/releases/4.7/#credit2', summary: 'Runqueues per socket.', aliases: ['credit 2'], releaseLabel: 'Xen 4.7', text: 'The scheduler balances load.' },
    { feature: 'XSA-155: PV drivers', url: '/releases/4.6.3/#xsa-155', summary: 'Part of the fix.', aliases: ['XSA 155', 'CVE-2015-8550'], releaseLabel: 'Xen 4.6.3', text: 'A double fetch.' },
    { feature: 'XSA-154: cacheability', url: '/releases/4.6.3/#xsa-154', summary: 'MMIO mappings.', aliases: ['CVE-2016-2270'], releaseLabel: 'Xen 4.6.3', text: 'Cache attributes.' },
  ],
  releases: [{ version: '4.7', label: 'Xen 4.7' }, { version: '4.6.3', label: 'Xen 4.6.3' }],
  changelogs: ['Xen 4.6.3'],
});

function hit(url: string, content: string, locations: number[], meta: Record<string, string> = {}): HitData {
  return { url, content, locations, meta };
}

/** An engine over fixed answers: each query maps to its hits. */
const engine = (answers: Record<string, HitData[]>): SearchEngine => async (query, limit) => {
  const hits = answers[query] ?? [];
  return { total: hits.length, hits: hits.slice(0, limit) };
};

describe('the search lexicon', () => {
  it('keeps words, advisories in natural order, CVEs, releases and change logs', () => {
    expect(lexicon.words).toContain('credit2');
    expect(lexicon.words).not.toContain('the');
    expect(lexicon.advisories).toEqual({
      releases: ['Xen 4.6.3'],
      ids: [
        { id: 'XSA-154', url: '/releases/4.6.3/#xsa-154' },
        { id: 'XSA-155', url: '/releases/4.6.3/#xsa-155' },
      ],
    });
    expect(lexicon.cves.map((entry) => entry.id)).toEqual(['CVE-2015-8550', 'CVE-2016-2270']);
    expect(lexicon.changelogs).toEqual(['Xen 4.6.3']);
  });

  it('caps its words and features, names before text', () => {
    const many = buildLexicon(
      {
        notes: Array.from({ length: 500 }, (_, index) => ({ feature: `Feature${index}`, url: `/#f${index}`, summary: '', aliases: [], releaseLabel: 'Xen 9', text: `word${index} shared` })),
        releases: [],
        changelogs: [],
      },
      { words: 10, features: 5 },
    );
    expect(many.words).toHaveLength(10);
    expect(many.features).toHaveLength(5);
    expect(many.words).toContain('shared');
    expect(LEXICON_LIMITS.words).toBeLessThanOrEqual(500);
  });

  it('reads words of three characters or more, hyphenated ones whole', () => {
    expect(lexiconWords('Live patching, xen-livepatch. on a VM')).toEqual(['live', 'patching', 'xen-livepatch']);
  });
});

describe('identifiers', () => {
  it('reads advisories, CVEs, releases and commit ids however they are spelled', () => {
    for (const query of ['XSA-179', 'xsa 179', 'XSA179']) expect(parseIdentifier(query)).toEqual({ family: 'xsa', id: 'XSA-179', number: 179 });
    expect(parseIdentifier('cve 2016 4480')).toEqual({ family: 'cve', id: 'CVE-2016-4480' });
    expect(parseIdentifier('Xen 4.8.0')).toEqual({ family: 'release', id: '4.8' });
    expect(parseIdentifier('8B7A356')).toEqual({ family: 'commit', id: '8b7a356' });
    expect(parseIdentifier('deadbeef')).toBeUndefined();
    expect(parseIdentifier('live patching')).toBeUndefined();
  });

  it('says which release carries the advisories when one is absent', () => {
    expect(identifierAnswer({ family: 'xsa', id: 'XSA-179', number: 179 }, lexicon)).toEqual({
      absent: 'The Xen 4.6.3 notes cover no XSA-179; they cover XSA-154 and XSA-155.',
    });
    expect(identifierAnswer({ family: 'xsa', id: 'XSA-155', number: 155 }, lexicon)).toEqual({ found: { id: 'XSA-155', url: '/releases/4.6.3/#xsa-155' } });
    expect(identifierAnswer({ family: 'release', id: '4.8' }, lexicon)).toEqual({ absent: 'These notes do not cover Xen 4.8; they cover Xen 4.7 and Xen 4.6.3.' });
    expect(identifierAnswer({ family: 'release', id: '4.7' }, lexicon)).toBeUndefined();
    expect(identifierAnswer({ family: 'commit', id: 'abc1234' }, lexicon, false)).toEqual({ absent: 'The change log of Xen 4.6.3 lists no commit abc1234.' });
    expect(listed(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('matching and correcting words', () => {
  it('counts a stem or a beginning as a match, and Pagefind’s shortened fallback as none', () => {
    expect(wordMatches('patching', 'patches,')).toBe(true);
    expect(wordMatches('live', 'livepatch')).toBe(true);
    expect(wordMatches('credti2', 'CR4')).toBe(false);
    expect(wordMatches('nestedhvm', 'xen/nested_p2m:')).toBe(false);
    expect(queryWords('iommu=intpost a')).toEqual(['iommu', 'intpost']);
  });

  it('corrects within one edit, two for long words, keeping the first letter', () => {
    expect(correction('credti2', lexicon.words)).toBe('credit2');
    expect(correction('nested', ['listed'])).toBeUndefined();
    expect(correction('intropsectoin', ['introspection'])).toBe('introspection');
  });
});

describe('answering a query', () => {
  const credit2 = hit('/releases/4.7/#credit2', 'Credit2 scheduler improvements Runqueues per socket. The Credit2 scheduler balances load.', [0, 6], {
    title: 'Credit2 scheduler improvements',
    summary: 'Runqueues per socket.',
  });
  const junk = hit('/releases/4.6.3/#commit-9da57c7ee2', '9da57c7ee2 x86: move cached CR4 value', [4], { title: 'Commit 9da57c7ee2' });

  it('corrects a word nothing matches, and says so', async () => {
    const answer = await answerQuery(engine({ credti2: [junk], credit2: [credit2] }), lexicon, 'credti2', 5);
    expect(answer).toMatchObject({ query: 'credti2', searched: 'credit2', corrected: true, total: 1 });
    expect(answer.hits[0]?.url).toBe('/releases/4.7/#credit2');
  });

  it('leaves a word that matches alone', async () => {
    const answer = await answerQuery(engine({ credit2: [credit2] }), lexicon, 'credit2', 5);
    expect(answer).toMatchObject({ searched: 'credit2', corrected: false, partial: false });
  });

  it('puts the advisory first, or says that none is covered', async () => {
    const xsa154 = hit('/releases/4.6.3/#xsa-154', 'XSA-154: cacheability MMIO mappings.', [0], { title: 'XSA-154: cacheability', summary: 'MMIO mappings.' });
    const xsa155 = hit('/releases/4.6.3/#xsa-155', 'XSA-155: PV drivers Part of the fix.', [0], { title: 'XSA-155: PV drivers', summary: 'Part of the fix.' });
    const found = await answerQuery(engine({ 'XSA-155': [xsa154, xsa155] }), lexicon, 'xsa 155', 5);
    expect(found.hits.map((entry) => entry.url)).toEqual(['/releases/4.6.3/#xsa-155', '/releases/4.6.3/#xsa-154']);
    const absent = await answerQuery(engine({ 'XSA-179': [xsa155, xsa154] }), lexicon, 'XSA179', 5);
    expect(absent).toMatchObject({ statement: 'The Xen 4.6.3 notes cover no XSA-179; they cover XSA-154 and XSA-155.', partial: true });
    expect(absent.hits.map((entry) => entry.url)).toEqual(['/releases/4.6.3/#xsa-154', '/releases/4.6.3/#xsa-155']);
    const family = await answerQuery(engine({ xsa: [xsa155, credit2, xsa154] }), lexicon, 'xsa', 5);
    expect(family.hits.map((entry) => entry.url)).toEqual(['/releases/4.6.3/#xsa-154', '/releases/4.6.3/#xsa-155', '/releases/4.7/#credit2']);
  });

  it('answers nothing, with the closest feature names, when no word matches', async () => {
    const answer = await answerQuery(engine({ cerdti2: [junk] }), lexicon, 'cerdti2', 5);
    expect(answer).toMatchObject({ hits: [], total: 0, unmatched: ['cerdti2'], corrected: false });
    expect(answer.suggestions.map((feature) => feature.title)).toEqual(['Credit2 scheduler improvements']);
  });
});

describe('a hit’s excerpt', () => {
  const content =
    'Live patching Apply fixes without a reboot. Xen 4.7 ships it. The xen-livepatch tool loads payloads, and more. Also known as: xSplice, livepatch.';
  const meta = { title: 'Live patching', summary: 'Apply fixes without a reboot.' };
  const words = content.split(' ');

  it('shows the summary, and a body passage from the start of the sentence with the matched word marked', () => {
    const location = words.indexOf('xen-livepatch');
    const excerpt = hitExcerpt({ content, locations: [location], meta });
    expect(excerpt.summary).toBe('Apply fixes without a reboot.');
    expect(excerpt.body).toEqual([
      { text: 'The ', mark: false },
      { text: 'xen-livepatch', mark: true },
      { text: ' tool loads payloads, and more.', mark: false },
    ]);
  });

  it('never shows the other names, nor a passage when only the title or summary matched', () => {
    const inAliases = words.indexOf('xSplice,');
    expect(hitExcerpt({ content, locations: [0, inAliases], meta })).toEqual({ summary: 'Apply fixes without a reboot.' });
  });

  it('shows a commit’s title after its id', () => {
    const excerpt = hitExcerpt({ content: '8b7a356409 libxl: Fix NULL pointer', locations: [0], meta: { title: 'Commit 8b7a356409' } });
    expect(excerpt.body?.map((part) => part.text).join('')).toBe('libxl: Fix NULL pointer');
  });
});
