import { identifierAnswer, identifierFamily, parseIdentifier } from './search-identifiers.ts';
import type { Lexicon, LexiconFeature } from './search-lexicon.ts';
import { normalizeQuery } from './search-query.ts';
import { editDistance } from './suggest.ts';

/**
 * Turns what a reader typed into what search answers: the exact note for an
 * identifier, or the sentence that says the notes do not cover it; a
 * mistyped word corrected against the site's own words; the words nothing
 * matches; and, when nothing does, the closest feature names. It runs in the
 * browser (search-ui.ts) and over the real index in the tests, with the same
 * code; the engine is Pagefind behind a small adapter.
 */

/** One hit as Pagefind's `data()` gives it. */
export interface HitData {
  url: string;
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
}

/** Searches and loads the data of the first `limit` hits, in Pagefind's order. */
export type SearchEngine = (query: string, limit: number) => Promise<{ total: number; hits: HitData[] }>;

export interface Answer {
  /** The query as typed, normalized. */
  query: string;
  /** The query the hits answer: the typed one, or its correction. */
  searched: string;
  /** Set when the typed query was corrected. */
  corrected: boolean;
  /** Says that the notes do not cover the identifier typed. */
  statement?: string;
  /** The hits match only part of the query. */
  partial: boolean;
  /** Words of the query that nothing matches. */
  unmatched: string[];
  total: number;
  hits: HitData[];
  /** The closest feature names, when nothing matched. */
  suggestions: LexiconFeature[];
}

/** Endings English stemming joins (patch, patches, patching; virtual, virtualization). */
const ENDINGS = new Set(['', 's', 'es', 'ed', 'd', 'e', 'er', 'ers', 'ing', 'ings', 'ion', 'ions', 'ation', 'ations', 'ization', 'isation', 'ly', 'ment', 'ments', 'ity', 'al', 'ies', 'y', 'ize', 'ise', 'ized', 'ised', 'ness']);

const parts = (text: string) => text.toLowerCase().split(/[^a-z0-9_]+/).filter(Boolean);

/**
 * Whether a word of the query matches a word of the text, as Pagefind
 * matches it: the same word, a word it begins, or the same stem. Pagefind
 * also falls back to ever shorter beginnings of a word it cannot find
 * (`credti2` finds `CR4`); that is no match.
 * @example wordMatches('patching', 'patches,') // true
 * @example wordMatches('nestedhvm', 'xen/nested_p2m:') // false
 */
export function wordMatches(word: string, text: string): boolean {
  const wanted = word.toLowerCase();
  return parts(text).some((part) => {
    if (part.startsWith(wanted)) return true;
    let common = 0;
    while (common < wanted.length && wanted[common] === part[common]) common += 1;
    return common >= 3 && ENDINGS.has(wanted.slice(common)) && ENDINGS.has(part.slice(common));
  });
}

/** The words of a query that count: its parts of two characters or more. */
export function queryWords(query: string): string[] {
  return [...new Set(parts(query).filter((part) => part.length >= 2))];
}

function knownWord(word: string, lexicon: Lexicon): boolean {
  return lexicon.words.some((known) => wordMatches(word, known));
}

/** The words of the loaded hits that Pagefind matched. */
function matchedWords(hits: readonly HitData[]): string[] {
  return hits.slice(0, 5).flatMap((hit) => {
    const all = hit.content.split(/\s+/).filter(Boolean);
    return hit.locations.map((location) => all[location] ?? '');
  });
}

/**
 * The feature names nearest to the query's words, for "Did you mean": at most
 * three, each with a word that starts with the same letter as a word of the
 * query and is a few edits from it (more than a correction allows: these
 * are offered, not searched).
 * @example closestFeatures('cerdti2', lexicon) // [{ title: 'Credit2 scheduler improvements', … }]
 */
export function closestFeatures(query: string, lexicon: Lexicon, count = 3): LexiconFeature[] {
  const wanted = queryWords(query).filter((word) => word.length >= 3);
  const scored = lexicon.features.map((feature) => {
    let best = Number.POSITIVE_INFINITY;
    for (const word of wanted) {
      const limit = Math.max(1, Math.floor(word.length / 3));
      for (const name of parts(feature.title)) {
        if (name[0] !== word[0]) continue;
        const distance = editDistance(word, name);
        if (distance <= limit) best = Math.min(best, distance);
      }
    }
    return { feature, best };
  });
  return scored
    .filter((entry) => Number.isFinite(entry.best))
    .sort((left, right) => left.best - right.best)
    .slice(0, count)
    .map((entry) => entry.feature);
}

/**
 * The word of the lexicon a mistyped word most likely meant: one that starts
 * with the same letter (a typo rarely hits the first) and is one edit away,
 * two for a word of eight letters or more; the first in order among equals.
 * @example correction('credti2', ['credit2', 'credit']) // 'credit2'
 */
export function correction(word: string, known: readonly string[]): string | undefined {
  const wanted = word.toLowerCase();
  const limit = wanted.length >= 8 ? 2 : 1;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    if (candidate[0] !== wanted[0] || Math.abs(candidate.length - wanted.length) > limit) continue;
    const distance = editDistance(wanted, candidate);
    if (distance <= limit && (!best || distance < best.distance)) best = { word: candidate, distance };
  }
  return best?.word;
}

/**
 * Replaces each mistyped word of a query by the lexicon's nearest word; the
 * query unchanged when no word has a near one.
 * @example correctQuery('credti2 scheduler', ['credti2'], lexicon) // 'credit2 scheduler'
 */
export function correctQuery(query: string, mistyped: readonly string[], lexicon: Lexicon): string {
  let corrected = query;
  for (const word of mistyped) {
    const replacement = correction(word, lexicon.words);
    if (!replacement || replacement === word) continue;
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    corrected = corrected.replace(new RegExp(`(?<![a-z0-9_])${escaped}(?![a-z0-9_])`, 'gi'), replacement);
  }
  return corrected;
}

function withFirst(hits: readonly HitData[], url: string): HitData[] {
  const found = hits.find((hit) => hit.url === url);
  return found ? [found, ...hits.filter((hit) => hit !== found)] : [...hits];
}

function inNaturalOrder(hits: readonly HitData[], urls: readonly string[]): HitData[] {
  const rank = new Map(urls.map((url, position) => [url, position]));
  const members = hits.filter((hit) => rank.has(hit.url)).sort((left, right) => rank.get(left.url)! - rank.get(right.url)!);
  return [...members, ...hits.filter((hit) => !rank.has(hit.url))];
}

/** Answers a query; see the module's summary. */
export async function answerQuery(search: SearchEngine, lexicon: Lexicon, typed: string, limit: number): Promise<Answer> {
  const query = normalizeQuery(typed);
  const base: Answer = { query, searched: query, corrected: false, partial: false, unmatched: [], total: 0, hits: [], suggestions: [] };
  const identifier = parseIdentifier(query);
  if (identifier) {
    // Searched as the notes write it: `xsa 179` finds what `XSA-179` would.
    const found = await search(identifier.family === 'commit' ? query : identifier.id, limit);
    const commitHit = found.hits.find((hit) => {
      const shortId = /^Commit ([0-9a-f]+)$/.exec(hit.meta['title'] ?? '')?.[1];
      return shortId !== undefined && (identifier.id.startsWith(shortId) || shortId.startsWith(identifier.id));
    });
    const said = identifierAnswer(identifier, lexicon, commitHit !== undefined);
    if (said && 'absent' in said) {
      // The partial matches of an absent advisory or CVE are its neighbours, listed in their order.
      const family = identifier.family === 'xsa' ? lexicon.advisories.ids : identifier.family === 'cve' ? lexicon.cves : [];
      const hits = inNaturalOrder(found.hits, family.map((entry) => entry.url));
      return { ...base, searched: identifier.id, statement: said.absent, partial: found.hits.length > 0, total: found.total, hits };
    }
    const first = said?.found.url ?? commitHit?.url;
    if (first) return { ...base, searched: identifier.id, total: found.total, hits: withFirst(found.hits, first) };
  }
  const family = identifierFamily(query);
  const familyUrls = family === 'xsa' ? lexicon.advisories.ids.map((entry) => entry.url) : family === 'cve' ? lexicon.cves.map((entry) => entry.url) : [];
  const found = await search(query, Math.max(limit, familyUrls.length));
  const words = queryWords(query);
  const matched = matchedWords(found.hits);
  // With hits, Pagefind has matched every word it could: a word none of them shows matched nothing.
  const unmatched =
    found.hits.length > 0 ? words.filter((word) => !matched.some((text) => wordMatches(word, text))) : words.filter((word) => !knownWord(word, lexicon));
  if (unmatched.length > 0 || found.hits.length === 0) {
    const corrected = correctQuery(query, unmatched, lexicon);
    if (corrected.toLowerCase() !== query.toLowerCase()) {
      const again = await search(corrected, limit);
      if (again.hits.length > 0) return { ...base, searched: corrected, corrected: true, total: again.total, hits: again.hits };
    }
  }
  if (found.hits.length === 0 && words.length > 1) {
    // Pagefind wants every word; keep those that match on their own, and say which matched nothing.
    const kept: string[] = [];
    for (const word of words) {
      const alone = await search(word, 3);
      if (matchedWords(alone.hits).some((text) => wordMatches(word, text))) kept.push(word);
    }
    if (kept.length > 0 && kept.length < words.length) {
      const rest = await search(kept.join(' '), limit);
      const dropped = words.filter((word) => !kept.includes(word));
      if (rest.hits.length > 0) return { ...base, searched: kept.join(' '), partial: true, unmatched: dropped, total: rest.total, hits: rest.hits };
    }
  }
  if (found.hits.length === 0 || (words.length > 0 && unmatched.length === words.length)) {
    return { ...base, unmatched: found.hits.length === 0 ? words : unmatched, suggestions: closestFeatures(query, lexicon) };
  }
  const hits = familyUrls.length > 0 ? inNaturalOrder(found.hits, familyUrls) : found.hits;
  return { ...base, partial: unmatched.length > 0, unmatched, total: found.total, hits: hits.slice(0, Math.max(limit, familyUrls.length)) };
}
