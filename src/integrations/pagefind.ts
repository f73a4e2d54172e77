import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { extractRecords } from '../lib/search-records.ts';
import { closeHandoff, openHandoff, type RecordKind } from './search-index-handoff.ts';

type Addition = Promise<{ url: string; kind: RecordKind; errors: string[] }>;

/**
 * Builds the Pagefind index over the notes and the change-log commits.
 * Release pages reach the index as Astro renders them
 * (search-index-middleware.ts), and Pagefind adds their
 * records in its own process while the rest of the site is built; the index
 * is written once the build is done. Any indexing error, or an index without
 * records, stops the build.
 */
export default function pagefindIntegration(): AstroIntegration {
  let index: pagefind.PagefindIndex | undefined;
  let additions: Addition[] = [];
  return {
    name: 'xen-notes-pagefind',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build') {
          addMiddleware({ entrypoint: new URL('./search-index-middleware.ts', import.meta.url), order: 'post' });
        }
      },
      'astro:build:start': async () => {
        const created = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
        const pageIndex = created.index;
        index = pageIndex;
        additions = [];
        openHandoff((url, html, recordOf) => {
          // extractRecords asks for each record's attributes once, in the order it returns the records.
          const kinds: RecordKind[] = [];
          const records = extractRecords(html, url, (anchor) => {
            const { kind, ...record } = recordOf(anchor);
            kinds.push(kind);
            return record;
          });
          records.forEach((record, position) => {
            const kind = kinds[position] ?? 'note';
            additions.push(pageIndex.addHTMLFile(record).then(({ errors }) => ({ url: record.url, kind, errors })));
          });
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const finishing = performance.now();
        closeHandoff();
        try {
          if (!index) throw new Error('Pagefind was not started with the build');
          const added = await Promise.all(additions);
          for (const { url, errors } of added) {
            if (errors.length > 0) throw new Error(`Pagefind failed on ${url}: ${errors.join('; ')}`);
          }
          const recordCount = added.length;
          const outDir = fileURLToPath(dir);
          if (recordCount === 0) throw new Error(`Pagefind found no search records in ${outDir}`);
          const { errors } = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (errors.length > 0) throw new Error(`Pagefind could not write its index: ${errors.join('; ')}`);
          const plurals: Record<RecordKind, string> = { note: 'notes', commit: 'change-log commits', 'interface entry': 'interface entries' };
          const counts = (Object.keys(plurals) as RecordKind[])
            .map((kind) => [kind, added.filter((record) => record.kind === kind).length] as const)
            .filter(([, count]) => count > 0)
            .map(([kind, count]) => `${count} ${count === 1 ? kind : plurals[kind]}`)
            .join(', ');
          logger.info(`indexed ${counts}; ${Math.round(performance.now() - finishing)} ms after the last page`);
        } finally {
          index = undefined;
          additions = [];
          await pagefind.close();
        }
      },
    },
  };
}
