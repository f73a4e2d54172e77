import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';
import * as pagefind from 'pagefind';
import { withBase } from '../lib/urls';

/** Marks an element of a built page as one search record (one note). */
export const RECORD_ATTRIBUTE = 'data-search-record';

async function listHtmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The URL a built file is served at, e.g. releases/4.7/index.html → /releases/4.7/. */
function pageUrl(base: string, outDir: string, file: string): string {
  const path = relative(outDir, file).split(sep).join('/');
  return withBase(base, path.replace(/(^|\/)index\.html$/, '$1'));
}

export interface SearchRecord {
  url: string;
  content: string;
}

/**
 * Cuts one built page into search records: every element carrying
 * RECORD_ATTRIBUTE becomes a document of its own whose URL points at the
 * record's anchor, so a hit leads to the feature rather than to its page.
 */
export function extractRecords(html: string, url: string): SearchRecord[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll(`[${RECORD_ATTRIBUTE}]`)].map((element) => {
    const anchor = element.getAttribute(RECORD_ATTRIBUTE);
    if (!anchor) throw new Error(`${url}: an element has an empty ${RECORD_ATTRIBUTE}`);
    element.setAttribute('data-pagefind-body', '');
    return {
      url: `${url}#${anchor}`,
      content: `<!doctype html><html lang="en"><head><title>${anchor}</title></head><body>${element.outerHTML}</body></html>`,
    };
  });
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
          let recordCount = 0;
          for (const file of await listHtmlFiles(outDir)) {
            const html = await readFile(file, 'utf8');
            for (const record of extractRecords(html, pageUrl(base, outDir, file))) {
              const { errors } = await index.addHTMLFile(record);
              if (errors.length > 0) throw new Error(`Pagefind failed on ${record.url}: ${errors.join('; ')}`);
              recordCount += 1;
            }
          }
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
