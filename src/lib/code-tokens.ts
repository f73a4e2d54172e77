/**
 * The pieces of Xen's interface that a note's code block shows, read from the
 * block's text by its fence kind:
 *
 * - ```` ```shell ```` (also `sh`, `bash`): the commands `xl [global options]
 *   <subcommand> [options]`, `xen-livepatch <subcommand>` and `make`. A make
 *   target that ends in `config` is a Kconfig target, which must run in xen/
 *   (`make -C xen menuconfig`, or after `cd xen`); a block starts at the top
 *   of a Xen tree. `$ ` and `# ` prompts are commands in ```` ```shellsession ````.
 * - ```` ```ini ```` (xl.cfg): every `key = value` line; a value may continue
 *   over lines inside brackets.
 * - ```` ```xen-cmdline ````: every word, `name=value` or `name`.
 * - ```` ```kconfig ````: `CONFIG_<SYMBOL>=value` and `# CONFIG_<SYMBOL> is not set`.
 *
 * Other lines and kinds are not read. Lines are counted from 0, the block's first.
 */

export type CodeToken =
  | { kind: 'xl-subcommand'; name: string; line: number; text: string }
  | { kind: 'xl-option'; subcommand?: string | undefined; name: string; line: number; text: string }
  | { kind: 'xl-cfg-key'; name: string; line: number; text: string }
  | { kind: 'boot-option'; name: string; value?: string | undefined; line: number; text: string }
  | { kind: 'kconfig-symbol'; name: string; line: number; text: string }
  | { kind: 'make-target'; name: string; directory: string; line: number; text: string }
  | { kind: 'xen-livepatch-subcommand'; name: string; line: number; text: string };

/** A line of a block that is not written the way its kind requires. */
export interface CodeProblem {
  line: number;
  message: string;
}

export interface ReadBlock {
  tokens: CodeToken[];
  problems: CodeProblem[];
}

const SHELL_LANGUAGES = new Set(['shell', 'sh', 'bash']);
const SESSION_LANGUAGES = new Set(['shellsession', 'console']);

/** The fence kinds whose blocks this module reads. */
export function isCheckedLanguage(lang: string | null | undefined): boolean {
  return !!lang && (SHELL_LANGUAGES.has(lang) || SESSION_LANGUAGES.has(lang) || ['ini', 'xen-cmdline', 'kconfig'].includes(lang));
}

interface Word {
  text: string;
  /** True for an operator between commands: ; && || | & */
  operator?: boolean;
}

/**
 * Shell words as the shell splits them: quotes and backslashes removed, a
 * comment dropped, and the operators that separate commands kept as words of
 * their own.
 */
export function shellWords(line: string): Word[] {
  const words: Word[] = [];
  let current: string | undefined;
  let quote: '"' | "'" | undefined;
  const end = () => {
    if (current !== undefined) words.push({ text: current });
    current = undefined;
  };
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index] ?? '';
    if (quote) {
      if (character === quote) quote = undefined;
      else if (character === '\\' && quote === '"' && index + 1 < line.length) current += line[(index += 1)] ?? '';
      else current += character;
    } else if (character === '"' || character === "'") {
      quote = character;
      current ??= '';
    } else if (character === '\\' && index + 1 < line.length) {
      current = (current ?? '') + (line[(index += 1)] ?? '');
    } else if (/\s/.test(character)) {
      end();
    } else if (character === '#' && current === undefined) {
      break;
    } else if (';&|'.includes(character)) {
      end();
      const doubled = line[index + 1] === character && character !== ';';
      words.push({ text: doubled ? character + character : character, operator: true });
      if (doubled) index += 1;
    } else {
      current = (current ?? '') + character;
    }
  }
  end();
  return words;
}

/** A path relative to the top of the tree, without `.` parts or a trailing slash. */
function joinDirectory(directory: string, path: string): string {
  const parts = path.startsWith('/') ? [] : directory.split('/').filter(Boolean);
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Whether a word is an option rather than a value: `-c`, `--cpupool`, not `-` or `-1`. */
function isOptionWord(word: string): boolean {
  return /^--?[A-Za-z]/.test(word);
}

function readShellCommand(words: string[], line: number, text: string, state: { directory: string }, tokens: CodeToken[], problems: CodeProblem[]): void {
  // Leading variable assignments and sudo, with its options, come before the command.
  let index = 0;
  for (;;) {
    if (ASSIGNMENT.test(words[index] ?? '')) index += 1;
    else if (words[index] === 'sudo') {
      index += 1;
      while ((words[index] ?? '').startsWith('-')) index += 1;
    } else break;
  }
  const command = (words[index] ?? '').split('/').pop() ?? '';
  const rest = words.slice(index + 1);
  if (command === 'cd') {
    state.directory = joinDirectory(state.directory, rest[0] ?? '');
  } else if (command === 'xl') {
    let position = 0;
    while (position < rest.length && isOptionWord(rest[position] ?? '')) {
      tokens.push({ kind: 'xl-option', name: rest[position] ?? '', line, text });
      position += 1;
    }
    const subcommand = rest[position];
    if (subcommand === undefined) {
      problems.push({ line, message: `\`${text}\` names no subcommand; expected \`xl <subcommand> …\`` });
      return;
    }
    tokens.push({ kind: 'xl-subcommand', name: subcommand, line, text });
    for (const word of rest.slice(position + 1)) {
      if (word === '--') break;
      if (isOptionWord(word)) tokens.push({ kind: 'xl-option', subcommand, name: word.split('=')[0] ?? word, line, text });
    }
  } else if (command === 'xen-livepatch') {
    const subcommand = rest[0];
    if (subcommand === undefined) problems.push({ line, message: `\`${text}\` names no subcommand; expected \`xen-livepatch <subcommand> …\`` });
    else tokens.push({ kind: 'xen-livepatch-subcommand', name: subcommand, line, text });
  } else if (command === 'make') {
    let directory = state.directory;
    for (let position = 0; position < rest.length; position += 1) {
      const word = rest[position] ?? '';
      if (word === '-C' || word === '--directory') directory = joinDirectory(directory, rest[(position += 1)] ?? '');
      else if (word.startsWith('--directory=')) directory = joinDirectory(directory, word.slice('--directory='.length));
      else if (/^-C./.test(word)) directory = joinDirectory(directory, word.slice(2));
      else if (!word.startsWith('-') && !ASSIGNMENT.test(word) && /config$/.test(word)) {
        tokens.push({ kind: 'make-target', name: word, directory, line, text });
      }
    }
  }
}

function readShell(code: string, session: boolean): ReadBlock {
  const tokens: CodeToken[] = [];
  const problems: CodeProblem[] = [];
  const state = { directory: '' };
  const lines = code.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const first = index;
    let text = lines[index] ?? '';
    if (session) {
      const prompt = /^[$#] (.*)$/.exec(text);
      if (!prompt) continue;
      text = prompt[1] ?? '';
    }
    // A line that ends in a backslash goes on with the next.
    while (text.endsWith('\\') && index + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[(index += 1)] ?? ''}`;
    const shown = text.trim().replace(/\s+/g, ' ');
    let command: string[] = [];
    for (const word of [...shellWords(text), { text: ';', operator: true }]) {
      if (!word.operator) {
        command.push(word.text);
        continue;
      }
      if (command.length > 0) readShellCommand(command, first, shown, state, tokens, problems);
      command = [];
    }
  }
  return { tokens, problems };
}

function readIni(code: string): ReadBlock {
  const tokens: CodeToken[] = [];
  const problems: CodeProblem[] = [];
  let depth = 0;
  code.split('\n').forEach((line, index) => {
    const text = line.trim();
    if (depth === 0 && text !== '' && !text.startsWith('#')) {
      const key = /^([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(text)?.[1];
      if (key) tokens.push({ kind: 'xl-cfg-key', name: key, line: index, text });
      else problems.push({ line: index, message: `\`${text}\` is no line of a domain configuration; expected \`key = value\`` });
    }
    // Brackets outside quotes let a value run over several lines.
    let quote: string | undefined;
    for (const character of line) {
      if (quote) {
        if (character === quote) quote = undefined;
      } else if (character === '"' || character === "'") quote = character;
      else if (character === '#') break;
      else if (character === '[') depth += 1;
      else if (character === ']') depth = Math.max(0, depth - 1);
    }
  });
  return { tokens, problems };
}

function readCommandLine(code: string): ReadBlock {
  const tokens: CodeToken[] = [];
  code.split('\n').forEach((line, index) => {
    // A word that starts with # begins a comment, as in the shell this block is highlighted as.
    const words = line.trim().split(/\s+/).filter(Boolean);
    const comment = words.findIndex((word) => word.startsWith('#'));
    for (const word of comment < 0 ? words : words.slice(0, comment)) {
      const separator = word.indexOf('=');
      tokens.push(
        separator < 0
          ? { kind: 'boot-option', name: word, line: index, text: word }
          : { kind: 'boot-option', name: word.slice(0, separator), value: word.slice(separator + 1), line: index, text: word },
      );
    }
  });
  return { tokens, problems: [] };
}

function readKconfig(code: string): ReadBlock {
  const tokens: CodeToken[] = [];
  const problems: CodeProblem[] = [];
  code.split('\n').forEach((line, index) => {
    const text = line.trim();
    if (text === '') return;
    const symbol = /^CONFIG_([A-Za-z0-9_]+)=/.exec(text)?.[1] ?? /^# CONFIG_([A-Za-z0-9_]+) is not set$/.exec(text)?.[1];
    if (symbol) tokens.push({ kind: 'kconfig-symbol', name: symbol, line: index, text });
    else if (!text.startsWith('#')) {
      problems.push({ line: index, message: `\`${text}\` is no line of a Kconfig .config; expected \`CONFIG_<SYMBOL>=value\` or \`# CONFIG_<SYMBOL> is not set\`` });
    }
  });
  return { tokens, problems };
}

/** The interface tokens a code block shows, and its lines that break its kind's form. */
export function readCodeBlock(lang: string | null | undefined, code: string): ReadBlock {
  if (!lang) return { tokens: [], problems: [] };
  if (SHELL_LANGUAGES.has(lang)) return readShell(code, false);
  if (SESSION_LANGUAGES.has(lang)) return readShell(code, true);
  if (lang === 'ini') return readIni(code);
  if (lang === 'xen-cmdline') return readCommandLine(code);
  if (lang === 'kconfig') return readKconfig(code);
  return { tokens: [], problems: [] };
}

/** How a token reads in a message: `xl usbctrl-attach`, `xl vcpu-pin -f`, `CONFIG_LIVEPATCH`. */
export function tokenLabel(token: CodeToken): string {
  switch (token.kind) {
    case 'xl-subcommand':
      return `xl ${token.name}`;
    case 'xl-option':
      return token.subcommand === undefined ? `xl ${token.name}` : `xl ${token.subcommand} ${token.name}`;
    case 'kconfig-symbol':
      return `CONFIG_${token.name}`;
    case 'xen-livepatch-subcommand':
      return `xen-livepatch ${token.name}`;
    case 'make-target':
    case 'boot-option':
      return token.text;
    case 'xl-cfg-key':
      return token.name;
  }
}
