import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';

export const DIST = 'dist';
export const CONTENT = 'content';

export interface BuiltPage {
  url: string;
  file: string;
  document: Document;
}

/** Every built HTML page as { url, document }, url as the site serves it under `base`. */
export function builtPages(dist = DIST, base = '/'): BuiltPage[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((file) => {
      const path = relative(dist, file).split(sep).join('/');
      const url = `${base}${path.replace(/(^|\/)index\.html$/, '$1')}`;
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

/**
 * Every internal link, stylesheet, script or image of the pages that leads to
 * no page or file of the build, or to a #fragment that page does not have.
 */
export function brokenLinks(pages: BuiltPage[], dist = DIST, base = '/'): string[] {
  const idsByUrl = new Map(
    pages.map(({ url, document }) => [url, new Set([...document.querySelectorAll('[id]')].map((element) => element.id))]),
  );
  const broken: string[] = [];
  for (const { url, document } of pages) {
    const references = [
      ...[...document.querySelectorAll('a[href], link[href]')].map((element) => element.getAttribute('href') ?? ''),
      ...[...document.querySelectorAll('script[src], img[src]')].map((element) => element.getAttribute('src') ?? ''),
    ];
    for (const reference of references) {
      const target = new URL(reference, `http://site${url}`);
      if (target.host !== 'site') continue;
      const path = target.pathname;
      if (!path.startsWith(base)) {
        broken.push(`${url}: ${reference} (outside the base path ${base})`);
        continue;
      }
      const exists = path.endsWith('/')
        ? idsByUrl.has(path)
        : idsByUrl.has(path) || existsSync(join(dist, decodeURIComponent(path.slice(base.length))));
      if (!exists) {
        broken.push(`${url}: ${reference} (no such page or file)`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && !idsByUrl.get(path)?.has(fragment)) broken.push(`${url}: ${reference} (no #${fragment} there)`);
    }
  }
  return broken;
}
