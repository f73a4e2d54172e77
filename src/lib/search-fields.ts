import { getArchitecture, type ArchitectureId } from './architectures.ts';
import { getCategory, type CategorySlug } from './categories.ts';
import { getChangeArea, type ChangeAreaId } from './change-areas.ts';
import { ALIASES_LABEL } from './search-excerpt.ts';
import { getStatus, type StatusId } from './statuses.ts';

/** What the search index needs to know of a note. */
export interface SearchableNote {
  release: string;
  category: CategorySlug;
  architecture: ArchitectureId;
  status: StatusId;
  experimental: boolean;
  summary: string;
}

export interface SearchFilters extends Record<string, string> {
  release: string;
  category: string;
  architecture: string;
  status: string;
  experimental: string;
}

/**
 * Pagefind filters of a note, as the ids the search page puts in its URL
 * (`?architecture=arm&status=experimental`). Architecture is filtered by
 * family, so "ARM" finds ARM64-only features too.
 */
export function searchFilters(note: SearchableNote): SearchFilters {
  return {
    release: note.release,
    category: note.category,
    architecture: getArchitecture(note.architecture).family,
    status: note.status,
    experimental: String(note.experimental),
  };
}

/** Pagefind metadata of a note: the labels and the summary a search result shows. */
export function searchMeta(note: SearchableNote, releaseLabel: string): Record<string, string> {
  return {
    release: releaseLabel,
    category: getCategory(note.category).title,
    architecture: getArchitecture(note.architecture).label,
    status: note.status === 'unlabelled' ? '' : getStatus(note.status).label,
    status_id: note.status,
    summary: note.summary,
  };
}

/** What the search index needs to know of a change-log commit. */
export interface SearchableCommit {
  shortId: string;
  area: ChangeAreaId;
}

/**
 * How much a commit's words weigh in the index against a note's body (1): a
 * commit record is one short line, which Pagefind's length ranking would
 * otherwise put before the note that explains the same word.
 */
export const COMMIT_WEIGHT = '0.3';

/**
 * A note's other names, as its search record alone carries them: they make
 * `xSplice` or `XSA155` find the note, and are no reading matter. They close
 * the record after ALIASES_LABEL, where an excerpt stops (search-excerpt.ts),
 * and weigh more than the body's words.
 * @example aliasesForIndex(['xSplice', 'livepatch']) // '<p data-pagefind-weight="8">Also known as: xSplice, livepatch</p>'
 */
export function aliasesForIndex(aliases: readonly string[]): string {
  if (aliases.length === 0) return '';
  const text = `${ALIASES_LABEL} ${aliases.join(', ')}`.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return `<p data-pagefind-weight="8">${text}</p>`;
}

/**
 * Pagefind metadata of a change-log commit: the title a hit shows, its
 * release and its area. Pagefind searches metadata too, so every word here
 * adds to the index of a first search: the full id (random digits, 3.3 kB of
 * the index for the 119 commits of 4.6.3) stays out, and so does the
 * commit's own title, since a word of a `title` gets a boost on top of the
 * text's weight, which would put a one-line commit before the note that
 * explains the same word. The hit's excerpt shows the commit's title.
 */
export function commitSearchMeta(commit: SearchableCommit, releaseLabel: string): Record<string, string> {
  return {
    title: `Commit ${commit.shortId}`,
    release: releaseLabel,
    area: getChangeArea(commit.area).title,
  };
}

/**
 * Pagefind's attribute form that reads each key from a data attribute of the
 * same element ("release[data-release], category[data-category]"), so values
 * may hold any character. Returns that attribute and the data attributes.
 */
export function pagefindAttributes(
  kind: 'filter' | 'meta',
  pairs: Record<string, string>,
): Record<string, string> {
  const present = Object.entries(pairs).filter(([, value]) => value !== '');
  const attributes: Record<string, string> = Object.fromEntries(
    present.map(([key, value]) => [`data-${kind}-${key}`, value]),
  );
  attributes[`data-pagefind-${kind}`] = present.map(([key]) => `${key}[data-${kind}-${key}]`).join(', ');
  return attributes;
}
