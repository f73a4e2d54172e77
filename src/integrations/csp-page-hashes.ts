import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { trimPolicyHashes } from '../lib/csp.ts';

async function htmlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name));
}

/** Leaves in each built page's content security policy the hashes of that page alone (lib/csp.ts). */
export default function cspPageHashes(): AstroIntegration {
  return {
    name: 'xen-notes-csp-page-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = await htmlFiles(outDir);
        let saved = 0;
        for (const file of files) {
          const html = await readFile(file, 'utf8');
          const trimmed = trimPolicyHashes(html, relative(outDir, file));
          saved += html.length - trimmed.length;
          if (trimmed !== html) await writeFile(file, trimmed);
        }
        logger.info(`kept each page's own hashes in its content security policy: ${files.length} pages, ${saved} bytes less`);
      },
    },
  };
}
