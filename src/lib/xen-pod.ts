/**
 * Reading Xen's man pages, which are written in Perl's POD: the `=item`
 * entries of `docs/man/xl.pod.1` (subcommands and their options) and of
 * `docs/man/xl.cfg.pod.5` (configuration keys).
 */

/** One `=item` paragraph, where it stands in the page's outline. */
export interface PodItem {
  /** 1-based line of the `=item` command. */
  line: number;
  /** How many `=over` lists enclose it: 1 for an item of a top-level list. */
  depth: number;
  /** The item's text with its formatting codes, its lines joined by spaces. */
  raw: string;
  /** The same text as a reader sees it (see podToText). */
  text: string;
  /** The `=head1` it falls under, and the `=head2` if any. */
  head1: string;
  head2?: string | undefined;
}

const ESCAPES: Record<string, string> = { lt: '<', gt: '>', verbar: '|', sol: '/' };

/**
 * POD text without its formatting codes: `B<create> [I<OPTIONS>]` reads
 * `create [OPTIONS]`, `E<lt>` reads `<`. A `<` that opens no code (POD
 * codes are one capital letter then `<`) is kept as written.
 * @example podToText('B<-c>, B<--cpupool>') // '-c, --cpupool'
 */
export function podToText(raw: string): string {
  let text = '';
  let index = 0;
  while (index < raw.length) {
    const code = /^([A-Z])<(?!<)/.exec(raw.slice(index));
    if (!code) {
      text += raw[index];
      index += 1;
      continue;
    }
    let depth = 1;
    let end = index + 2;
    for (; end < raw.length && depth > 0; end += 1) {
      if (raw[end] === '<') depth += 1;
      else if (raw[end] === '>') depth -= 1;
    }
    const inner = raw.slice(index + 2, depth === 0 ? end - 1 : end);
    text += code[1] === 'E' ? (ESCAPES[inner] ?? inner) : podToText(inner);
    index = end;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Every `=item` of a POD page with its list depth and headings. A command is
 * a line that starts with `=` and a letter; an item's paragraph runs to the
 * next blank line.
 */
export function podItems(source: string): PodItem[] {
  const lines = source.split('\n');
  const items: PodItem[] = [];
  let depth = 0;
  let head1 = '';
  let head2: string | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const command = /^=([a-z]+\d?)\s*(.*)$/.exec(lines[index] ?? '');
    if (!command) continue;
    const [, name, rest = ''] = command;
    if (name === 'head1') {
      head1 = podToText(rest);
      head2 = undefined;
    } else if (name === 'head2') {
      head2 = podToText(rest);
    } else if (name === 'over') {
      depth += 1;
    } else if (name === 'back') {
      if (depth === 0) throw new Error(`line ${index + 1}: =back closes no =over list`);
      depth -= 1;
    } else if (name === 'item') {
      if (depth === 0) throw new Error(`line ${index + 1}: =item outside any =over list`);
      const paragraph = [rest];
      for (let next = index + 1; next < lines.length && (lines[next] ?? '').trim() !== ''; next += 1) paragraph.push(lines[next] ?? '');
      const raw = paragraph.join(' ').replace(/\s+/g, ' ').trim();
      items.push({ line: index + 1, depth, raw, text: podToText(raw), head1, head2 });
    }
  }
  if (depth !== 0) throw new Error(`an =over list is never closed with =back (${depth} open at the end)`);
  return items;
}
