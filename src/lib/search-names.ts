import { queryWords, wordMatches, type HitData } from './search-answer.ts';
import { identifierFamily, parseIdentifier } from './search-identifiers.ts';
import { normalizeQuery } from './search-query.ts';

/**
 * The notes' names: a small JSON file, written at build time and fetched with
 * the search interface, that answers a query from the features' titles and
 * other names alone. On a slow network the interface shows these hits at
 * once, while Pagefind's code and index (ten times the size) are still on
 * their way, and replaces them with Pagefind's answer when it has one. The
 * file keeps the newest notes only, so it stays a few kilobytes at any
 * corpus size; a query that names none of them waits for Pagefind.
 */

/** A note as the names file carries it: what a hit shows, and the names it answers to. */
export interface NamedNote {
  url: string;
  /** The note's other names (aliases); its title is `meta.title`. */
  names: readonly string[];
  /** The same metadata as the note's Pagefind record, so that a hit renders the same either way. */
  meta: Readonly<Record<string, string>>;
}

export interface NameIndex {
  notes: NamedNote[];
}

/** How many notes, newest first, the names file keeps. */
export const NAME_INDEX_LIMIT = 60;

/** The names file of a catalog: its first `limit` notes (newest release first), without empty metadata. */
export function buildNameIndex(notes: readonly NamedNote[], limit: number = NAME_INDEX_LIMIT): NameIndex {
  return {
    notes: notes.slice(0, limit).map((note) => ({
      url: note.url,
      names: [...note.names],
      meta: Object.fromEntries(Object.entries(note.meta).filter(([, value]) => value !== '')),
    })),
  };
}

const normalizedTitle = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * How well a note's names answer the query's words, best first: 0 when the
 * query is its title, 1 when every word is in its title, 2 when every word is
 * in its title or other names; undefined when a word is in neither.
 */
function nameRank(note: NamedNote, query: string, words: readonly string[]): number | undefined {
  const title = note.meta['title'] ?? '';
  if (normalizedTitle(title) === normalizedTitle(query)) return 0;
  if (words.every((word) => wordMatches(word, title))) return 1;
  const names = [title, ...note.names].join(' ');
  if (words.every((word) => wordMatches(word, names))) return 2;
  return undefined;
}

/**
 * The notes whose names answer a query, best first and, among equals, in the
 * catalog's order; empty when none does, or when the query is an identifier
 * (an advisory, a CVE, a version, a commit), which only the full answer can
 * say is covered or not.
 * @example nameHits(index, 'live patching', 5).map((hit) => hit.url) // ['/releases/4.7/#live-patching']
 */
export function nameHits(index: NameIndex, typed: string, limit: number): HitData[] {
  const query = normalizeQuery(typed);
  const words = queryWords(query);
  if (words.length === 0 || parseIdentifier(query) || identifierFamily(query)) return [];
  return index.notes
    .map((note, position) => ({ note, position, rank: nameRank(note, query, words) }))
    .filter((entry): entry is typeof entry & { rank: number } => entry.rank !== undefined)
    .sort((left, right) => left.rank - right.rank || left.position - right.position)
    .slice(0, limit)
    .map(({ note }) => ({ url: note.url, content: '', locations: [], meta: { ...note.meta } }));
}
