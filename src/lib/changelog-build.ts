import type { ChangeAreaId } from './change-areas.ts';
import { placeCommit } from './change-areas.ts';
import type { LogLine } from './changelog.ts';
import { advisoryId, sortIdentifiers } from './changelog.ts';

/**
 * What the numbers in a commit's message do not say, stated once per commit
 * with the words of the commit that say it (its message, or the Config.mk
 * lines it changes), so that every relation can be checked against Xen.
 */
export interface CommitRelation {
  /** The commit's full id. */
  commit: string;
  /** The commit's own words that show the relation. */
  evidence: string;
  /** The commit corrects a fault of this advisory's fix; `summary` says what the fix did wrong, as in "the fix …". */
  followUpOf?: { advisory: string; summary: string };
  /**
   * The commit moves a tree the build fetches to a revision whose newest
   * commit names a fix; `lines` are where Config.mk sets it, at the commit.
   */
  revisionUpdate?: { variable: string; lines: [number, number]; revision: string; subject: string; cves: string[] };
  /** Advisories the message names in a spelling the log files leave out ("XSA155"). */
  advisories?: string[];
  /** Advisories the message names only in passing: the commit is no part of their fix. */
  mentions?: string[];
}

/** One commit of a change log that lists every commit. */
export interface ListedCommit {
  id: string;
  date: string;
  author: string;
  title: string;
  area: ChangeAreaId;
  files: string[];
  advisories: string[];
  cves: string[];
  mentions: string[];
  followUpOf?: { advisory: string; summary: string; evidence: string };
  revisionUpdate?: { variable: string; lines: [number, number]; revision: string; subject: string; cves: string[]; evidence: string };
}

/** One commit of a change log that is shown as counts by area: what its area was decided from. */
export interface TalliedCommit {
  id: string;
  title: string;
  files: string[];
  area: ChangeAreaId;
}

export interface ChangeLogRange {
  release: string;
  from: string;
  to: string;
}

export type ChangeLogData =
  | (ChangeLogRange & { kind: 'list'; commits: ListedCommit[] })
  | (ChangeLogRange & { kind: 'tally'; commits: TalliedCommit[] });

function splitNames(names: readonly string[]): { advisories: string[]; cves: string[] } {
  const advisories: string[] = [];
  const cves: string[] = [];
  for (const name of names) {
    if (/^CVE-\d{4}-\d{4,}$/.test(name)) cves.push(name);
    else advisories.push(advisoryId(name));
  }
  return { advisories: sortIdentifiers(advisories), cves: sortIdentifiers(cves) };
}

/**
 * Every commit of a maintenance release with its area and the advisories its
 * message names, the relations applied. Throws, naming the commit, when a
 * relation points at a commit outside the log or mentions an advisory its
 * message does not name, and when no area rule places a commit.
 */
export function listChanges(range: ChangeLogRange, lines: readonly LogLine[], relations: readonly CommitRelation[]): ChangeLogData {
  const byCommit = new Map(relations.map((relation) => [relation.commit, relation]));
  const known = new Set(lines.map((line) => line.id));
  for (const relation of relations) {
    if (!known.has(relation.commit)) {
      throw new Error(`a relation names commit ${relation.commit}, which is not in the log from ${range.from} to ${range.to}`);
    }
  }
  const commits = lines.map((line): ListedCommit => {
    const relation = byCommit.get(line.id);
    const named = splitNames(line.names);
    const all = sortIdentifiers([...named.advisories, ...(relation?.advisories ?? []).map(advisoryId)]);
    const mentions = (relation?.mentions ?? []).map(advisoryId);
    for (const mention of mentions) {
      if (!all.includes(mention)) {
        throw new Error(`commit ${line.id} ("${line.title}"): a relation says its message mentions ${mention}, but the message names ${all.join(', ') || 'no advisory'}`);
      }
    }
    const commit: ListedCommit = {
      id: line.id,
      date: line.date,
      author: line.author,
      title: line.title,
      area: placeCommit(line).area,
      files: line.files,
      advisories: all.filter((advisory) => !mentions.includes(advisory)),
      cves: named.cves,
      mentions,
    };
    if (relation?.followUpOf) {
      commit.followUpOf = { advisory: advisoryId(relation.followUpOf.advisory), summary: relation.followUpOf.summary, evidence: relation.evidence };
    }
    if (relation?.revisionUpdate) commit.revisionUpdate = { ...relation.revisionUpdate, evidence: relation.evidence };
    return commit;
  });
  return { kind: 'list', ...range, commits };
}

/** Every commit of a range with the area the rules give it, for counts by area. */
export function tallyChanges(range: ChangeLogRange, lines: readonly LogLine[]): ChangeLogData {
  return {
    kind: 'tally',
    ...range,
    commits: lines.map((line) => ({ id: line.id, title: line.title, files: line.files, area: placeCommit(line).area })),
  };
}

/**
 * A change log as the committed JSON file: one commit a line, so that a
 * changed commit is one changed line.
 */
export function formatChangeLog(data: ChangeLogData): string {
  const { commits, ...head } = data;
  const fields = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const rows = commits.map((commit, index) => `    ${JSON.stringify(commit)}${index < commits.length - 1 ? ',' : ''}`);
  return `{\n${fields.join('\n')}\n  "commits": [\n${rows.join('\n')}\n  ]\n}\n`;
}
