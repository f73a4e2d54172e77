import { podItems, type PodItem } from './xen-pod.ts';

/** An option of `xl` or of one of its subcommands, as its man page writes it. */
export interface ParsedOption {
  name: string;
  line: number;
}

export interface ParsedSubcommand {
  name: string;
  /** The item's first paragraph as a reader sees it: `vcpu-pin [-f|--force] domain-id vcpu cpus hard cpus soft`. */
  synopsis: string;
  /** The man page section it is listed in, e.g. "USB PASS-THROUGH". */
  section: string;
  line: number;
  options: ParsedOption[];
}

export interface ParsedXlPage {
  globalOptions: ParsedOption[];
  subcommands: ParsedSubcommand[];
}

/** Sections of xl.pod.1 that list no subcommands (the rest all do). */
const NON_COMMAND_SECTIONS = new Set([
  'NAME',
  'SYNOPSIS',
  'DESCRIPTION',
  'NOTES',
  'GLOBAL OPTIONS',
  'IGNORED FOR COMPATIBILITY WITH XM',
  'TO BE DOCUMENTED',
  'SEE ALSO',
  'BUGS',
]);

/** Where the man page lists xm's options that xl accepts and ignores, as `xl migrate --live`. */
const IGNORED_SECTION = 'IGNORED FOR COMPATIBILITY WITH XM';

const SUBCOMMAND = /^B<([a-z][a-z0-9-]*)>/;

/**
 * Every option-like word of a text: `-c`, `--cpupool`, and the name part of
 * `-f=FILE` or `--domain=DOMAIN`. A hyphen inside a word (`domain-id`) is no option.
 * @example optionWords('-d DOMAIN, --domain=DOMAIN') // ['-d', '--domain']
 */
export function optionWords(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s,|[<(])(--?[A-Za-z][A-Za-z0-9_-]*)/g)].map((match) => match[1] ?? '');
}

function addOptions(options: ParsedOption[], names: string[], line: number): void {
  for (const name of names) if (!options.some((option) => option.name === name)) options.push({ name, line });
}

function fail(item: PodItem, expected: string): never {
  throw new Error(`line ${item.line}: "=item ${item.raw}" in section "${item.head1}"; expected ${expected}`);
}

/**
 * The subcommands of `xl` with their options, and xl's global options, from
 * docs/man/xl.pod.1. A subcommand is an item of a top-level list, written
 * `B<name> …`, in any section but those that list none. Its options are the
 * option words of its synopsis and of the nested items that start with one
 * (`B<-d DOMAIN>, B<--domain=DOMAIN>`); nested items that describe an
 * argument or a value are not options.
 */
export function parseXlManPage(source: string): ParsedXlPage {
  const globalOptions: ParsedOption[] = [];
  const subcommands: ParsedSubcommand[] = [];
  let current: ParsedSubcommand | undefined;
  for (const item of podItems(source)) {
    if (item.head1 === 'GLOBAL OPTIONS') {
      if (item.depth !== 1 || !item.text.startsWith('-')) fail(item, 'an option, like B<-v>');
      addOptions(globalOptions, optionWords(item.text), item.line);
    } else if (item.head1 === IGNORED_SECTION) {
      const ignored = /^xl ([a-z][a-z0-9-]*) (.+)$/.exec(item.text);
      const subcommand = subcommands.find((candidate) => candidate.name === ignored?.[1]);
      if (!ignored || !subcommand) fail(item, 'an xl subcommand listed above and its option, like B<xl migrate --live>');
      addOptions(subcommand.options, optionWords(ignored[2] ?? ''), item.line);
    } else if (NON_COMMAND_SECTIONS.has(item.head1)) {
      current = undefined;
    } else if (item.depth === 1) {
      const name = SUBCOMMAND.exec(item.raw)?.[1];
      if (!name) fail(item, 'a subcommand in bold, like B<create> [I<configfile>]');
      if (subcommands.some((subcommand) => subcommand.name === name)) fail(item, `one item per subcommand; "${name}" is listed twice`);
      current = { name, synopsis: item.text, section: item.head2 ? `${item.head1} / ${item.head2}` : item.head1, line: item.line, options: [] };
      addOptions(current.options, optionWords(item.text.slice(name.length)), item.line);
      subcommands.push(current);
    } else if (current && item.text.startsWith('-')) {
      addOptions(current.options, optionWords(item.text), item.line);
    }
  }
  if (subcommands.length === 0) throw new Error('no subcommands found; expected items like "=item B<create> [I<configfile>]"');
  return { globalOptions, subcommands };
}

export interface ParsedConfigKey {
  name: string;
  /** The first item that documents the key, as a reader sees it: `on_soft_reset="ACTION"`. */
  synopsis: string;
  /** The subsection it is documented in, e.g. "Event Actions". */
  section: string;
  line: number;
}

const CONFIG_KEY = /^([a-z_][a-z0-9_]*)(?=$|[\s=])/;

/**
 * The keys of a domain configuration file, from docs/man/xl.cfg.pod.5: the
 * items of the top-level lists under "OPTIONS", written `B<key=VALUE>`. Items
 * nested deeper describe the parts of one key's value (`type=TYPE` inside
 * `usbctrl`) and are not keys. A key documented by several items
 * (`builder="generic"`, `builder="hvm"`) is listed once, at its first.
 */
export function parseXlCfgManPage(source: string): ParsedConfigKey[] {
  const keys: ParsedConfigKey[] = [];
  const lines = source.split('\n');
  for (const item of podItems(source)) {
    if (item.head1 !== 'OPTIONS' || item.depth !== 1) continue;
    const name = item.raw.startsWith('B<') ? CONFIG_KEY.exec(item.text)?.[1] : undefined;
    if (!name) fail(item, 'a key in bold, like B<name="NAME">');
    if (keys.some((key) => key.name === name)) continue;
    keys.push({ name, synopsis: item.text, section: subsectionAt(lines, item.line) ?? item.head2 ?? item.head1, line: item.line });
  }
  if (keys.length === 0) throw new Error('no keys found; expected items like "=item B<name="NAME">" under =head1 OPTIONS');
  return keys;
}

/** The last `=head2` or `=head3` title above a line (xl.cfg.pod.5 groups its keys in both). */
function subsectionAt(lines: readonly string[], line: number): string | undefined {
  for (let index = line - 2; index >= 0; index -= 1) {
    const heading = /^=head[23]\s+(.*)$/.exec(lines[index] ?? '');
    if (heading) return heading[1]?.trim();
  }
  return undefined;
}
