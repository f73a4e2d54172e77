import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { ExportedNote } from '../lib/schema.ts';
import { releaseLabel } from '../lib/releases.ts';
import { pagefindAttributes, searchFilters, searchMeta } from '../lib/search-fields.ts';
import { RECORD_ATTRIBUTE, extractRecords } from '../lib/search-records.ts';
import { withBase } from '../lib/urls.ts';

/** The built release pages, the only pages with search records, with their release ids. */
async function listReleasePages(outDir: string): Promise<{ releaseId: string; file: string }[]> {
  const releases = join(outDir, 'releases');
  const entries = await readdir(releases, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ releaseId: entry.name, file: join(releases, entry.name, 'index.html') }))
    .sort((left, right) => (left.file < right.file ? -1 : 1));
}

/** The URL a built file is served at, e.g. releases/4.7/index.html → /releases/4.7/. */
function pageUrl(base: string, outDir: string, file: string): string {
  const path = relative(outDir, file).split(sep).join('/');
  return withBase(base, path.replace(/(^|\/)index\.html$/, '$1'));
}

/**
 * Pagefind's filters and metadata for the notes of a built release page,
 * from the release's JSON export (api/releases/<id>.json), which the build
 * has written by now: the page itself carries none of them.
 */
async function searchAttributes(outDir: string, releaseId: string): Promise<(anchor: string) => Record<string, string>> {
  const { notes } = JSON.parse(await readFile(join(outDir, 'api', 'releases', `${releaseId}.json`), 'utf8')) as { notes: ExportedNote[] };
  const byAnchor = new Map(notes.map((note) => [note.anchor, note]));
  return (anchor) => {
    const note = byAnchor.get(anchor);
    if (!note) throw new Error(`releases/${releaseId}/: the record #${anchor} is not a note of release ${releaseId}`);
    return { ...pagefindAttributes('filter', searchFilters(note)), ...pagefindAttributes('meta', searchMeta(note, releaseLabel(releaseId))) };
  };
}

/**
 * Builds the Pagefind index over the notes once Astro has written the site.
 * Any indexing error, or an index without records, stops the build.
 */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'xen-notes-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'en' });
        try {
          if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
          // Pagefind indexes records side by side, in its own process: every page's
          // records are handed over without waiting, and the results awaited once.
          const additions: Promise<{ url: string; errors: string[] }>[] = [];
          for (const { releaseId, file } of await listReleasePages(outDir)) {
            const html = await readFile(file, 'utf8');
            if (!html.includes(RECORD_ATTRIBUTE)) continue;
            for (const record of extractRecords(html, pageUrl(base, outDir, file), await searchAttributes(outDir, releaseId))) {
              additions.push(index.addHTMLFile(record).then(({ errors }) => ({ url: record.url, errors })));
            }
          }
          const added = await Promise.all(additions);
          for (const { url, errors } of added) {
            if (errors.length > 0) throw new Error(`Pagefind failed on ${url}: ${errors.join('; ')}`);
          }
          const recordCount = added.length;
          if (recordCount === 0) throw new Error(`Pagefind found no search records in ${outDir}`);
          const { errors } = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (errors.length > 0) throw new Error(`Pagefind could not write its index: ${errors.join('; ')}`);
          logger.info(`indexed ${recordCount} ${recordCount === 1 ? 'note' : 'notes'} in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
