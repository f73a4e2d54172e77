import { CHANGELOG_ANCHOR, changeAreaAnchor, commitAnchor } from './anchors.ts';
import type { ChangeArea, ChangeAreaId } from './change-areas.ts';
import type { ListedCommit, TalliedCommit } from './changelog-build.ts';
import { advisoryAnchor, countByArea, groupByArea, shortCommitId } from './changelog.ts';
import { upstreamCommitUrl, upstreamCompareUrl, upstreamFileUrl } from './urls.ts';

/** A commit as the change log shows it: everything a page needs, nothing to compute. */
export interface ChangeEntry {
  id: string;
  shortId: string;
  anchor: string;
  /**
   * The commit upstream by its short id, which GitHub resolves: the full ids
   * of a change log's commits would add 2.9 kB gzip to its page, a tenth of
   * the page budget. The JSON export carries the full ids.
   */
  url: string;
  title: string;
  date: string;
  area: ChangeAreaId;
  advisories: { id: string; anchor: string }[];
  cves: string[];
  mentions: string[];
  followUpOf?: { advisory: string; anchor: string; summary: string };
  /** `url` shows the Config.mk lines that set the revision, at the commit. */
  revisionUpdate?: { variable: string; url: string; revision: string; shortRevision: string; subject: string };
}

interface ChangeLogHead {
  /** The section heading, "Every change since 4.6.1". */
  heading: string;
  anchor: string;
  /** The version the change log starts after. */
  since: string;
  from: string;
  to: string;
  compareUrl: string;
  total: number;
}

export interface ListedChangeLog extends ChangeLogHead {
  kind: 'list';
  /** The commits as the data file holds them, for the JSON export. */
  commits: ListedCommit[];
  entries: ChangeEntry[];
  groups: { area: ChangeArea; anchor: string; entries: ChangeEntry[] }[];
}

export interface TalliedChangeLog extends ChangeLogHead {
  kind: 'tally';
  /** Every area with commits, in the areas' order; each links to the range's log upstream. */
  bars: { area: ChangeArea; count: number; url: string }[];
}

export type ChangeLogView = ListedChangeLog | TalliedChangeLog;

/** The version a tag names: RELEASE-4.6.1 → 4.6.1. */
function tagVersion(tag: string): string {
  return tag.replace(/^RELEASE-/, '');
}

function head(data: { from: string; to: string; commits: readonly unknown[] }): ChangeLogHead {
  return {
    heading: `Every change since ${tagVersion(data.from)}`,
    anchor: CHANGELOG_ANCHOR,
    since: tagVersion(data.from),
    from: data.from,
    to: data.to,
    compareUrl: upstreamCompareUrl(data.from, data.to),
    total: data.commits.length,
  };
}

/** One commit with its anchor, short id, upstream URL and the anchors of the notes it links. */
export function changeEntry(commit: ListedCommit): ChangeEntry {
  const entry: ChangeEntry = {
    id: commit.id,
    shortId: shortCommitId(commit.id),
    anchor: commitAnchor(commit.id),
    url: upstreamCommitUrl(shortCommitId(commit.id)),
    title: commit.title,
    date: commit.date,
    area: commit.area,
    advisories: commit.advisories.map((id) => ({ id, anchor: advisoryAnchor(id) })),
    cves: commit.cves,
    mentions: commit.mentions,
  };
  if (commit.followUpOf) {
    entry.followUpOf = { advisory: commit.followUpOf.advisory, anchor: advisoryAnchor(commit.followUpOf.advisory), summary: commit.followUpOf.summary };
  }
  if (commit.revisionUpdate) {
    const { variable, lines, revision, subject } = commit.revisionUpdate;
    const url = upstreamFileUrl(shortCommitId(commit.id), 'Config.mk', lines);
    entry.revisionUpdate = { variable, url, revision, shortRevision: shortCommitId(revision), subject };
  }
  return entry;
}

/** A listed change log, grouped by area in the areas' order, each area in the order of the log. */
export function listedChangeLog(data: { from: string; to: string; commits: readonly ListedCommit[] }): ListedChangeLog {
  const entries = data.commits.map(changeEntry);
  return {
    kind: 'list',
    ...head(data),
    commits: [...data.commits],
    entries,
    groups: groupByArea(entries).map((group) => ({ area: group.area, anchor: changeAreaAnchor(group.area.id), entries: group.commits })),
  };
}

/**
 * A tallied change log: its commits counted by area. Each bar links to the
 * range's log upstream; no path filter would reproduce an area, which the
 * rules decide from titles as well as from files.
 */
export function talliedChangeLog(data: { from: string; to: string; commits: readonly TalliedCommit[] }): TalliedChangeLog {
  const compareUrl = upstreamCompareUrl(data.from, data.to);
  return {
    kind: 'tally',
    ...head(data),
    bars: countByArea(data.commits).map(({ area, count }) => ({ area, count, url: compareUrl })),
  };
}

/** Every fragment id a change log puts on its release page. */
export function changeLogAnchors(view: ChangeLogView): string[] {
  if (view.kind === 'tally') return [view.anchor];
  return [view.anchor, ...view.groups.map((group) => group.anchor), ...view.entries.map((entry) => entry.anchor)];
}

/** The follow-ups of the advisory whose note has `anchor`: the commits that fixed its fix again. */
export function followUpsOf(view: ChangeLogView | undefined, anchor: string): ChangeEntry[] {
  if (view?.kind !== 'list') return [];
  return view.entries.filter((entry) => entry.followUpOf?.anchor === anchor);
}

/** What the checks need to know of a change-log file. */
export interface CheckedChangeLog {
  file: string;
  id: string;
  release: string;
  view: ChangeLogView;
}

/**
 * Lists what the schema cannot see in a change log: a file named after
 * another release, two commits with one short id, an advisory the release has
 * no note for, and an anchor a note or category of the page uses already.
 */
export function findChangeLogProblems(
  changeLog: CheckedChangeLog,
  page: { noteAnchors: ReadonlySet<string>; otherAnchors: ReadonlySet<string> },
): string[] {
  const { file, view } = changeLog;
  const problems: string[] = [];
  if (changeLog.id !== changeLog.release) {
    problems.push(`${file}: field "release" is "${changeLog.release}"; expected "${changeLog.id}", the release the file is named after`);
  }
  if (view.kind === 'list') {
    const seen = new Map<string, ChangeEntry>();
    for (const entry of view.entries) {
      const earlier = seen.get(entry.anchor);
      if (earlier) {
        problems.push(`${file}: commit ${entry.id} has the same short id ${entry.shortId} as commit ${earlier.id}; expected short ids unique within the change log`);
      }
      seen.set(entry.anchor, entry);
      const linked = new Map(entry.advisories.map((advisory) => [advisory.id, advisory]));
      if (entry.followUpOf) linked.set(entry.followUpOf.advisory, { id: entry.followUpOf.advisory, anchor: entry.followUpOf.anchor });
      for (const advisory of linked.values()) {
        if (!page.noteAnchors.has(advisory.anchor)) {
          problems.push(
            `${file}: commit ${entry.id} ("${entry.title}") names ${advisory.id}, which release ${changeLog.release} has no note for; expected a note with the anchor "${advisory.anchor}" in that release, or the advisory under "mentions"`,
          );
        }
      }
    }
  }
  for (const anchor of changeLogAnchors(view)) {
    if (page.noteAnchors.has(anchor) || page.otherAnchors.has(anchor)) {
      problems.push(`${file}: the change log's anchor "#${anchor}" is already a note's or category's anchor on the page of release ${changeLog.release}; expected anchors unique on the page`);
    }
  }
  return problems;
}
