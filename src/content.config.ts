import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { createChangeLogSchema, createNoteSchema, createReleaseSchema } from './lib/schema';
import { parallelGlob } from './markdown/parallel-glob';

// The test suite builds small fixture sites from other folders.
const contentRoot = process.env.XEN_CONTENT_DIR ?? './content';

/** Keeps the dots of a version in the id: 4.6.3.md → "4.6.3", not "463". */
function idFromPath({ entry }: { entry: string }): string {
  return entry.replace(/\.mdx?$/, '');
}

const releases = defineCollection({
  loader: parallelGlob({ pattern: '*.{md,mdx}', base: `${contentRoot}/releases`, generateId: idFromPath }),
  schema: createReleaseSchema(reference('releases')),
});

const notes = defineCollection({
  // Pages need the rendered HTML only. Raw bodies were 7 of the content store's
  // 24 MB at 10,000 notes, and the build bundles that store and loads it again.
  loader: parallelGlob({ pattern: '*/*.{md,mdx}', base: `${contentRoot}/notes`, generateId: idFromPath, retainBody: false }),
  schema: createNoteSchema(reference('releases')),
});

/** The commits between two release tags, one JSON file per release, made by scripts/changelog.ts. */
const changelogs = defineCollection({
  loader: glob({ pattern: '*.json', base: `${contentRoot}/changelog`, generateId: ({ entry }) => entry.replace(/\.json$/, '') }),
  schema: createChangeLogSchema(reference('releases')),
});

export const collections = { releases, notes, changelogs };
