import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';

export const DIST = 'dist';
export const CONTENT = 'content';

/** Every built HTML page as { url, document }, url as the site serves it. */
export function builtPages(dist = DIST): { url: string; file: string; document: Document }[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((file) => {
      const path = relative(dist, file).split(sep).join('/');
      const url = `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
      return { url, file, document: parseHTML(readFileSync(file, 'utf8')).document as unknown as Document };
    });
}

/** The frontmatter of every Markdown or MDX file in a content folder. */
export function frontmatterOf(folder: string): { file: string; data: Record<string, unknown> }[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((file) => {
      const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'));
      if (!match?.[1]) throw new Error(`${file} has no frontmatter`);
      return { file, data: parseYaml(match[1]) as Record<string, unknown> };
    });
}
