/** A link to where a fact comes from, as notes and releases list them. */
export interface Source {
  title: string;
  url: string;
}

const FOOTNOTES = /<section\b[^>]*\bdata-footnotes\b[^>]*>([\s\S]*?)<\/section>/;
const LINK = /<a\b[^>]*?\shref="([^"]*)"/g;

/** Undoes the escaping HTML serialisers apply to an attribute value. */
function unescapeAttribute(value: string): string {
  return value.replaceAll('&quot;', '"').replaceAll('&#x3C;', '<').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/**
 * A rendered body without its footnotes section, and that section, so that a
 * page can list the footnotes with the body's other sources, after the text.
 * A body has at most one footnotes section.
 */
export function splitFootnotes(html: string): { body: string; footnotes: string } {
  const match = FOOTNOTES.exec(html);
  if (!match) return { body: html, footnotes: '' };
  return { body: html.slice(0, match.index) + html.slice(match.index + match[0].length), footnotes: match[0] };
}

/**
 * The URLs a rendered body cites in its footnotes (GFM's `<section data-footnotes>`,
 * one per body), without the footnotes' links back to their references.
 * @example citedUrls('<section data-footnotes><ol><li><a href="https://x.org/a">A</a> <a href="#fnref-1">↩</a></li></ol></section>') // Set { 'https://x.org/a' }
 */
export function citedUrls(html: string): Set<string> {
  const urls = new Set<string>();
  for (const [, href = ''] of (FOOTNOTES.exec(html)?.[1] ?? '').matchAll(LINK)) {
    if (!href.startsWith('#')) urls.add(unescapeAttribute(href));
  }
  return urls;
}

/**
 * The sources a note lists beyond those its footnotes already cite at the
 * sentence they support, so that no link is listed twice.
 */
export function uncitedSources<Entry extends Source>(sources: readonly Entry[], cited: ReadonlySet<string>): Entry[] {
  return sources.filter((source) => !cited.has(source.url));
}
