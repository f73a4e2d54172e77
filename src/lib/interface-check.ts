import type { CodeProblem, CodeToken } from './code-tokens.ts';
import { closest } from './suggest.ts';
import type { BootOption, XenInterface, XlOption } from './xen-interface.ts';
import { XEN_FILES } from './xen-interface.ts';

/** Where a checked token is documented, in the release's own files. */
export interface DocumentedAt {
  file: string;
  line: number;
}

export interface CheckedToken {
  token: CodeToken;
  /** The places that document it; a note that shows it must link one of their files. */
  documentedAt: DocumentedAt[];
}

export interface TokenCheck {
  problems: CodeProblem[];
  checked: CheckedToken[];
}

interface Index {
  subcommands: Map<string, XenInterface['xl']['subcommands'][number]>;
  globalOptions: Map<string, XlOption>;
  keys: Map<string, XenInterface['xlCfg'][number]>;
  bootOptions: Map<string, BootOption>;
  symbols: Map<string, { file: string; line: number }[]>;
  targets: Map<string, { file: string; line: number }>;
  livepatch: Map<string, { file: string; line: number }>;
}

const indexes = new WeakMap<XenInterface, Index>();

/** Lookup tables of one release's interface, built once per data file. */
function indexOf(data: XenInterface): Index {
  let index = indexes.get(data);
  if (!index) {
    const symbols = new Map<string, { file: string; line: number }[]>();
    for (const symbol of data.kconfig?.symbols ?? []) symbols.set(symbol.name, [...(symbols.get(symbol.name) ?? []), symbol]);
    index = {
      subcommands: new Map(data.xl.subcommands.map((entry) => [entry.name, entry])),
      globalOptions: new Map(data.xl.globalOptions.map((entry) => [entry.name, entry])),
      keys: new Map(data.xlCfg.map((entry) => [entry.name, entry])),
      bootOptions: new Map(data.bootOptions.map((entry) => [entry.name, entry])),
      symbols,
      targets: new Map((data.kconfig?.makeTargets ?? []).map((entry) => [entry.name, entry])),
      livepatch: new Map((data.xenLivepatch ?? []).map((entry) => [entry.name, entry])),
    };
    indexes.set(data, index);
  }
  return index;
}

function didYouMean(word: string, known: Iterable<string>, prefix = ''): string {
  const suggestion = closest(word, [...known]);
  return suggestion ? `; did you mean ${prefix}${suggestion}?` : '';
}

/** An option as given, or as the single letters of `-qc` when each is a documented option. */
function findOption(name: string, options: ReadonlyMap<string, XlOption>): XlOption[] | undefined {
  const exact = options.get(name);
  if (exact) return [exact];
  if (!/^-[A-Za-z]{2,}$/.test(name)) return undefined;
  const letters = [...name.slice(1)].map((letter) => options.get(`-${letter}`));
  return letters.every((option) => option !== undefined) ? (letters as XlOption[]) : undefined;
}

function checkBootOption(token: Extract<CodeToken, { kind: 'boot-option' }>, data: XenInterface, index: Index, version: string): DocumentedAt[] | string {
  const indexed = /^(.*?)\[[^\]]*\]$/.exec(token.name);
  const name = indexed?.[1] ?? token.name;
  let option = index.bootOptions.get(name);
  if (option && indexed && !option.heading.endsWith(']')) return `\`${token.text}\`: ${name} takes no index in ${version}`;
  if (!option && name.startsWith('no-')) {
    const negated = index.bootOptions.get(name.slice(3));
    if (negated && !negated.boolean) {
      return `\`${token.text}\` negates ${negated.name}, which is no boolean option in ${version} (its syntax is \`${negated.syntax ?? 'not stated'}\`); expected ${negated.name}=<value>`;
    }
    if (negated && token.value !== undefined) return `\`${token.text}\`: a negated boolean takes no value; expected \`${name}\``;
    option = negated;
  }
  if (!option) return `\`${token.text}\`: \`${name}\` is no hypervisor boot option of ${version}${didYouMean(name, index.bootOptions.keys())}`;
  const places: DocumentedAt[] = [option];
  if (token.value !== undefined && option.subOptions.length > 0) {
    const booleans = option.boolean ? [...data.booleanWords.true, ...data.booleanWords.false] : [];
    for (const part of token.value.split(',')) {
      const subName = part.replace(/^no-/, '').split('=')[0] ?? '';
      const subOption = option.subOptions.find((candidate) => candidate.name === subName);
      if (subOption) places.push(subOption);
      else if (!booleans.includes(part)) {
        return `\`${token.text}\`: \`${subName}\` is no sub-option of ${option.name} in ${version}${didYouMean(subName, option.subOptions.map((candidate) => candidate.name))}`;
      }
    }
  }
  return places;
}

/** The documentation of one token, or why it is not documented. */
function check(token: CodeToken, data: XenInterface, index: Index): DocumentedAt[] | string {
  const version = data.version;
  switch (token.kind) {
    case 'xl-subcommand': {
      const subcommand = index.subcommands.get(token.name);
      return subcommand ? [subcommand] : `\`xl ${token.name}\` is no xl subcommand of ${version}${didYouMean(token.name, index.subcommands.keys())}`;
    }
    case 'xl-option': {
      if (token.subcommand === undefined) {
        const found = findOption(token.name, index.globalOptions);
        return found ?? `\`${token.text}\`: \`${token.name}\` is no global option of xl in ${version}; expected one of ${[...index.globalOptions.keys()].join(', ')}`;
      }
      const subcommand = index.subcommands.get(token.subcommand);
      // An unknown subcommand is reported once, as such.
      if (!subcommand) return [];
      const options = new Map(subcommand.options.map((option) => [option.name, option]));
      const found = findOption(token.name, options);
      if (found) return found;
      const documented = subcommand.options.length > 0 ? `it documents ${subcommand.options.map((option) => option.name).join(', ')}` : 'it documents no options';
      return `\`${token.text}\`: \`${token.name}\` is no option of xl ${subcommand.name} in ${version} (${documented})${didYouMean(token.name, options.keys())}`;
    }
    case 'xl-cfg-key': {
      const key = index.keys.get(token.name);
      return key ? [key] : `\`${token.name}\` is no xl.cfg key of ${version}${didYouMean(token.name, index.keys.keys())}`;
    }
    case 'boot-option':
      return checkBootOption(token, data, index, version);
    case 'kconfig-symbol': {
      if (!data.kconfig) return `\`CONFIG_${token.name}\` is no Kconfig symbol of ${version}: Xen ${version} has no Kconfig`;
      const places = index.symbols.get(token.name);
      return places ?? `\`CONFIG_${token.name}\` is no Kconfig symbol of ${version}${didYouMean(token.name, index.symbols.keys(), 'CONFIG_')}`;
    }
    case 'make-target': {
      if (!data.kconfig) return `\`${token.text}\`: Xen ${version} has no Kconfig, so no Kconfig target \`${token.name}\``;
      const target = index.targets.get(token.name);
      if (!target) return `\`${token.text}\`: \`${token.name}\` is no Kconfig target of ${XEN_FILES.makefile} in ${version}${didYouMean(token.name, index.targets.keys())}`;
      if (token.directory !== 'xen') {
        return `\`${token.text}\` runs in ${token.directory === '' ? 'the top of the tree' : `${token.directory}/`}, but the Kconfig targets are those of ${XEN_FILES.makefile}; expected \`make -C xen ${token.name}\``;
      }
      return [target];
    }
    case 'xen-livepatch-subcommand': {
      if (!data.xenLivepatch) return `\`xen-livepatch ${token.name}\`: Xen ${version} has no xen-livepatch (${XEN_FILES.livepatch})`;
      const command = index.livepatch.get(token.name);
      return command ? [command] : `\`xen-livepatch ${token.name}\` is no xen-livepatch subcommand of ${version}${didYouMean(token.name, index.livepatch.keys())}`;
    }
  }
}

/**
 * Checks the tokens of a code block against one release's documented
 * interface: each must be documented there. Returns a problem per token that
 * is not, with the nearest documented name where one is near, and for each
 * token that is, the places that document it.
 */
export function checkTokens(tokens: readonly CodeToken[], data: XenInterface): TokenCheck {
  const index = indexOf(data);
  const problems: CodeProblem[] = [];
  const checked: CheckedToken[] = [];
  for (const token of tokens) {
    const result = check(token, data, index);
    if (typeof result === 'string') problems.push({ line: token.line, message: result });
    else if (result.length > 0) checked.push({ token, documentedAt: result.map(({ file, line }) => ({ file, line })) });
  }
  return { problems, checked };
}
