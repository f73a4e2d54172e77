/** Marks an element of a built page as one search record (one note). */
export const RECORD_ATTRIBUTE = 'data-search-record';

export interface SearchRecord {
  url: string;
  content: string;
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

const OPENING_TAG_WITH_ID = /<([a-z][a-z0-9-]*)\b([^>]*?\sid="([^"]*)")/g;

/**
 * Marks the elements with the given ids as records in the copy of a page that
 * is handed to the index, so that the page readers download need not carry
 * the marker (a change log has a record for each of its many commits).
 * Throws when one of the ids is not on the page.
 */
export function markRecords(html: string, ids: ReadonlySet<string>, url: string): string {
  if (ids.size === 0) return html;
  const marked = new Set<string>();
  const result = html.replace(OPENING_TAG_WITH_ID, (tag: string, name: string, attributes: string, id: string) => {
    if (!ids.has(id)) return tag;
    marked.add(id);
    return `<${name} ${RECORD_ATTRIBUTE}="${escapeAttribute(id)}"${attributes}`;
  });
  const missing = [...ids].filter((id) => !marked.has(id));
  if (missing.length > 0) throw new Error(`${url}: no element has the id of the record${missing.length === 1 ? '' : 's'} #${missing.join(', #')}`);
  return result;
}

const RECORD_START = new RegExp(`<([a-z][a-z0-9-]*)\\b[^>]*?\\s${RECORD_ATTRIBUTE}="([^"]*)"[^>]*>`, 'g');
const IGNORED_START = /<([a-z][a-z0-9-]*)\b[^>]*?\sdata-pagefind-ignore\b[^>]*>/g;
const VOID_ELEMENTS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);

/** Where the element opened at `from` ends: the index just past its matching end tag. */
function elementEnd(html: string, tag: string, from: number, url: string): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = from;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return tags.lastIndex;
  }
  throw new Error(`${url}: a <${tag}> element is never closed`);
}

/**
 * The markup without the elements Pagefind would ignore anyway: less for it
 * to receive and parse, the same index.
 */
function withoutIgnored(html: string, url: string): string {
  let kept = '';
  let from = 0;
  IGNORED_START.lastIndex = 0;
  for (let start = IGNORED_START.exec(html); start; start = IGNORED_START.exec(html)) {
    const tag = start[1] ?? '';
    const end = VOID_ELEMENTS.has(tag) || start[0].endsWith('/>') ? IGNORED_START.lastIndex : elementEnd(html, tag, start.index, url);
    kept += html.slice(from, start.index);
    from = end;
    IGNORED_START.lastIndex = end;
  }
  return kept + html.slice(from);
}

const CODE_BLOCK = /<pre\b[^>]*>([\s\S]*?)<\/pre>/g;

/**
 * Code blocks as plain text: the highlighter wraps every token in a styled
 * span, which Pagefind would parse only to keep the same text.
 */
function withPlainCode(html: string): string {
  return html.replace(CODE_BLOCK, (_block, code: string) => `<pre>${code.replace(/<[^>]*>/g, '')}</pre>`);
}

/**
 * Cuts one built page into search records: every element carrying
 * RECORD_ATTRIBUTE becomes a document of its own whose URL points at the
 * record's anchor, so a hit leads to the feature rather than to its page.
 * It scans the markup Astro wrote instead of parsing it: a DOM parse of every
 * release page was most of the indexing time on a large site.
 * `additionsOf(anchor)` adds attributes to a record's element (Pagefind's
 * filters and metadata) and markup at its end, so that the page readers
 * download need not carry them.
 */
export function extractRecords(
  html: string,
  url: string,
  additionsOf: (anchor: string) => { attributes: Record<string, string>; indexedOnly?: string } = () => ({ attributes: {} }),
): SearchRecord[] {
  const records: SearchRecord[] = [];
  RECORD_START.lastIndex = 0;
  for (let start = RECORD_START.exec(html); start; start = RECORD_START.exec(html)) {
    const [openingTag, tag = '', anchor] = start;
    if (!anchor) throw new Error(`${url}: an element has an empty ${RECORD_ATTRIBUTE}`);
    const end = elementEnd(html, tag, start.index, url);
    const { attributes, indexedOnly = '' } = additionsOf(anchor);
    const added = Object.entries(attributes)
      .filter(([name]) => !openingTag.includes(` ${name}=`))
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join('');
    const closingTag = `</${tag}>`;
    const inner = withPlainCode(withoutIgnored(html.slice(start.index + openingTag.length, end - closingTag.length), url));
    const element = `${openingTag.slice(0, -1)}${added} data-pagefind-body>${inner}${indexedOnly}${closingTag}`;
    records.push({
      url: `${url}#${anchor}`,
      content: `<!doctype html><html lang="en"><head><title>${anchor}</title></head><body>${element}</body></html>`,
    });
    RECORD_START.lastIndex = end;
  }
  return records;
}
