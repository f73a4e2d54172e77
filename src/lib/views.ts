import { getArchitecture, type ArchitectureFamily, type ArchitectureId } from './architectures.ts';
import { categoryRank, type CategorySlug } from './categories.ts';
import type { StatusId } from './statuses.ts';

/** What the cross-release views need to know of a note. */
export interface ViewNote {
  anchor: string;
  feature: string;
  category: CategorySlug;
  architecture: ArchitectureId;
  status: StatusId;
}

/** What the cross-release views need to know of a release. */
export interface ViewRelease<Note extends ViewNote> {
  id: string;
  notes: Note[];
}

/** A release and those of its notes that a view shows; releases with none are left out. */
export interface ReleaseSlice<Note extends ViewNote> {
  releaseId: string;
  notes: Note[];
}

/**
 * The notes of each release that match, releases in the order given
 * (newest first), notes in the release's own order.
 */
export function sliceReleases<Note extends ViewNote>(
  releases: readonly ViewRelease<Note>[],
  matches: (note: Note) => boolean,
): ReleaseSlice<Note>[] {
  return releases
    .map((release) => ({ releaseId: release.id, notes: release.notes.filter(matches) }))
    .filter((slice) => slice.notes.length > 0);
}

/** Notes of one category, release by release. */
export function byCategory<Note extends ViewNote>(releases: readonly ViewRelease<Note>[], category: CategorySlug) {
  return sliceReleases(releases, (note) => note.category === category);
}

/** Notes of one architecture family, release by release; architecture-independent notes stay out. */
export function byArchitectureFamily<Note extends ViewNote>(
  releases: readonly ViewRelease<Note>[],
  family: ArchitectureFamily,
) {
  return sliceReleases(releases, (note) => getArchitecture(note.architecture).family === family);
}

export interface MatrixRow {
  anchor: string;
  feature: string;
  category: CategorySlug;
  /** Status per release id; a release without the feature has no entry. */
  statuses: Record<string, StatusId>;
}

/**
 * One row per feature (notes of different releases with one anchor are one
 * feature), by category in display order, then in the order features first
 * appear, newest release first.
 */
export function supportMatrix<Note extends ViewNote>(releases: readonly ViewRelease<Note>[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const release of releases) {
    for (const note of release.notes) {
      const row = rows.get(note.anchor) ?? {
        anchor: note.anchor,
        feature: note.feature,
        category: note.category,
        statuses: {},
      };
      row.statuses[release.id] = note.status;
      rows.set(note.anchor, row);
    }
  }
  // Array.prototype.sort is stable: within a category, first appearance decides.
  return [...rows.values()].sort((left, right) => categoryRank(left.category) - categoryRank(right.category));
}
