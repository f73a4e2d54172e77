/**
 * Reading the subcommands of `xen-livepatch` (new in Xen 4.7) from its source,
 * tools/misc/xen-livepatch.c, which has no man page: the names its two
 * dispatch tables hold, each with the usage line its help text gives.
 */

export interface ParsedLivepatchCommand {
  name: string;
  /** How the help text writes a call: "upload <name> <file>". */
  usage: string;
  /** What the help text says it does: "upload file <file> with <name> name". */
  description: string;
  line: number;
}

/** The names of one `struct { … } <table>[] = { … };` initializer, with their lines. */
function tableNames(lines: readonly string[], table: string): { name: string; line: number }[] {
  const start = lines.findIndex((line) => new RegExp(`\\b${table}\\[\\]\\s*=`).test(line));
  if (start < 0) throw new Error(`no table "${table}[]"; expected the subcommands' dispatch table`);
  const names: { name: string; line: number }[] = [];
  for (let index = start; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    const name = /\.name\s*=\s*"([^"]+)"/.exec(text)?.[1] ?? /^\s*\{\s*"([^"]+)"/.exec(text)?.[1];
    if (name) names.push({ name, line: index + 1 });
    if (/^\s*\};/.test(text)) break;
  }
  if (names.length === 0) throw new Error(`line ${start + 1}: the table "${table}[]" names no subcommand`);
  return names;
}

/**
 * Every subcommand: `main_options[]` (help, list, upload, load) and
 * `action_options[]` (apply, revert, …). A name that the help text does not
 * describe is an error, so that the tool's own description is what the
 * site shows.
 */
export function parseLivepatchTool(source: string): ParsedLivepatchCommand[] {
  const lines = source.split('\n');
  // The help text's lines: "  name <args>   what it does\n", continued by deeper-indented lines.
  const help = new Map<string, { usage: string; description: string }>();
  let last: { usage: string; description: string } | undefined;
  for (const line of lines) {
    const text = /^\s*"(.*?)(?:\\n)?",?\s*$/.exec(line)?.[1];
    const entry = text === undefined ? undefined : /^ {2}([a-z]+\b.*?)\s{3,}(\S.*)$/.exec(text);
    if (entry) {
      last = { usage: (entry[1] ?? '').replace(/\s+/g, ' '), description: entry[2] ?? '' };
      help.set(last.usage.split(' ')[0] ?? '', last);
    } else if (last && text !== undefined && /^ {4,}\S/.test(text)) {
      last.description += ` ${text.trim()}`;
    } else {
      last = undefined;
    }
  }
  return [...tableNames(lines, 'main_options'), ...tableNames(lines, 'action_options')].map(({ name, line }) => {
    const described = help.get(name);
    if (!described) throw new Error(`line ${line}: the subcommand "${name}" has no line in the help text; expected "  ${name} …" in show_help()`);
    return { name, ...described, line };
  });
}
