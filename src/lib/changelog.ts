import type { ChangeArea, ChangeAreaId } from './change-areas.ts';
import { CHANGE_AREAS } from './change-areas.ts';

/** How many hex digits of a commit id the site shows, as Xen's own mails and changelogs do. */
export const SHORT_ID_LENGTH = 10;

/**
 * The abbreviated id a commit is shown by.
 * @example shortCommitId('8b7a356409023f60f80e9f4b00bba16ad56cd77b') // '8b7a356409'
 */
export function shortCommitId(id: string): string {
  return id.slice(0, SHORT_ID_LENGTH);
}

/**
 * An advisory as the site names it and anchors its note.
 * @example advisoryId('xsa155') // 'XSA-155'
 */
export function advisoryId(name: string): string {
  const match = /^XSA-?\s?(\d+)$/i.exec(name.trim());
  if (!match) throw new Error(`"${name}" is not a Xen Security Advisory number; expected one like XSA-178`);
  return `XSA-${Number(match[1])}`;
}

/** The note anchor of an advisory: its notes are named after it. */
export function advisoryAnchor(id: string): string {
  return advisoryId(id).toLowerCase();
}

/** Compares advisory or CVE ids the way readers count them: XSA-52 before XSA-154. */
export function compareIdentifiers(left: string, right: string): number {
  return left.localeCompare(right, 'en', { numeric: true });
}

/** Sorts advisory or CVE ids the way readers count them, once each. */
export function sortIdentifiers(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareIdentifiers);
}

/**
 * The Xen Security Advisories and CVEs a commit message names, in every
 * spelling its authors used ("XSA-172", "XSA155", "XSA 77").
 */
export function namedIdentifiers(text: string): { advisories: string[]; cves: string[] } {
  const advisories = [...text.matchAll(/\bXSA[- ]?(\d+)\b/gi)].map((match) => `XSA-${Number(match[1])}`);
  const cves = [...text.matchAll(/\bCVE-(\d{4})-(\d{4,})\b/gi)].map((match) => `CVE-${match[1]}-${match[2]}`);
  return { advisories: sortIdentifiers(advisories), cves: sortIdentifiers(cves) };
}

/** One line of Xen's commit logs as the project's log files hold them (tab-separated). */
export interface LogLine {
  id: string;
  date: string;
  author: string;
  title: string;
  /** XSA and CVE numbers the message names. */
  names: string[];
  files: string[];
}

/**
 * Reads one line of a log file: id, author date, author, title, the XSA and
 * CVE numbers its message names, the files it touches.
 */
export function parseLogLine(line: string, where: string): LogLine {
  const fields = line.split('\t');
  const [id = '', date = '', author = '', title = '', names = '', files = ''] = fields;
  if (fields.length !== 6 || !/^[0-9a-f]{40}$/.test(id) || !/^\d{4}-\d{2}-\d{2}$/.test(date) || title === '') {
    throw new Error(`${where}: expected six tab-separated fields (a 40-digit commit id, a YYYY-MM-DD date, author, title, names, files); got ${JSON.stringify(line)}`);
  }
  const split = (value: string) => value.split(' ').filter(Boolean);
  return { id, date, author, title, names: split(names), files: split(files) };
}

/** What grouping and counting need to know of a commit. */
export interface AreaCommit {
  id: string;
  area: ChangeAreaId;
}

export interface AreaGroup<Commit> {
  area: ChangeArea;
  commits: Commit[];
}

/**
 * Groups commits by area, in the areas' order, each group in the order of the
 * log (newest first). Areas without commits are left out.
 */
export function groupByArea<Commit extends AreaCommit>(commits: readonly Commit[]): AreaGroup<Commit>[] {
  return CHANGE_AREAS.map((area) => ({ area, commits: commits.filter((commit) => commit.area === area.id) })).filter(
    (group) => group.commits.length > 0,
  );
}

/** How many commits each area has, in the areas' order; areas without commits are left out. */
export function countByArea(commits: readonly AreaCommit[]): { area: ChangeArea; count: number }[] {
  return groupByArea(commits).map((group) => ({ area: group.area, count: group.commits.length }));
}
