import type { Category, CategorySlug } from './categories.ts';
import { CATEGORIES } from './categories.ts';
import { compareVersions } from './versions.ts';

/**
 * The short name a release goes by in URLs and file names: a ".0" patch level
 * is dropped, as Xen does when it speaks of "4.7".
 * @example releaseSlug('4.7.0') // '4.7'
 * @example releaseSlug('4.6.3') // '4.6.3'
 */
export function releaseSlug(version: string): string {
  return version.replace(/\.0$/, '');
}

/** Releases sorted by version, newest first. */
export function sortNewestFirst<Release extends { version: string }>(
  releases: readonly Release[],
): Release[] {
  return [...releases].sort((left, right) => compareVersions(right.version, left.version));
}

/** What grouping needs to know of a note. */
export interface GroupableNote {
  category: CategorySlug;
  order: number;
  feature: string;
}

export interface CategoryGroup<Note> {
  category: Category;
  notes: Note[];
}

/**
 * Groups notes by category, in the categories' display order, each group's
 * notes by their `order`. Categories without notes are left out.
 */
export function groupByCategory<Note extends GroupableNote>(
  notes: readonly Note[],
): CategoryGroup<Note>[] {
  return CATEGORIES.map((category) => ({
    category,
    notes: notes
      .filter((note) => note.category === category.slug)
      .sort((left, right) => left.order - right.order || left.feature.localeCompare(right.feature)),
  })).filter((group) => group.notes.length > 0);
}

/** A note as the consistency checks need to see it. */
export interface CheckedNote extends GroupableNote {
  file: string;
  folder: string;
  release: string;
}

/**
 * Lists notes that are filed under another release's folder, or that share
 * their position with another note of the same release and category.
 */
export function findPlacementProblems(notes: readonly CheckedNote[]): string[] {
  const problems: string[] = [];
  const positions = new Map<string, CheckedNote>();
  for (const note of notes) {
    if (note.folder !== note.release) {
      problems.push(
        `${note.file}: field "release" is "${note.release}" but the note is filed under content/notes/${note.folder}/; expected "${note.folder}", or move the file to content/notes/${note.release}/`,
      );
    }
    const key = `${note.release}/${note.category}/${note.order}`;
    const earlier = positions.get(key);
    if (earlier) {
      problems.push(
        `${note.file}: field "order" is ${note.order}, already used by ${earlier.file} in category "${note.category}" of release ${note.release}; expected a position unique within the category`,
      );
    } else {
      positions.set(key, note);
    }
  }
  return problems;
}

/** Lists releases whose file name is not the short name of their version. */
export function findMisnamedReleases(
  releases: readonly { id: string; file: string; version: string }[],
): string[] {
  return releases
    .filter((release) => release.id !== releaseSlug(release.version))
    .map(
      (release) =>
        `${release.file}: field "version" is "${release.version}", so the file must be named ${releaseSlug(release.version)}.md (or .mdx); found id "${release.id}"`,
    );
}

/** The short name of a release in lists and search results: "Xen 4.7". */
export function releaseLabel(releaseId: string): string {
  return `Xen ${releaseId}`;
}

/** How a release is named on the site. */
export function releaseTitle(releaseId: string): string {
  return `Xen Project Hypervisor ${releaseId}`;
}

/**
 * The releases before and after one, by version, skipping versions that were
 * never released: what a release page links to at its end.
 * Releases are given newest first, as the catalog holds them.
 * @example releaseNeighbours([{ id: '4.7', kind: 'feature' }, { id: '4.6.3', kind: 'maintenance' }], '4.7') // { older: { id: '4.6.3', … }, newer: undefined }
 */
export function releaseNeighbours<Release extends { id: string; kind: string }>(
  releases: readonly Release[],
  id: string,
): { older?: Release | undefined; newer?: Release | undefined } {
  const released = releases.filter((release) => release.kind !== 'skipped');
  const index = released.findIndex((release) => release.id === id);
  if (index === -1) return {};
  return { newer: released[index - 1], older: released[index + 1] };
}

/** How many of the newest releases the home page shows as cards; older ones get a line each. */
export const HOME_RELEASE_CARDS = 12;

/**
 * How many notes, from the top of a release page, a wide first screen can
 * show (a desktop's shows the first, and part of the second): they are laid
 * out at once there rather than when they near the viewport.
 */
export const FIRST_SCREEN_NOTES = 2;
