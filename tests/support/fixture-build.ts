import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface SiteBuild {
  status: number | null;
  output: string;
  outDir: string;
  cleanUp(): void;
}

const ASTRO = resolve('node_modules/astro/bin/astro.mjs');

/** Vitest puts Vite's own variables (BASE_URL, MODE…) into process.env; a build must not inherit them. */
function environmentOutsideVitest(): NodeJS.ProcessEnv {
  const leaked = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'NODE_ENV']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !leaked.has(key) && !key.startsWith('VITEST')),
  );
}

/**
 * Runs the real `astro build` over a content folder, keeping its output and
 * content cache in a new temporary folder.
 */
export function buildSite({ contentDir = 'content', env = {} }: { contentDir?: string; env?: Record<string, string> } = {}): SiteBuild {
  if (!existsSync(contentDir)) throw new Error(`No content folder ${contentDir}`);
  const workDir = mkdtempSync(join(tmpdir(), 'xen-notes-build-'));
  const outDir = join(workDir, 'dist');
  const result = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    encoding: 'utf8',
    env: {
      ...environmentOutsideVitest(),
      XEN_CONTENT_DIR: contentDir,
      XEN_CACHE_DIR: join(workDir, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...env,
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

/** Builds the content folder tests/fixtures/<name>. */
export function buildFixture(name: string): SiteBuild {
  return buildSite({ contentDir: join('tests/fixtures', name) });
}
