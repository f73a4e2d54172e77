import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/site';

/** Folders that public/_headers tells hosts to cache for a year. */
const IMMUTABLE = ['_astro', 'pagefind/index', 'pagefind/fragment', 'pagefind/filter'];

describe('what the site tells static hosts', () => {
  it('caches for a year only files whose names carry a hash of their content', () => {
    for (const folder of IMMUTABLE) {
      const files = readdirSync(join(DIST, folder));
      expect(files.length, folder).toBeGreaterThan(0);
      for (const file of files) expect(file, `${folder}/${file}`).toMatch(/[._][A-Za-z0-9_-]{7,}\.[a-z_]+$/);
    }
  });

  it('ships the header rules, one block for each immutable folder', () => {
    const headers = readFileSync(join(DIST, '_headers'), 'utf8');
    for (const folder of IMMUTABLE) {
      expect(headers).toContain(`/${folder}/*\n  Cache-Control: public, max-age=31536000, immutable`);
    }
    expect(headers).toContain('X-Content-Type-Options: nosniff');
  });
});
