/**
 * What a search hit shows under its title, from the record's text as Pagefind
 * stores it (`content`, words split by white space) and the positions of the
 * matched words (`locations`). A note's text starts with its title and
 * summary and ends with its other names; the hit shows the summary, and one
 * excerpt of the body only when the words matched there, starting at a
 * sentence and never cutting a word.
 */

/** The label before a note's other names, on the page and therefore at the end of its record's text. */
export const ALIASES_LABEL = 'Also known as:';

/** A run of an excerpt's text; `mark` when it is a matched word. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface HitExcerpt {
  /** The note's one-line summary, or a commit's title. */
  summary?: string;
  /** One passage of the body with the matched words marked. */
  body?: ExcerptPart[];
}

export interface ExcerptSource {
  content: string;
  locations: readonly number[];
  meta: Readonly<Record<string, string | undefined>>;
}

/** Words of an excerpt, at most; a passage may run a little longer to reach its first match. */
export const EXCERPT_WORDS = 28;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** How many leading words of `all` repeat `lead`, word for word; 0 when they do not. */
function leadLength(all: readonly string[], from: number, lead: string | undefined): number {
  if (!lead) return 0;
  const expected = words(lead);
  return expected.every((word, offset) => all[from + offset] === word) ? expected.length : 0;
}

function endsSentence(word: string | undefined): boolean {
  return word !== undefined && /[.!?]["”’)]?$/.test(word) && !/^(?:e\.g|i\.e|etc|vs)\.$/i.test(word);
}

/** Splits a word into its text and the punctuation around it, so that only the word is marked. */
function markedParts(word: string): ExcerptPart[] {
  const match = /^([("“‘]*)(.*?)([.,;:!?)"”’]*)$/.exec(word);
  const [, before = '', core = word, after = ''] = match ?? [];
  return [
    ...(before ? [{ text: before, mark: false }] : []),
    { text: core, mark: true },
    ...(after ? [{ text: after, mark: false }] : []),
  ];
}

/** Joins words into parts, merging unmarked neighbours. */
function partsOf(all: readonly string[], from: number, to: number, marked: ReadonlySet<number>, ellipsis: boolean): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (part: ExcerptPart) => {
    const last = parts.at(-1);
    if (last && !last.mark && !part.mark) last.text += part.text;
    else parts.push({ ...part });
  };
  for (let index = from; index < to; index += 1) {
    if (index > from) push({ text: ' ', mark: false });
    const word = all[index] ?? '';
    if (marked.has(index)) markedParts(word).forEach(push);
    else push({ text: word, mark: false });
  }
  if (ellipsis) push({ text: ' …', mark: false });
  return parts;
}

/**
 * The summary and body passage a hit shows.
 * @example hitExcerpt({ content: 'COLO Lock-step. It pairs hosts. Also known as: lockstep.', locations: [3], meta: { title: 'COLO', summary: 'Lock-step.' } })
 * // { summary: 'Lock-step.', body: [{ text: 'It ', mark: false }, { text: 'pairs', mark: true }, { text: ' hosts.', mark: false }] }
 */
export function hitExcerpt(source: ExcerptSource): HitExcerpt {
  const all = words(source.content);
  const title = source.meta['heading'] || source.meta['title'] || '';
  let start = leadLength(all, 0, title) || leadLength(all, 0, title.replace(/^Commit /, ''));
  const summary = source.meta['summary'];
  start += leadLength(all, start, summary);
  let end = all.length;
  const label = words(ALIASES_LABEL);
  for (let index = all.length - label.length; index >= start; index -= 1) {
    if (label.every((word, offset) => all[index + offset] === word)) {
      end = index;
      break;
    }
  }
  const marked = new Set(source.locations.filter((location) => location >= start && location < end));
  if (!summary) {
    // A commit or an interface entry: its text after the title is short, and is what the hit shows.
    if (start >= end) return {};
    const to = Math.min(end, start + EXCERPT_WORDS);
    return { body: partsOf(all, start, to, marked, to < end) };
  }
  const first = Math.min(...marked);
  if (!Number.isFinite(first)) return { summary };
  let from = first;
  while (from > start && !endsSentence(all[from - 1])) from -= 1;
  let to = Math.min(end, Math.max(from + EXCERPT_WORDS, first + 10));
  // End with the sentence when one ends after the match and within the passage.
  for (let index = to - 1; index > first; index -= 1) {
    if (endsSentence(all[index])) {
      to = index + 1;
      break;
    }
  }
  return { summary, body: partsOf(all, from, to, marked, to < end && !endsSentence(all[to - 1])) };
}
