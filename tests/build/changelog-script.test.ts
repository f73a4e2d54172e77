import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface DataCommit {
  id: string;
  date?: string;
  author?: string;
  title: string;
  files: string[];
  advisories?: string[];
  cves?: string[];
  mentions?: string[];
}

const work = mkdtempSync(join(tmpdir(), 'xen-notes-changelog-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const commitsOf = (release: string) => (JSON.parse(readFileSync(`content/changelog/${release}.json`, 'utf8')) as { commits: DataCommit[] }).commits;

/** A log file in the form of Xen's log files, holding what the data file was made from. */
function logFile(commits: DataCommit[]): string {
  return commits
    .map((commit) =>
      [
        commit.id,
        commit.date ?? '2016-01-01',
        commit.author ?? 'An Author',
        commit.title,
        [...(commit.cves ?? []), ...(commit.advisories ?? []), ...(commit.mentions ?? [])].join(' '),
        commit.files.join(' '),
      ].join('\t'),
    )
    .join('\n')
    .concat('\n');
}

/** A folder of log files and a content folder with the committed change logs, for one run of the script. */
function setUp(name: string, extra: DataCommit[] = []) {
  const logs = join(work, name, 'logs');
  const content = join(work, name, 'content');
  mkdirSync(logs, { recursive: true });
  mkdirSync(content, { recursive: true });
  cpSync('content/changelog', join(content, 'changelog'), { recursive: true });
  writeFileSync(join(logs, '4.6.1..4.6.3.tsv'), logFile([...commitsOf('4.6.3'), ...extra]));
  writeFileSync(join(logs, '4.6.0..4.7.0.tsv'), logFile(commitsOf('4.7')));
  return { logs, content };
}

function changelog(folders: { logs: string; content: string }, ...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/changelog.ts', '--logs', folders.logs, ...args], {
    encoding: 'utf8',
    env: { ...process.env, XEN_CONTENT_DIR: folders.content },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run changelog', () => {
  it('makes the committed data files again from the log files they were made from', () => {
    const run = changelog(setUp('same'), '--check');
    expect(run.output).toContain('4.6.3.json: 119 commits, as the log gives them');
    expect(run.output).toContain('4.7.json: 1611 commits, as the log gives them');
    expect(run.status).toBe(0);
  });

  it('writes the same bytes it checks', () => {
    const folders = setUp('write');
    expect(changelog(folders).status).toBe(0);
    expect(readFileSync(join(folders.content, 'changelog/4.6.3.json'), 'utf8')).toBe(readFileSync('content/changelog/4.6.3.json', 'utf8'));
  });

  it('stops on a commit that no area rule places, naming it', () => {
    const stray = { id: 'c'.repeat(40), title: 'packaging: add the Debian rules', files: ['debian/rules'] };
    const run = changelog(setUp('unplaced', [stray]), '--check');
    expect(run.status).toBe(1);
    expect(run.output).toContain(`commit ${'c'.repeat(40)} ("packaging: add the Debian rules") touches "debian/rules", which no area's paths cover`);
  });

  it('fails the check when a committed file is not what the log gives', () => {
    const folders = setUp('stale');
    const file = join(folders.content, 'changelog/4.6.3.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"area":"arm"', '"area":"x86"'));
    const run = changelog(folders, '--check');
    expect(run.status).toBe(1);
    expect(run.output).toContain('4.6.3.json: not what the log gives; run npm run changelog');
  });
});
