import { getArchitecture, type ArchitectureFamily, type ArchitectureId } from './architectures.ts';
import { CATEGORIES, getCategory, type Category, type CategorySlug } from './categories.ts';
import type { StatusId } from './statuses.ts';
import type { Slice } from './pages.ts';
import { compareVersions } from './versions.ts';

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

/** A release and those of its notes (or matrix rows) that a view shows; releases with none are left out. */
export type ReleaseSlice<Entry> = Slice<Entry>;

/**
 * The notes of each release that match, releases in the order given
 * (newest first), notes in the release's own order.
 */
export function sliceReleases<Note extends ViewNote>(
  releases: readonly ViewRelease<Note>[],
  matches: (note: Note) => boolean,
): ReleaseSlice<Note>[] {
  return releases
    .map((release) => ({ releaseId: release.id, entries: release.notes.filter(matches) }))
    .filter((slice) => slice.entries.length > 0);
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

/** A status a later release gives a feature, with its evidence (a note's `history`). */
export interface LaterStatus {
  release: string;
  status: StatusId;
  detail?: string | undefined;
  source: { title: string; url: string };
}

/** What the support matrix needs to know of a note beyond the views' common fields. */
export interface MatrixNote extends ViewNote {
  history: readonly LaterStatus[];
}

/** One cell of the support matrix: a feature's status in one release, and where that is shown. */
export interface MatrixCell {
  status: StatusId;
  detail?: string | undefined;
  /** The feature's note on that release's page, or the file of Xen's tree a later status is read from. */
  evidence: { kind: 'note'; releaseId: string; anchor: string } | { kind: 'source'; title: string; url: string };
}

export interface MatrixRow {
  anchor: string;
  feature: string;
  category: CategorySlug;
  /** The oldest release with a note on the feature, whose note the row's title links to. */
  releaseId: string;
  /** Cells by release id; a release that says nothing about the feature has none. */
  cells: Record<string, MatrixCell>;
}

/**
 * The support matrix, one row per feature: notes of categories that hold
 * features (not fixes or release advice), notes of different releases with
 * one anchor being one feature. A row has a cell for each release with a note
 * on the feature and for each later status its notes record; a note's own
 * status wins over another note's history for the same release. Rows are
 * sliced by the release that introduced the feature, newest first, so the
 * matrix pages like the other views; within a slice, rows follow the release
 * page: categories in order, then position.
 */
export function supportMatrix<Note extends MatrixNote>(releases: readonly ViewRelease<Note>[]): ReleaseSlice<MatrixRow>[] {
  const rows = new Map<string, MatrixRow>();
  // Oldest release first, so that a row's release is where the feature first appeared.
  for (const release of [...releases].reverse()) {
    for (const note of release.notes) {
      if (!getCategory(note.category).features) continue;
      const row = rows.get(note.anchor) ?? {
        anchor: note.anchor,
        feature: note.feature,
        category: note.category,
        releaseId: release.id,
        cells: {},
      };
      row.cells[release.id] = { status: note.status, evidence: { kind: 'note', releaseId: release.id, anchor: note.anchor } };
      rows.set(note.anchor, row);
    }
  }
  for (const release of releases) {
    for (const note of release.notes) {
      const row = rows.get(note.anchor);
      if (!row) continue;
      for (const step of note.history) {
        row.cells[step.release] ??= { status: step.status, detail: step.detail, evidence: { kind: 'source', ...step.source } };
      }
    }
  }
  return releases
    .map((release) => ({
      releaseId: release.id,
      entries: release.notes
        .map((note) => rows.get(note.anchor))
        .filter((row): row is MatrixRow => row?.releaseId === release.id),
    }))
    .filter((slice) => slice.entries.length > 0);
}

/** The releases some row of the matrix has a cell for, oldest first: its columns. */
export function matrixColumns(rows: readonly MatrixRow[]): string[] {
  return [...new Set(rows.flatMap((row) => Object.keys(row.cells)))].sort(compareVersions);
}

/** Rows of the matrix by category, in the categories' display order, each keeping its order. */
export function matrixGroups(rows: readonly MatrixRow[]): { category: Category; rows: MatrixRow[] }[] {
  return CATEGORIES.map((category) => ({ category, rows: rows.filter((row) => row.category === category.slug) })).filter(
    (group) => group.rows.length > 0,
  );
}
