import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/fixture-build';

/** Every file of a build with the sha256 of its bytes. */
function digest(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

describe('two clean builds of the same sources', () => {
  it('write byte-identical sites, search index included', () => {
    const first = buildSite();
    const second = buildSite();
    try {
      expect(first.status, first.output).toBe(0);
      expect(second.status, second.output).toBe(0);
      const files = digest(first.outDir);
      expect(Object.keys(files).some((file) => file.startsWith('pagefind/'))).toBe(true);
      expect(digest(second.outDir)).toEqual(files);
    } finally {
      first.cleanUp();
      second.cleanUp();
    }
  });
});
