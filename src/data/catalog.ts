import type { CollectionEntry } from 'astro:content';
import { getCollection, render } from 'astro:content';
import { categoryAnchor, findAnchorClashes, noteAnchor } from '../lib/anchors';
import { CATEGORY_SLUGS } from '../lib/categories';
import type { ChangeEntry, ChangeLogView } from '../lib/changelog-view';
import { findChangeLogProblems, followUpsOf, listedChangeLog, talliedChangeLog } from '../lib/changelog-view';
import type { CategoryGroup } from '../lib/releases';
import { findMisnamedReleases, findPlacementProblems, groupByCategory, sortNewestFirst } from '../lib/releases';

/**
 * The only module that reads the content collections. It checks what the
 * schema alone cannot (references, anchors, placement) and hands pages plain,
 * sorted data; any problem stops the build with every file named.
 */

export type ReleaseEntry = CollectionEntry<'releases'>;
export type NoteEntry = CollectionEntry<'notes'>;

export type Note = NoteEntry['data'] & {
  id: string;
  entry: NoteEntry;
  anchor: string;
  /** Commits of the release's change log that fixed this advisory's fix again. */
  followUps: ChangeEntry[];
};

export interface Release {
  id: string;
  entry: ReleaseEntry;
  data: ReleaseEntry['data'];
  notes: Note[];
  groups: CategoryGroup<Note>[];
  highlights: Note[];
  /** The commits since the previous release, when the release has a change-log file. */
  changelog?: ChangeLogView;
}

function fileOf(entry: { filePath?: string | undefined; id: string }): string {
  return entry.filePath ?? entry.id;
}

function failWith(problems: string[]): never {
  throw new Error(
    `The release notes have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n- ${problems.join('\n- ')}`,
  );
}

async function loadCatalog(): Promise<Release[]> {
  const releaseEntries = await getCollection('releases');
  const noteEntries = await getCollection('notes');
  const changeLogEntries = await getCollection('changelogs');
  const releaseIds = new Set(releaseEntries.map((entry) => entry.id));
  const known = [...releaseIds].map((id) => `"${id}"`).join(', ');

  const problems = findMisnamedReleases(
    releaseEntries.map((entry) => ({ id: entry.id, file: fileOf(entry), version: entry.data.version })),
  );
  for (const entry of releaseEntries) {
    if (entry.data.kind === 'skipped' && !releaseIds.has(entry.data.successor.id)) {
      problems.push(
        `${fileOf(entry)}: field "successor" is "${entry.data.successor.id}", which is no release; expected one of ${known}`,
      );
    }
  }
  for (const entry of noteEntries) {
    if (!releaseIds.has(entry.data.release.id)) {
      problems.push(
        `${fileOf(entry)}: field "release" is "${entry.data.release.id}", which is no release; expected one of ${known}`,
      );
    }
  }
  // A note whose release is unknown was reported above; its placement cannot be judged.
  const checked = noteEntries.filter((entry) => releaseIds.has(entry.data.release.id)).map((entry) => ({
    ...entry.data,
    file: fileOf(entry),
    folder: entry.id.split('/')[0] ?? '',
    release: entry.data.release.id,
  }));
  problems.push(...findPlacementProblems(checked), ...findAnchorClashes(checked));

  const changeLogs = new Map<string, ChangeLogView>();
  const categoryAnchors = new Set(CATEGORY_SLUGS.map(categoryAnchor));
  for (const entry of changeLogEntries) {
    const release = entry.data.release.id;
    if (!releaseIds.has(release)) {
      problems.push(`${fileOf(entry)}: field "release" is "${release}", which is no release; expected one of ${known}`);
      continue;
    }
    const view = entry.data.kind === 'list' ? listedChangeLog(entry.data) : talliedChangeLog(entry.data);
    const noteAnchors = new Set(checked.filter((note) => note.release === release).map((note) => noteAnchor(note)));
    problems.push(
      ...findChangeLogProblems({ file: fileOf(entry), id: entry.id, release, view }, { noteAnchors, otherAnchors: categoryAnchors }),
    );
    changeLogs.set(release, view);
  }
  if (problems.length > 0) failWith(problems);

  const releases = sortNewestFirst(releaseEntries.map((entry) => ({ entry, version: entry.data.version })));
  return releases.map(({ entry }) => {
    const changelog = changeLogs.get(entry.id);
    const groups = groupByCategory(
      noteEntries
        .filter((note) => note.data.release.id === entry.id)
        .map((note): Note => {
          const anchor = noteAnchor(note.data);
          return { ...note.data, id: note.id, entry: note, anchor, followUps: followUpsOf(changelog, anchor) };
        }),
    );
    // Every list of a release's notes follows the page: categories in order, notes by position.
    const notes = groups.flatMap((group) => group.notes);
    return {
      id: entry.id,
      entry,
      data: entry.data,
      notes,
      groups,
      highlights: notes.filter((note) => note.highlight),
      ...(changelog ? { changelog } : {}),
    };
  });
}

let catalog: Promise<Release[]> | undefined;

/** Every release, newest first, with its notes grouped by category. */
export function getReleases(): Promise<Release[]> {
  catalog ??= loadCatalog();
  return catalog;
}

/** One release by id; a missing one is a bug in the caller, so it throws. */
export async function getRelease(id: string): Promise<Release> {
  const release = (await getReleases()).find((candidate) => candidate.id === id);
  if (!release) throw new Error(`No release "${id}"`);
  return release;
}

/** Renders a note's or release's Markdown body. */
export async function renderBody(entry: NoteEntry | ReleaseEntry) {
  const rendered = await render(entry);
  // Footnotes add no heading: rehypeScopedFootnotes replaces remark-gfm's h2 "Footnotes" with a label.
  const misplaced = rendered.headings.filter((heading) => heading.depth < 4);
  if (misplaced.length > 0) {
    failWith(
      misplaced.map(
        (heading) =>
          `${fileOf(entry)}: the body has the heading "${heading.text}" at level ${heading.depth}; expected no heading above level 4 (####), because the page provides the release, category and feature headings`,
      ),
    );
  }
  return rendered;
}
