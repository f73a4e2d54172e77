import { posix, relative, resolve, sep } from 'node:path';
import type { Expression, Node as EstreeNode, Program, SpreadElement } from 'estree';

/**
 * What a note or release body may contain besides Markdown. A body is input:
 * it must not bring scripts, frames, forms, styles or remote content into the
 * page, and an MDX body must not run code of its own at build time.
 */

/** The raw HTML elements a body may use, each with the attributes it may carry. */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  br: [],
  kbd: [],
  sub: [],
  sup: [],
};

/** The components an MDX body may import, by name, each a file of the site. */
export const NOTE_COMPONENTS: Readonly<Record<string, string>> = {
  BarChart: 'src/components/BarChart.astro',
};

/** URL schemes a link may use; a URL without a scheme is a path of the site. */
export const LINK_SCHEMES = ['https', 'http', 'mailto'] as const;

/** A problem at a line counted from the start of the text that was checked (0 for its first line). */
export interface PolicyProblem {
  line: number;
  message: string;
}

/** The allowed elements as a reader of a message wants them: `<abbr title>, <br>, …`. */
export function describeAllowedElements(): string {
  return Object.entries(ALLOWED_ELEMENTS)
    .map(([name, attributes]) => `<${[name, ...attributes].join(' ')}>`)
    .join(', ');
}

/** The problems of one element, by its tag name and the names of its attributes. */
export function checkElement(name: string, attributeNames: readonly string[]): string[] {
  const tag = name.toLowerCase();
  const allowedAttributes = ALLOWED_ELEMENTS[tag];
  if (!allowedAttributes) {
    return [`the element <${tag}> is not allowed in a note; expected Markdown, or one of the inline elements ${describeAllowedElements()}`];
  }
  return attributeNames
    .filter((attribute) => !allowedAttributes.includes(attribute.toLowerCase()))
    .map((attribute) => `the attribute "${attribute}" on <${tag}> is not allowed${attributeReason(attribute)}; expected ${allowedAttributes.length > 0 ? `only ${allowedAttributes.map((allowed) => `"${allowed}"`).join(', ')} on <${tag}>` : `<${tag}> without attributes`} (allowed: ${describeAllowedElements()})`);
}

function attributeReason(attribute: string): string {
  const lower = attribute.toLowerCase();
  if (lower.startsWith('on')) return ' (no event handlers)';
  if (lower === 'style') return ' (no inline styles)';
  return '';
}

const COMMENT = /^<!--[\s\S]*?-->/;
// A start or end tag as HTML writes it; attribute values quoted or bare.
const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/**
 * The problems of a piece of raw HTML, as Markdown's parser hands it over (a
 * tag, or a block of them): every element and attribute that is not allowed.
 * Comments pass; a declaration, processing instruction or anything else
 * markup-like that is not a plain tag is refused.
 */
export function checkHtml(html: string): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  // An end tag repeats its start tag's problem; one alone is still markup a note may not have.
  const started = new Set<string>();
  let index = 0;
  while ((index = html.indexOf('<', index)) !== -1) {
    const rest = html.slice(index);
    const line = html.slice(0, index).split('\n').length - 1;
    const comment = COMMENT.exec(rest);
    if (comment) {
      index += comment[0].length;
      continue;
    }
    const tag = TAG.exec(rest);
    if (tag) {
      const [whole, closing, name = '', attributes = ''] = tag;
      const tagName = name.toLowerCase();
      if (!closing) {
        started.add(tagName);
        const names = [...attributes.matchAll(ATTRIBUTE)].map((match) => match[1] ?? '');
        for (const message of checkElement(name, names)) problems.push({ line, message });
      } else if (!ALLOWED_ELEMENTS[tagName] && !started.has(tagName)) {
        problems.push({ line, message: checkElement(name, [])[0]! });
      }
      index += whole.length;
      continue;
    }
    if (/^<[A-Za-z!?/]/.test(rest)) {
      problems.push({ line, message: `the markup "${rest.split('\n')[0]!.slice(0, 40)}" is not allowed in a note; expected Markdown, or one of the inline elements ${describeAllowedElements()}` });
    }
    index += 1;
  }
  return problems;
}

export type UrlUse = 'link' | 'image' | 'definition';

/**
 * Why a URL may not be used, or undefined when it may: links and reference
 * definitions to https:, http:, mailto: or a path of the site; images from the
 * site only. Browsers ignore control characters and spaces in a scheme, so
 * they do too here.
 */
export function checkUrl(url: string, use: UrlUse): string | undefined {
  const seen = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(seen)?.[1];
  const what = use === 'image' ? 'an image' : use === 'link' ? 'a link' : 'a link reference definition';
  if (use === 'image' && (scheme !== undefined || /^[/\\]{2}/.test(seen))) {
    return `${what} from "${url}" is not allowed; expected an image of the site, by its path (no external or data: images)`;
  }
  if (scheme !== undefined && !(LINK_SCHEMES as readonly string[]).includes(scheme)) {
    return `${what} to "${url}" is not allowed (the ${scheme}: scheme); expected an ${LINK_SCHEMES.map((allowed) => `${allowed}:`).join(', ')} address or a path of the site`;
  }
  return undefined;
}

/** Props whose text is a URL: `href`, `src`, `url` and names that end so (`sourceUrl`). */
function urlUseOfKey(key: string | undefined): UrlUse | undefined {
  if (key === undefined) return undefined;
  if (/(^|[a-z])src$/i.test(key)) return 'image';
  return /(^|[a-z])(href|url)$/i.test(key) ? 'link' : undefined;
}

/** Writes a name or a chain of plain member accesses as code (`process.env.HOME`), or undefined for anything else. */
function codeName(node: EstreeNode): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MetaProperty') return `${node.meta.name}.${node.property.name}`;
  if (node.type === 'MemberExpression' && node.object.type !== 'Super') {
    const object = codeName(node.object);
    if (object === undefined) return undefined;
    return node.computed || node.property.type !== 'Identifier' ? `${object}[…]` : `${object}.${node.property.name}`;
  }
  return undefined;
}

/** Names a piece of code for a message: `"process.env"`, `a call of "fetch"`, `a function`. */
function describeCode(node: EstreeNode): string {
  const name = codeName(node);
  if (name !== undefined) return `"${name}"`;
  switch (node.type) {
    case 'CallExpression':
    case 'NewExpression': {
      const callee = node.callee.type === 'Super' ? undefined : codeName(node.callee);
      return callee === undefined ? 'a call' : `a call of "${callee}"`;
    }
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return 'a function';
    case 'TemplateLiteral':
      return 'a template with expressions';
    case 'SpreadElement':
      return 'a spread (...)';
    case 'ImportExpression':
      return 'an import()';
    default:
      return `code (${node.type})`;
  }
}

/** Why an attribute's value may not be used: code in it, or a URL it may not link to. */
export type LiteralProblem = { code: string } | { url: string };

/**
 * The first part of an attribute's expression that is not a literal, or
 * undefined when it is all literals: strings, numbers, booleans, null,
 * negative numbers, and arrays and objects of them with plain keys. Such a
 * value cannot reach anything outside the note. Text under a URL prop
 * (`href`, `src`, `…Url`) must also be an allowed URL.
 */
export function checkLiteral(node: Expression | SpreadElement | null, key?: string): LiteralProblem | undefined {
  if (node === null) return undefined;
  switch (node.type) {
    case 'Literal': {
      if ('regex' in node || 'bigint' in node) return { code: 'a regular expression or big integer' };
      const use = urlUseOfKey(key);
      const url = use && typeof node.value === 'string' ? checkUrl(node.value, use) : undefined;
      return url ? { url } : undefined;
    }
    case 'TemplateLiteral':
      if (node.expressions.length > 0) return { code: describeCode(node) };
      return checkLiteral({ type: 'Literal', value: node.quasis.map((quasi) => quasi.value.cooked ?? '').join('') }, key);
    case 'UnaryExpression':
      if (node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number') return undefined;
      return { code: describeCode(node) };
    case 'ArrayExpression':
      for (const element of node.elements) {
        const problem = checkLiteral(element, key);
        if (problem) return problem;
      }
      return undefined;
    case 'ObjectExpression':
      for (const property of node.properties) {
        if (property.type === 'SpreadElement') return { code: describeCode(property) };
        if (property.shorthand) return { code: describeCode(property.value) };
        if (property.computed || property.kind !== 'init' || property.method) return { code: 'a computed key, method or accessor' };
        const name = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
        const problem = checkLiteral(property.value as Expression, name);
        if (problem) return problem;
      }
      return undefined;
    default:
      return { code: describeCode(node) };
  }
}

/** An estree node with the line the MDX parser gives it. */
function lineOf(node: EstreeNode): number | undefined {
  return node.loc?.start.line;
}

/** What the ESM of an MDX body imported, by local name, and what it may not do (lines of the file). */
export interface EsmCheck {
  components: Map<string, string>;
  problems: { line: number | undefined; message: string }[];
}

/**
 * Checks the import and export statements of an MDX body: only
 * `import Name from '<path to a note component>'`, resolved from the file's
 * folder (`fileDir`) against the project's root; no export of any kind.
 */
export function checkEsm(program: Program, fileDir: string, root: string): EsmCheck {
  const components = new Map<string, string>();
  const problems: EsmCheck['problems'] = [];
  const expected = `expected only imports of the note components, like "import BarChart from '<path to src/components/BarChart.astro>'" (allowed: ${Object.values(NOTE_COMPONENTS).join(', ')})`;
  for (const statement of program.body) {
    const line = lineOf(statement);
    if (statement.type !== 'ImportDeclaration') {
      problems.push({ line, message: `${statement.type.startsWith('Export') ? 'an export' : 'a statement'} is not allowed in an MDX note (its code would run at build time); ${expected}` });
      continue;
    }
    const specifier = String(statement.source.value);
    const target = specifier.startsWith('.') ? relative(root, resolve(fileDir, specifier)).split(sep).join(posix.sep) : undefined;
    const component = Object.entries(NOTE_COMPONENTS).find(([, path]) => path === target)?.[0];
    if (!component) {
      problems.push({ line, message: `the import of "${specifier}" is not allowed: it is not a note component; ${expected}` });
      continue;
    }
    const [only, ...others] = statement.specifiers;
    if (only?.type !== 'ImportDefaultSpecifier' || others.length > 0) {
      problems.push({ line, message: `the import of "${specifier}" must be a default import of one name, like "import ${component} from '${specifier}'"` });
      continue;
    }
    components.set(only.local.name, component);
  }
  return { components, problems };
}
