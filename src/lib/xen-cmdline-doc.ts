/**
 * Reading docs/misc/xen-command-line.markdown: one `### name` section per
 * hypervisor boot option under "## Parameter details", with its syntax line
 * (`> \`= <boolean>\``) and, where the file states one, its default
 * (`> Default: \`true\``).
 */

/** A sub-option documented inside an option's section: `intpost` of `iommu`. */
export interface ParsedSubOption {
  name: string;
  /** The documented default as the file writes it, e.g. "`false`". */
  default?: string | undefined;
  line: number;
  defaultLine?: number | undefined;
}

export interface ParsedBootOption {
  name: string;
  /** The section heading as written, without Markdown escapes: `cpuid_mask_{{,ext_}ecx,edx}`. */
  heading: string;
  /** What the heading adds in parentheses, e.g. "Intel" or "AMD only". */
  qualifier?: string | undefined;
  /** The syntax line, e.g. "= <boolean>". */
  syntax?: string | undefined;
  /** True when the syntax admits a boolean, which may also be written `name` or `no-name`. */
  boolean: boolean;
  /** The documented default as the file writes it, Markdown code spans included: "`sched=credit`". */
  default?: string | undefined;
  line: number;
  defaultLine?: number | undefined;
  /** Sub-options the section documents one by one (`iommu`, `efi`, `ept`), each with its own default. */
  subOptions: ParsedSubOption[];
}

const DETAILS_HEADING = '## Parameter details';
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Splits at the commas that are not inside braces. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '{') depth += 1;
    else if (character === '}') depth -= 1;
    else if (character === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Expands braces as a shell does, which is how the file writes a family of
 * options in one heading.
 * @example expandBraces('cpuid_mask_{l7s0_{eax,ebx},thermal_ecx}') // ['cpuid_mask_l7s0_eax', 'cpuid_mask_l7s0_ebx', 'cpuid_mask_thermal_ecx']
 */
export function expandBraces(text: string): string[] {
  const open = text.indexOf('{');
  if (open < 0) return [text];
  let depth = 0;
  let close = -1;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}') depth -= 1;
    if (depth === 0) {
      close = index;
      break;
    }
  }
  if (close < 0) throw new Error(`"${text}" opens a brace it never closes`);
  const before = text.slice(0, open);
  const after = expandBraces(text.slice(close + 1));
  return splitTopLevel(text.slice(open + 1, close)).flatMap((alternative) =>
    expandBraces(alternative).flatMap((middle) => after.map((end) => `${before}${middle}${end}`)),
  );
}

/**
 * The option names a heading documents: `com1,com2` is two options,
 * `cpuid\_mask\_{{,ext\_}ecx,edx}` expands like a shell brace, and an
 * indexed option (`ivrs_hpet[<hpet>]`) is named without its index.
 */
export function headingOptionNames(heading: string): string[] {
  const bare = heading.replace(/\[[^\]]*\]$/, '');
  return splitTopLevel(bare).flatMap((part) => expandBraces(part.trim()));
}

/**
 * Whether a syntax line lets the option itself be a boolean: `= <boolean>`,
 * `= force | <boolean>`, `= <boolean>[,amd-fam10]`; not `cmt:<boolean>`,
 * which is the type of one field of the value.
 */
export function admitsBoolean(syntax: string): boolean {
  return /(?:^|[\s|({[])<boolean>/.test(syntax.replace(/^=\s*/, ''));
}

/**
 * The words the file accepts for a boolean's true and false, from its
 * "### Boolean" section: `> \`yes\`, \`on\`, …` then `> \`no\`, \`off\`, …`.
 */
export function parseBooleanWords(source: string): { true: string[]; false: string[]; line: number } {
  const lines = source.split('\n');
  const start = lines.findIndex((text) => /^###\s+Boolean\b/.test(text));
  if (start < 0) throw new Error('no "### Boolean" section; expected the words a boolean option accepts');
  const found: { words: string[]; line: number }[] = [];
  for (let index = start + 1; index < lines.length && found.length < 2 && !/^#/.test(lines[index] ?? ''); index += 1) {
    const text = lines[index] ?? '';
    if (/^>\s*`/.test(text)) found.push({ words: [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ''), line: index + 1 });
  }
  const [truthy, falsy] = found;
  if (!truthy || !falsy) throw new Error(`line ${start + 1}: the "### Boolean" section lists no true and false words; expected two quoted lines like > \`yes\`, \`on\``);
  return { true: truthy.words, false: falsy.words, line: truthy.line };
}

/** A boot option's heading without Markdown escapes and backticks, and its qualifier. */
function readHeading(text: string): { heading: string; qualifier?: string | undefined } {
  const unescaped = text.replace(/\\(.)/g, '$1').replaceAll('`', '').trim();
  const qualified = /^(.*?)\s+\(([^)]*)\)$/.exec(unescaped);
  return qualified ? { heading: qualified[1] ?? '', qualifier: qualified[2] } : { heading: unescaped };
}

/**
 * Every boot option the file documents, in its order. A section that lists
 * sub-options writes each as a quoted line (`` > `intpost` ``) followed by its
 * own `> Default:`; the sub-option `<boolean>` stands for the option itself.
 */
export function parseCommandLineDoc(source: string): ParsedBootOption[] {
  const lines = source.split('\n');
  const start = lines.indexOf(DETAILS_HEADING);
  if (start < 0) throw new Error(`no "${DETAILS_HEADING}" heading; expected the options to follow it`);
  const options: ParsedBootOption[] = [];
  let section: ParsedBootOption[] = [];
  // What the next "> Default:" line belongs to: the section's options, or the sub-options just named.
  let defaulted: { default?: string | undefined; defaultLine?: number | undefined }[] = [];
  for (let index = start + 1; index < lines.length; index += 1) {
    const text = lines[index] ?? '';
    const line = index + 1;
    const heading = /^###\s+(.+)$/.exec(text);
    if (heading) {
      const { heading: written, qualifier } = readHeading(heading[1] ?? '');
      section = headingOptionNames(written).map((name) => {
        if (!NAME.test(name)) throw new Error(`line ${line}: the heading "${text}" gives the option name "${name}"; expected letters, digits, "_", "-" or "."`);
        return { name, heading: written, qualifier, boolean: false, line, subOptions: [] };
      });
      options.push(...section);
      defaulted = section;
      continue;
    }
    if (/^#{1,2}\s/.test(text)) {
      section = [];
      defaulted = [];
      continue;
    }
    const syntax = /^>\s*`\s*(=[^`]*)`\s*$/.exec(text);
    if (syntax) {
      if (section.every((option) => option.syntax === undefined)) {
        for (const option of section) Object.assign(option, { syntax: syntax[1]?.trim(), boolean: admitsBoolean(syntax[1] ?? '') });
      }
      continue;
    }
    const subOption = /^>\s*`([^`=][^`]*)`/.exec(text);
    if (subOption && section.length > 0 && !/^>\s*Default:/.test(text)) {
      const names = [...text.matchAll(/`([^`]+)`/g)].map((match) => (match[1] ?? '').split('=')[0]?.trim() ?? '');
      if (names.includes('<boolean>')) {
        defaulted = section;
      } else {
        const added = names.map((name): ParsedSubOption => ({ name, line }));
        for (const option of section) option.subOptions.push(...added.map((entry) => ({ ...entry })));
        defaulted = section.flatMap((option) => option.subOptions.slice(-added.length));
      }
      continue;
    }
    const stated = /^>\s*Default:\s*(.*)$/.exec(text);
    if (stated && defaulted.length > 0) {
      if (defaulted.some((entry) => entry.default !== undefined)) throw new Error(`line ${line}: a second "> Default:" line for the same option`);
      for (const entry of defaulted) Object.assign(entry, { default: stated[1]?.trim(), defaultLine: line });
    }
  }
  if (options.length === 0) throw new Error(`no "### name" sections after "${DETAILS_HEADING}"`);
  return options;
}
