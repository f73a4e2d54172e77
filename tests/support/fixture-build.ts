import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface FixtureBuild {
  status: number | null;
  output: string;
  outDir: string;
  cleanUp(): void;
}

const ASTRO = resolve('node_modules/astro/bin/astro.mjs');

/**
 * Runs the real `astro build` over the content of tests/fixtures/<name>,
 * keeping its output and content cache in a temporary folder.
 */
export function buildFixture(name: string): FixtureBuild {
  const contentDir = join('tests/fixtures', name);
  if (!existsSync(contentDir)) throw new Error(`No fixture ${contentDir}`);
  const workDir = mkdtempSync(join(tmpdir(), `xen-notes-${name}-`));
  const outDir = join(workDir, 'dist');
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    encoding: 'utf8',
    env: {
      ...process.env,
      XEN_CONTENT_DIR: contentDir,
      XEN_CACHE_DIR: join(workDir, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    },
    timeout: 110_000,
  });
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    outDir,
    cleanUp: () => rmSync(workDir, { recursive: true, force: true }),
  };
}
