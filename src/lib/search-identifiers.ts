import type { Lexicon, LexiconIdentifier } from './search-lexicon.ts';

/** An identifier a query may be: what it names, written the one way the notes write it. */
export type Identifier =
  | { family: 'xsa'; id: string; number: number }
  | { family: 'cve'; id: string }
  | { family: 'release'; id: string }
  | { family: 'commit'; id: string };

/**
 * The identifier a whole query is, if it is one: an advisory (`XSA-179`,
 * `xsa 179`, `XSA179`), a CVE, a release version (`4.6.2`, `Xen 4.8`) or a
 * commit id (7 to 40 hex digits, with a digit and a letter).
 * @example parseIdentifier('xsa 179') // { family: 'xsa', id: 'XSA-179', number: 179 }
 */
export function parseIdentifier(query: string): Identifier | undefined {
  const text = query.trim();
  const xsa = /^xsa[\s-]?(\d{1,4})$/i.exec(text);
  if (xsa) return { family: 'xsa', id: `XSA-${Number(xsa[1])}`, number: Number(xsa[1]) };
  const cve = /^cve[\s-]?(\d{4})[\s-](\d{4,7})$/i.exec(text);
  if (cve) return { family: 'cve', id: `CVE-${cve[1]}-${cve[2]}` };
  const release = /^(?:xen\s*)?(\d+\.\d+(?:\.\d+)?)$/i.exec(text);
  if (release) return { family: 'release', id: release[1]!.replace(/^(\d+\.\d+)\.0$/, '$1') };
  if (/^[0-9a-f]{7,40}$/i.test(text) && /\d/.test(text) && /[a-f]/i.test(text)) return { family: 'commit', id: text.toLowerCase() };
  return undefined;
}

/** Whether a query names a family of identifiers as a whole (`xsa`, `CVEs`), whose members then sort in their natural order. */
export function identifierFamily(query: string): 'xsa' | 'cve' | undefined {
  const word = query.trim().toLowerCase();
  if (word === 'xsa' || word === 'xsas') return 'xsa';
  if (word === 'cve' || word === 'cves') return 'cve';
  return undefined;
}

/**
 * Joins names as a reader says them.
 * @example listed(['4.7', '4.6.3', '4.6.2']) // '4.7, 4.6.3 and 4.6.2'
 */
export function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What the lexicon says of an identifier: the note that covers it, or the sentence that says none does. */
export type IdentifierAnswer = { found: LexiconIdentifier } | { absent: string } | undefined;

function coveredBy(identifiers: readonly LexiconIdentifier[], id: string): LexiconIdentifier | undefined {
  return identifiers.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
}

/**
 * Looks an identifier up in the lexicon. A commit is not in the lexicon (its
 * id is in the index): `commitFound` says whether the index has it.
 * @example identifierAnswer({ family: 'xsa', id: 'XSA-179', number: 179 }, lexicon)
 * // { absent: 'The Xen 4.6.3 notes cover no XSA-179; they cover XSA-154, XSA-155, … and XSA-181.' }
 */
export function identifierAnswer(identifier: Identifier, lexicon: Lexicon, commitFound = false): IdentifierAnswer {
  if (identifier.family === 'xsa') {
    const { releases, ids } = lexicon.advisories;
    const found = coveredBy(ids, identifier.id);
    if (found) return { found };
    if (ids.length === 0) return { absent: `These notes cover no security advisory, so none is ${identifier.id}.` };
    return { absent: `The ${listed(releases)} notes cover no ${identifier.id}; they cover ${listed(ids.map((entry) => entry.id))}.` };
  }
  if (identifier.family === 'cve') {
    const found = coveredBy(lexicon.cves, identifier.id);
    if (found) return { found };
    return { absent: `No note names ${identifier.id}; the notes name ${listed(lexicon.cves.map((entry) => entry.id))}.` };
  }
  if (identifier.family === 'release') {
    if (lexicon.releases.some((release) => release.version === identifier.id)) return undefined;
    return { absent: `These notes do not cover Xen ${identifier.id}; they cover ${listed(lexicon.releases.map((release) => release.label))}.` };
  }
  if (commitFound) return undefined;
  if (lexicon.changelogs.length === 0) return { absent: `No change log here lists commits, so none is ${identifier.id}.` };
  return { absent: `The change log of ${listed(lexicon.changelogs)} lists no commit ${identifier.id}.` };
}
