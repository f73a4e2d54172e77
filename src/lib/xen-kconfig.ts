/**
 * Reading the hypervisor's Kconfig files (new in Xen 4.7) and the Kconfig
 * targets of xen/Makefile (`make -C xen menuconfig`).
 */

export interface ParsedKconfigSymbol {
  name: string;
  /** bool, tristate, string, hex or int, when the definition states it. */
  type?: string | undefined;
  /** The prompt menuconfig shows for it; a symbol without one cannot be set by hand. */
  prompt?: string | undefined;
  /** The environment variable the symbol takes its value from (`option env="XEN_CONFIG_EXPERT"`). */
  env?: string | undefined;
  line: number;
}

export interface ParsedKconfigSource {
  /** The sourced path as written, relative to xen/: `arch/$SRCARCH/Kconfig`. */
  path: string;
  line: number;
}

export interface ParsedKconfigFile {
  symbols: ParsedKconfigSymbol[];
  sources: ParsedKconfigSource[];
}

const TYPES = new Set(['bool', 'tristate', 'string', 'hex', 'int']);

/** Columns of a line's leading white space, with tabs to the next multiple of 8. */
function indentOf(line: string): number {
  let width = 0;
  for (const character of line) {
    if (character === ' ') width += 1;
    else if (character === '\t') width += 8 - (width % 8);
    else break;
  }
  return width;
}

function quoted(text: string | undefined): string | undefined {
  const match = /^"((?:[^"\\]|\\.)*)"/.exec(text?.trim() ?? '');
  return match ? match[1]?.replace(/\\(.)/g, '$1') : undefined;
}

/**
 * The symbols a Kconfig file defines (`config` and `menuconfig` entries,
 * those inside a `choice` too) and the files it sources. Help texts are
 * skipped as Kconfig reads them: every line indented at least as deep as
 * the help's first line.
 */
export function parseKconfig(source: string): ParsedKconfigFile {
  const lines = source.split('\n');
  const symbols: ParsedKconfigSymbol[] = [];
  const sources: ParsedKconfigSource[] = [];
  let current: ParsedKconfigSymbol | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    const words = text.trim();
    if (words === '' || words.startsWith('#')) continue;
    const [keyword = '', ...rest] = words.split(/\s+/);
    const argument = words.slice(keyword.length).trim();
    if (keyword === 'help' || keyword === '---help---') {
      let helpIndent: number | undefined;
      while (index + 1 < lines.length) {
        const next = lines[index + 1] ?? '';
        if (next.trim() !== '') {
          helpIndent ??= indentOf(next);
          if (indentOf(next) < helpIndent || indentOf(next) <= indentOf(text)) break;
        }
        index += 1;
      }
      continue;
    }
    if (keyword === 'config' || keyword === 'menuconfig') {
      const name = rest[0] ?? '';
      if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`line ${index + 1}: "${words}"; expected a symbol name after ${keyword}`);
      current = { name, line: index + 1 };
      symbols.push(current);
    } else if (keyword === 'source') {
      const path = quoted(argument);
      if (!path) throw new Error(`line ${index + 1}: "${words}"; expected a quoted path after source`);
      sources.push({ path, line: index + 1 });
      current = undefined;
    } else if (['menu', 'endmenu', 'choice', 'endchoice', 'if', 'endif', 'comment', 'mainmenu'].includes(keyword)) {
      current = undefined;
    } else if (current) {
      if (TYPES.has(keyword)) {
        current.type = keyword;
        current.prompt ??= quoted(argument);
      } else if (keyword === 'def_bool' || keyword === 'def_tristate') {
        current.type = keyword.slice(4);
      } else if (keyword === 'prompt') {
        current.prompt = quoted(argument);
      } else if (keyword === 'option') {
        current.env = /env="([^"]+)"/.exec(argument)?.[1] ?? current.env;
      }
    }
  }
  return { symbols, sources };
}

export interface ParsedMakeTarget {
  name: string;
  line: number;
}

/**
 * The Kconfig targets of xen/Makefile: the words of its `kconfig :=`
 * variable, which may continue over lines ending in a backslash.
 */
export function parseKconfigTargets(makefile: string): ParsedMakeTarget[] {
  const lines = makefile.split('\n');
  const start = lines.findIndex((line) => /^kconfig\s*:?=/.test(line));
  if (start < 0) throw new Error('no "kconfig :=" variable; expected the list of Kconfig targets');
  const targets: ParsedMakeTarget[] = [];
  for (let index = start; index < lines.length; index += 1) {
    const text = (lines[index] ?? '').replace(index === start ? /^kconfig\s*:?=/ : /^/, '');
    for (const name of text.replace(/\\$/, '').trim().split(/\s+/).filter(Boolean)) targets.push({ name, line: index + 1 });
    if (!(lines[index] ?? '').endsWith('\\')) break;
  }
  if (targets.length === 0) throw new Error(`line ${start + 1}: "kconfig :=" lists no targets`);
  return targets;
}
