import { compareIdentifiers, namedIdentifiers } from './changelog.ts';

/**
 * The search lexicon: a small JSON file, written at build time from the
 * catalog and fetched with the search interface, that knows the site's own
 * words (to correct a mistyped one), its features' names (to suggest them
 * when nothing matches) and its identifiers (to say exactly whether an
 * advisory, a CVE or a release is covered). It stays within a few kilobytes
 * at any corpus size (3 kB gzip at most): the vocabulary keeps the words
 * most notes use, a feature's own names first, and the feature names are
 * capped to the newest.
 */

/** A feature a suggestion can name and link. */
export interface LexiconFeature {
  title: string;
  url: string;
}

/** An identifier the notes cover, and the note that covers it. */
export interface LexiconIdentifier {
  id: string;
  url: string;
}

export interface Lexicon {
  /** Words a mistyped word is corrected to, lowercase, sorted. */
  words: string[];
  features: LexiconFeature[];
  /** Security advisories with a note, in their natural order, and the releases whose notes carry them. */
  advisories: { releases: string[]; ids: LexiconIdentifier[] };
  /** CVEs a note names, in their natural order. */
  cves: LexiconIdentifier[];
  /** The releases the site has, newest first, as readers write them (4.7, 4.6.3). */
  releases: { version: string; label: string }[];
  /** The releases whose change log lists every commit. */
  changelogs: string[];
}

/** What the lexicon is built from: plain data of the catalog. */
export interface LexiconNote {
  feature: string;
  url: string;
  summary: string;
  aliases: readonly string[];
  releaseLabel: string;
  /** Words of the note's body. */
  text: string;
}

export interface LexiconInput {
  notes: readonly LexiconNote[];
  releases: readonly { version: string; label: string }[];
  changelogs: readonly string[];
}

/** Caps that keep the lexicon a few kilobytes whatever the number of notes. */
export const LEXICON_LIMITS = { words: 450, features: 40 } as const;

/** Words too common to be what a reader meant by a mistyped word. */
const COMMON = new Set(
  'about after also and are because been before being between both but can could does each even for from had has have here how into its may more most much must not now only other over same should since some such than that the their them then there these they this those through under until very was were what when where which while who will with within without would you your'.split(
    ' ',
  ),
);

/**
 * The words of a text as the lexicon keeps them: lowercase, of letters,
 * digits, `_` and inner `-`, at least three characters, not common English.
 * @example lexiconWords('Live patching, xen-livepatch.') // ['live', 'patching', 'xen-livepatch']
 */
export function lexiconWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9_]+(?:-[a-z0-9_]+)*/g) ?? []).filter((word) => word.length >= 3 && !COMMON.has(word) && /[a-z]/.test(word));
}

function naturalOrder(left: LexiconIdentifier, right: LexiconIdentifier): number {
  return compareIdentifiers(left.id, right.id);
}

/**
 * Builds the lexicon. Words are ranked by how many notes use them, a feature's
 * own names counting more than its text, so that the cap drops the rarest;
 * features are kept in the catalog's order (newest release first).
 */
export function buildLexicon(input: LexiconInput, limits: { words: number; features: number } = LEXICON_LIMITS): Lexicon {
  const weight = new Map<string, number>();
  const advisories = new Map<string, LexiconIdentifier>();
  const advisoryReleases = new Set<string>();
  const cves = new Map<string, LexiconIdentifier>();
  for (const note of input.notes) {
    const named = new Set(lexiconWords([note.feature, ...note.aliases].join(' ')));
    const told = new Set(lexiconWords(`${note.summary} ${note.text}`));
    for (const word of named) weight.set(word, (weight.get(word) ?? 0) + 3);
    for (const word of told) if (!named.has(word)) weight.set(word, (weight.get(word) ?? 0) + 1);
    // An advisory is covered by the note that has it in its title or other names, not by one that mentions it.
    for (const id of namedIdentifiers([note.feature, ...note.aliases].join(' ')).advisories) {
      if (!advisories.has(id)) advisories.set(id, { id, url: note.url });
      advisoryReleases.add(note.releaseLabel);
    }
    for (const id of namedIdentifiers(note.aliases.join(' ')).cves) {
      if (!cves.has(id)) cves.set(id, { id, url: note.url });
    }
  }
  const words = [...weight.entries()]
    .sort(([leftWord, left], [rightWord, right]) => right - left || leftWord.localeCompare(rightWord))
    .slice(0, limits.words)
    .map(([word]) => word)
    .sort();
  return {
    words,
    features: input.notes.slice(0, limits.features).map((note) => ({ title: note.feature, url: note.url })),
    advisories: { releases: [...advisoryReleases], ids: [...advisories.values()].sort(naturalOrder) },
    cves: [...cves.values()].sort(naturalOrder),
    releases: [...input.releases],
    changelogs: [...input.changelogs],
  };
}
