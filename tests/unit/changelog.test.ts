import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { RELATIONS } from '../../scripts/changelog-relations';
import type { ListedCommit } from '../../src/lib/changelog-build';
import { formatChangeLog, listChanges, tallyChanges } from '../../src/lib/changelog-build';
import { findChangeLogProblems, followUpsOf, listedChangeLog, talliedChangeLog } from '../../src/lib/changelog-view';
import { advisoryAnchor, advisoryId, countByArea, groupByArea, namedIdentifiers, parseLogLine, shortCommitId } from '../../src/lib/changelog';
import { createChangeLogSchema } from '../../src/lib/schema';

const data = JSON.parse(readFileSync('content/changelog/4.6.3.json', 'utf8')) as {
  kind: 'list';
  release: string;
  from: string;
  to: string;
  commits: ListedCommit[];
};
const range = { release: data.release, from: data.from, to: data.to };
const commit = (shortId: string) => {
  const found = data.commits.find((candidate) => candidate.id.startsWith(shortId));
  if (!found) throw new Error(`no commit ${shortId}`);
  return found;
};
/** The log line each commit of the data file was made from: the names its message gives. */
const lines = data.commits.map((listed) => ({
  id: listed.id,
  date: listed.date,
  author: listed.author,
  title: listed.title,
  names: [...listed.cves, ...listed.advisories, ...listed.mentions].filter((name) => !(listed.id.startsWith('e0493703a9') && name === 'XSA-155')),
  files: listed.files,
}));

describe('advisory and CVE numbers', () => {
  it('are read in every spelling a commit message uses', () => {
    expect(namedIdentifiers('This is part of XSA155.')).toEqual({ advisories: ['XSA-155'], cves: [] });
    expect(namedIdentifiers('The fix for XSA-52 was wrong … This is CVE-2016-3158 / CVE-2016-3159 / XSA-172.')).toEqual({
      advisories: ['XSA-52', 'XSA-172'],
      cves: ['CVE-2016-3158', 'CVE-2016-3159'],
    });
    expect(namedIdentifiers('XSA 77 and xsa-77 again')).toEqual({ advisories: ['XSA-77'], cves: [] });
  });

  it('name their note', () => {
    expect(advisoryId('xsa155')).toBe('XSA-155');
    expect(advisoryAnchor('XSA-178')).toBe('xsa-178');
    expect(() => advisoryId('CVE-2016-3712')).toThrow('"CVE-2016-3712" is not a Xen Security Advisory number');
  });
});

describe('a log line', () => {
  const line = `${'8b7a356409023f60f80e9f4b00bba16ad56cd77b'}\t2016-06-08\tIan Jackson\tlibxl: Fix NULL pointer due to XSA-178 fix wrong XS nodename\tXSA-178\ttools/libxl/libxl.c`;

  it('gives the id, author date, author, title, names and files', () => {
    expect(parseLogLine(line, 'log:1')).toEqual({
      id: '8b7a356409023f60f80e9f4b00bba16ad56cd77b',
      date: '2016-06-08',
      author: 'Ian Jackson',
      title: 'libxl: Fix NULL pointer due to XSA-178 fix wrong XS nodename',
      names: ['XSA-178'],
      files: ['tools/libxl/libxl.c'],
    });
  });

  it('stops, naming where it is, when a field is missing or malformed', () => {
    expect(() => parseLogLine(line.replace('8b7a356409023f60f80e9f4b00bba16ad56cd77b', '8b7a356409'), 'log:7')).toThrow('log:7: expected six tab-separated fields');
    expect(() => parseLogLine(line.split('\t').slice(0, 5).join('\t'), 'log:8')).toThrow('log:8');
  });
});

describe('making the 4.6.3 change log', () => {
  it('gives the committed data file from its log lines and the relations', () => {
    const made = listChanges(range, lines, RELATIONS['4.6.3'] ?? []);
    expect(made).toEqual(data);
    expect(formatChangeLog(made)).toBe(readFileSync('content/changelog/4.6.3.json', 'utf8'));
  });

  it('writes one commit a line, in the order of the log', () => {
    const text = formatChangeLog(listChanges(range, lines, RELATIONS['4.6.3'] ?? []));
    const commitLines = text.split('\n').filter((row) => row.startsWith('    {'));
    expect(commitLines).toHaveLength(119);
    expect(commitLines[0]).toContain('"id":"285248d91b20bc8245f9241e21d3e7b23f67b550"');
  });

  it('marks the follow-ups of the XSA-154 and XSA-178 fixes, each with its evidence', () => {
    const followUps = data.commits.filter((listed) => listed.followUpOf).map((listed) => [shortCommitId(listed.id), listed.followUpOf?.advisory]);
    expect(followUps).toEqual([
      ['8b7a356409', 'XSA-178'],
      ['301d683842', 'XSA-154'],
      ['ec92e7c629', 'XSA-154'],
    ]);
    expect(commit('301d683842').followUpOf?.evidence).toContain('the fix for XSA-154');
    expect(commit('8b7a356409').followUpOf?.evidence).toBe(commit('8b7a356409').title);
  });

  it('records the QEMU updates that bring the VGA fix for CVE-2016-3712, with the revision Config.mk names', () => {
    const updates = data.commits.filter((listed) => listed.revisionUpdate).map((listed) => [shortCommitId(listed.id), listed.revisionUpdate?.variable, listed.revisionUpdate?.cves]);
    expect(updates).toEqual([
      ['426783e661', 'QEMU_UPSTREAM_REVISION', ['CVE-2016-3712']],
      ['5f05c100ca', 'QEMU_TRADITIONAL_REVISION', ['CVE-2016-3712']],
    ]);
  });

  it('links what a message names to the advisory notes, and keeps names in passing apart', () => {
    expect(commit('e0493703a9').advisories).toEqual(['XSA-155']);
    expect(commit('5df279da34')).toMatchObject({ advisories: ['XSA-172'], cves: ['CVE-2016-3158', 'CVE-2016-3159'], mentions: ['XSA-52'] });
    expect(commit('1fd29984f6')).toMatchObject({ advisories: [], mentions: ['XSA-156'] });
    expect(data.commits.filter((listed) => listed.advisories.includes('XSA-175'))).toHaveLength(15);
    expect(data.commits.filter((listed) => listed.advisories.includes('XSA-178'))).toHaveLength(20);
  });

  it('stops on a relation for a commit outside the log', () => {
    const stray = { commit: 'f'.repeat(40), evidence: 'none', mentions: ['XSA-1'] };
    expect(() => listChanges(range, lines, [stray])).toThrow(`a relation names commit ${'f'.repeat(40)}, which is not in the log from RELEASE-4.6.1 to RELEASE-4.6.3`);
  });

  it('stops on a mention that the message does not name', () => {
    const wrong = { commit: commit('6d03c9e4f2').id, evidence: 'none', mentions: ['XSA-999'] };
    expect(() => listChanges(range, lines, [wrong])).toThrow('a relation says its message mentions XSA-999, but the message names XSA-154');
  });

  it('writes what the schema accepts', () => {
    const schema = createChangeLogSchema(z.string());
    const made = listChanges(range, lines, RELATIONS['4.6.3'] ?? []);
    expect(schema.safeParse(JSON.parse(formatChangeLog(made))).success).toBe(true);
    const tally = tallyChanges({ release: '4.7', from: 'RELEASE-4.6.0', to: 'RELEASE-4.7.0' }, lines.slice(0, 3));
    expect(schema.parse(JSON.parse(formatChangeLog(tally)))).toMatchObject({ kind: 'tally', commits: [{ area: 'build' }, { area: 'build' }, { area: 'subprojects' }] });
  });
});

describe('grouping and counting by area', () => {
  it('groups in the areas’ order, each group in the order of the log, without empty areas', () => {
    const groups = groupByArea([
      { id: '1', area: 'tools' as const },
      { id: '2', area: 'x86' as const },
      { id: '3', area: 'tools' as const },
    ]);
    expect(groups.map((group) => [group.area.id, group.commits.map((entry) => entry.id)])).toEqual([
      ['x86', ['2']],
      ['tools', ['1', '3']],
    ]);
  });

  it('counts the 4.6.3 commits by area', () => {
    expect(countByArea(data.commits).map(({ area, count }) => [area.id, count])).toEqual([
      ['x86', 46],
      ['arm', 9],
      ['scheduler', 3],
      ['common', 3],
      ['libxl-and-xl', 37],
      ['tools', 8],
      ['subprojects', 10],
      ['build', 3],
    ]);
  });
});

describe('the change log as a page shows it', () => {
  const view = listedChangeLog(data);

  it('gives the heading, the range and an entry per commit with its anchor and upstream link', () => {
    expect(view).toMatchObject({ heading: 'Every change since 4.6.1', anchor: 'changelog', since: '4.6.1', total: 119 });
    expect(view.compareUrl).toBe('https://github.com/xen-project/xen/compare/RELEASE-4.6.1...RELEASE-4.6.3');
    const entry = view.entries.find((candidate) => candidate.shortId === '8b7a356409');
    expect(entry).toMatchObject({
      anchor: 'commit-8b7a356409',
      url: 'https://github.com/xen-project/xen/commit/8b7a356409',
      advisories: [{ id: 'XSA-178', anchor: 'xsa-178' }],
      followUpOf: { advisory: 'XSA-178', anchor: 'xsa-178' },
    });
    expect(view.groups.map((group) => [group.anchor, group.entries.length])).toEqual([
      ['changelog-x86', 46],
      ['changelog-arm', 9],
      ['changelog-scheduler', 3],
      ['changelog-common', 3],
      ['changelog-libxl-and-xl', 37],
      ['changelog-tools', 8],
      ['changelog-subprojects', 10],
      ['changelog-build', 3],
    ]);
  });

  it('finds the follow-ups of an advisory by its note anchor', () => {
    expect(followUpsOf(view, 'xsa-154').map((entry) => entry.shortId)).toEqual(['301d683842', 'ec92e7c629']);
    expect(followUpsOf(view, 'xsa-178').map((entry) => entry.shortId)).toEqual(['8b7a356409']);
    expect(followUpsOf(view, 'xsa-176')).toEqual([]);
    expect(followUpsOf(undefined, 'xsa-154')).toEqual([]);
  });

  it('counts a tallied change log by area, every bar linking to the range upstream', () => {
    const tally = talliedChangeLog({ from: 'RELEASE-4.6.0', to: 'RELEASE-4.7.0', commits: data.commits });
    expect(tally.heading).toBe('Every change since 4.6.0');
    expect(tally.bars.map((bar) => [bar.area.id, bar.count])).toEqual(view.groups.map((group) => [group.area.id, group.entries.length]));
    expect(new Set(tally.bars.map((bar) => bar.url))).toEqual(new Set(['https://github.com/xen-project/xen/compare/RELEASE-4.6.0...RELEASE-4.7.0']));
  });
});

describe('the change-log checks', () => {
  const view = listedChangeLog(data);
  const advisoryNotes = new Set(['xsa-154', 'xsa-155', 'xsa-170', 'xsa-172', 'xsa-173', 'xsa-175', 'xsa-176', 'xsa-178', 'xsa-180', 'xsa-181']);
  const check = (noteAnchors: Set<string>, changed = view, id = '4.6.3') =>
    findChangeLogProblems({ file: 'content/changelog/4.6.3.json', id, release: '4.6.3', view: changed }, { noteAnchors, otherAnchors: new Set(['security-fixes']) });

  it('pass the real change log against the real advisory notes', () => {
    expect(check(advisoryNotes)).toEqual([]);
  });

  it('name the file, the commit and the advisory that has no note', () => {
    const without178 = new Set([...advisoryNotes].filter((anchor) => anchor !== 'xsa-178'));
    const problems = check(without178);
    expect(problems).toHaveLength(20);
    expect(problems[0]).toBe(
      'content/changelog/4.6.3.json: commit 8b7a356409023f60f80e9f4b00bba16ad56cd77b ("libxl: Fix NULL pointer due to XSA-178 fix wrong XS nodename") names XSA-178, which release 4.6.3 has no note for; expected a note with the anchor "xsa-178" in that release, or the advisory under "mentions"',
    );
  });

  it('name two commits that share a short id', () => {
    const twin = { ...data.commits[0]!, id: `${data.commits[1]!.id.slice(0, 10)}${'0'.repeat(30)}` };
    const problems = check(advisoryNotes, listedChangeLog({ ...data, commits: [twin, data.commits[1]!] }));
    expect(problems).toContain(
      `content/changelog/4.6.3.json: commit ${data.commits[1]!.id} has the same short id ccc23c275c as commit ${twin.id}; expected short ids unique within the change log`,
    );
  });

  it('name an anchor that a note of the page has already, and a file named after another release', () => {
    expect(check(new Set([...advisoryNotes, 'changelog-x86']))).toEqual([
      `content/changelog/4.6.3.json: the change log's anchor "#changelog-x86" is already a note's or category's anchor on the page of release 4.6.3; expected anchors unique on the page`,
    ]);
    expect(check(advisoryNotes, view, '4.7')).toEqual(['content/changelog/4.6.3.json: field "release" is "4.6.3"; expected "4.7", the release the file is named after']);
  });
});
