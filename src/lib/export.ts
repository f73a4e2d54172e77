import { changeAreaAnchor } from './anchors.ts';
import type { ChangeLogView } from './changelog-view.ts';
import type { ExportedChangeLog, ExportedNote } from './schema.ts';
import { anchorPath, releasePath, upstreamCommitUrl } from './urls.ts';

/** A note as the catalog holds it, before export. */
export interface NoteForExport extends Omit<ExportedNote, 'release' | 'url'> {
  release: { id: string };
}

/** Where the site is served: its origin and base path. */
export interface SiteLocation {
  site: URL;
  base: string;
}

/** A note with every field and the absolute URL of its anchor. */
export function exportNote(note: NoteForExport, location: SiteLocation): ExportedNote {
  return {
    release: note.release.id,
    category: note.category,
    feature: note.feature,
    anchor: note.anchor,
    order: note.order,
    architecture: note.architecture,
    status: note.status,
    experimental: note.experimental,
    enabledByDefault: note.enabledByDefault,
    highlight: note.highlight,
    summary: note.summary,
    aliases: note.aliases,
    sources: note.sources,
    history: note.history,
    id: note.id,
    url: new URL(anchorPath(location.base, note.release.id, note.anchor), location.site).href,
  };
}

/**
 * A release's change log with absolute URLs: every listed commit with its
 * full id upstream and its entry on the release page; a tallied one as its
 * counts by area.
 */
export function exportChangeLog(releaseId: string, changelog: ChangeLogView, location: SiteLocation): ExportedChangeLog {
  const onPage = (anchor: string) => new URL(anchorPath(location.base, releaseId, anchor), location.site).href;
  const range = { from: changelog.from, to: changelog.to, compareUrl: changelog.compareUrl, url: onPage(changelog.anchor) };
  if (changelog.kind === 'tally') {
    return {
      kind: 'tally',
      ...range,
      areas: changelog.bars.map((bar) => ({ id: bar.area.id, title: bar.area.title, commits: bar.count, url: bar.url })),
      total: changelog.total,
    };
  }
  return {
    kind: 'list',
    ...range,
    areas: changelog.groups.map((group) => ({ id: group.area.id, title: group.area.title, commits: group.entries.length, url: onPage(changeAreaAnchor(group.area.id)) })),
    commits: changelog.commits.map((commit, index) => ({
      ...commit,
      url: upstreamCommitUrl(commit.id),
      entryUrl: onPage(changelog.entries[index]?.anchor ?? ''),
    })),
  };
}

/** A release's own fields, its page URL, its notes and its change log, for the JSON exports. */
export function exportRelease<Data extends { version: string; kind: string }>(
  release: { id: string; data: Data; notes: NoteForExport[]; changelog?: ChangeLogView | undefined },
  location: SiteLocation,
) {
  return {
    id: release.id,
    ...release.data,
    url: new URL(releasePath(location.base, release.id), location.site).href,
    notes: release.notes.map((note) => exportNote(note, location)),
    ...(release.changelog ? { changelog: exportChangeLog(release.id, release.changelog, location) } : {}),
  };
}
