// npm run changelog [-- --logs <dir> | --xen <git dir>] [--check]
//
// Writes content/changelog/<release>.json for each release below: the 4.6.3
// change log, commit by commit, and the 4.6.0..4.7.0 commits the 4.7 page
// counts by area. It reads Xen's commit logs from the project's log files
// (--logs, default ../shared/xen/logs) or from a Xen git repository (--xen),
// which gives the same data and also checks that every short id the page
// links to is unique in Xen's history and that the Config.mk lines each
// revision update cites set that revision. --check compares instead of writing,
// and fails when a committed file is not what the log gives.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChangeLogRange } from '../src/lib/changelog-build.ts';
import { formatChangeLog, listChanges, tallyChanges } from '../src/lib/changelog-build.ts';
import type { LogLine } from '../src/lib/changelog.ts';
import { namedIdentifiers, parseLogLine, shortCommitId } from '../src/lib/changelog.ts';
import { RELATIONS } from './changelog-relations.ts';

interface Range extends ChangeLogRange {
  /** A maintenance release lists every commit; a feature release's commits are counted by area. */
  kind: 'list' | 'tally';
}

const RANGES: readonly Range[] = [
  { release: '4.6.3', from: 'RELEASE-4.6.1', to: 'RELEASE-4.6.3', kind: 'list' },
  { release: '4.7', from: 'RELEASE-4.6.0', to: 'RELEASE-4.7.0', kind: 'tally' },
];

const OUT = join(process.env.XEN_CONTENT_DIR ?? 'content', 'changelog');

/** The log file of a range: `4.6.1..4.6.3.tsv` for RELEASE-4.6.1..RELEASE-4.6.3. */
function fromLogFile(folder: string, range: Range): LogLine[] {
  const file = join(folder, `${range.from.replace('RELEASE-', '')}..${range.to.replace('RELEASE-', '')}.tsv`);
  if (!existsSync(file)) throw new Error(`${file} is missing: pass --logs <folder of Xen's log files> or --xen <Xen git repository>`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line, index) => parseLogLine(line, `${file}:${index + 1}`));
}

/** The same lines from a Xen git repository: the numbers are read from each full message. */
function fromGit(repository: string, range: Range): LogLine[] {
  const output = execFileSync(
    'git',
    ['-C', repository, 'log', '--no-merges', '--date=short', '--format=%x1e%H%x1f%ad%x1f%an%x1f%B%x1f', '--name-only', `${range.from}..${range.to}`],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return output
    .split('\x1e')
    .filter((record) => record.trim() !== '')
    .map((record) => {
      const [id = '', date = '', author = '', message = '', files = ''] = record.split('\x1f');
      const { advisories, cves } = namedIdentifiers(message);
      return {
        id,
        date,
        author,
        title: message.split('\n')[0] ?? '',
        names: [...cves, ...advisories],
        files: files.split('\n').filter(Boolean).sort(),
      };
    });
}

/** Short ids the page links to that Xen's repository does not resolve to exactly one object. */
function ambiguousShortIds(repository: string, ids: readonly string[]): string[] {
  return ids.filter((id) => {
    const candidates = execFileSync('git', ['-C', repository, 'rev-parse', `--disambiguate=${shortCommitId(id)}`], { encoding: 'utf8' });
    return candidates.trim().split('\n').length !== 1;
  });
}

/** Relations whose Config.mk lines, at their commit, do not set the revision and subject they name. */
function misreadRevisions(repository: string, release: string): string[] {
  return (RELATIONS[release] ?? []).flatMap(({ commit, revisionUpdate }) => {
    if (!revisionUpdate) return [];
    const lines = execFileSync('git', ['-C', repository, 'show', `${commit}:Config.mk`], { encoding: 'utf8' }).split('\n');
    const [first, last] = revisionUpdate.lines;
    const sets = lines[first - 1] === `${revisionUpdate.variable} ?= ${revisionUpdate.revision}`;
    const names = lines[last - 1] === `# ${revisionUpdate.subject}`;
    return sets && names ? [] : [`${commit}: Config.mk lines ${first}-${last}`];
  });
}

function main(): void {
  const { values } = parseArgs({ options: { logs: { type: 'string' }, xen: { type: 'string' }, check: { type: 'boolean' } } });
  const stale: string[] = [];
  for (const range of RANGES) {
    const lines = values.xen ? fromGit(values.xen, range) : fromLogFile(values.logs ?? '../shared/xen/logs', range);
    const data = range.kind === 'list' ? listChanges(range, lines, RELATIONS[range.release] ?? []) : tallyChanges(range, lines);
    if (values.xen && data.kind === 'list') {
      const ambiguous = ambiguousShortIds(values.xen, data.commits.map((commit) => commit.id));
      if (ambiguous.length > 0) throw new Error(`short ids that name more than one object in ${values.xen}: ${ambiguous.join(', ')}`);
      const misread = misreadRevisions(values.xen, range.release);
      if (misread.length > 0) throw new Error(`revision updates whose Config.mk lines say otherwise: ${misread.join(', ')}`);
    }
    const text = formatChangeLog(data);
    const file = join(OUT, `${range.release}.json`);
    if (values.check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(file);
      else console.log(`${file}: ${data.commits.length} commits, as the log gives them`);
    } else {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(file, text);
      console.log(`wrote ${file}: ${data.commits.length} commits from ${range.from} to ${range.to}`);
    }
  }
  if (stale.length > 0) throw new Error(`${stale.join(', ')}: not what the log gives; run npm run changelog`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
