import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/fixture-build';
import { builtPages } from '../support/site';

const content = mkdtempSync(join(tmpdir(), 'xen-notes-scaffold-'));
cpSync('tests/fixtures/valid', content, { recursive: true });

/** Runs a scaffolding command against the temporary content folder. */
function scaffold(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, XEN_CONTENT_DIR: content },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

afterAll(() => rmSync(content, { recursive: true, force: true }));

describe('the scaffolding commands', () => {
  it('write a release and a note that the real build accepts and renders', () => {
    expect(scaffold('new-release', '4.8', '--date', '2016-12-06')).toMatchObject({ status: 0 });
    const note = scaffold(
      'new-note',
      ...['--release', '4.8', '--category', 'security-features', '--feature', 'XSM policy', '--enabled-by-default', 'false'],
    );
    expect(note).toMatchObject({ status: 0 });
    expect(existsSync(join(content, 'notes/4.8/xsm-policy.md'))).toBe(true);
    const build = buildSite({ contentDir: content });
    try {
      expect(build.status, build.output).toBe(0);
      const page = builtPages(build.outDir).find(({ url }) => url === '/releases/4.8/');
      const heading = page?.document.querySelector('section[aria-labelledby="security-features"] #xsm-policy');
      expect(heading).not.toBeNull();
      expect(heading?.closest('article')?.querySelector('.badge-off')?.textContent).toBe('Off by default');
    } finally {
      build.cleanUp();
    }
  });

  it('refuse bad arguments with a message and exit code 1, writing nothing', () => {
    expect(scaffold('new-note', '--release', '4.7', '--category', 'security', '--feature', 'X')).toEqual({
      status: 1,
      output: expect.stringContaining('error: --category "security" is not valid; expected one of: security-features'),
    });
    expect(scaffold('new-note', '--release', '4.7')).toEqual({
      status: 1,
      output: expect.stringContaining('error: usage: npm run new:note'),
    });
    expect(scaffold('new-note', '--release', '4.7', '--category', 'security-features', '--feature', 'X')).toEqual({
      status: 1,
      output: expect.stringContaining('error: --enabled-by-default is missing'),
    });
    expect(scaffold('new-note', '--release', '4.7', '--category', 'security-features', '--feature', 'X', '--colour', 'red')).toEqual({
      status: 1,
      output: expect.stringContaining("Unknown option '--colour'"),
    });
    expect(scaffold('new-release', '4.7')).toEqual({ status: 1, output: expect.stringContaining('release 4.7 exists already') });
    expect(scaffold('new-release', 'four')).toEqual({ status: 1, output: expect.stringContaining('"four" is not a version') });
    expect(existsSync(join(content, 'notes/4.7/x.md'))).toBe(false);
  });
});
