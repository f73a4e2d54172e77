import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Expression, Program } from 'estree';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { checkElement, checkEsm, checkHtml, checkLiteral, checkUrl, describeAllowedElements, NOTE_COMPONENTS } from '../lib/note-policy.ts';
import { lineOffset } from './file-lines.ts';

/** The project's root, against which an MDX body's imports are resolved. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The parts of a Markdown or MDX syntax tree node that the policy reads. */
interface PolicyNode {
  type: string;
  value?: string;
  url?: string;
  identifier?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown; data?: { estree?: Program } }[];
  data?: { estree?: Program };
  position?: { start: { line: number } };
  children?: PolicyNode[];
}

function* walk(node: PolicyNode): Generator<PolicyNode> {
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

/** The parsed code of an MDX attribute's `{…}` value; undefined for a text value or none. */
function attributeExpression(value: unknown): Program | undefined {
  return (value as { data?: { estree?: Program } } | null)?.data?.estree;
}

/**
 * Stops the build on a Markdown or MDX body that brings more than text into
 * the page: raw HTML beyond a few inline elements (src/lib/note-policy.ts),
 * links to schemes other than https:, http: and mailto:, images from outside
 * the site, and in MDX, any import but the note components, any export, and
 * any expression that is not a literal, since MDX runs those at build time.
 * Every problem of the file is listed, each with the file's line.
 */
export function remarkNotePolicy() {
  return (root: Root, file: VFile) => {
    // MDX's nodes are not in mdast's types; the policy reads the fields it needs.
    const tree = root as unknown as PolicyNode;
    const offset = lineOffset(file);
    const where = file.path ? relative(process.cwd(), file.path) : '(a body without a file)';
    const problems: { line: number; message: string }[] = [];
    const seen = new Set<string>();
    // A tag's end repeats its start's problem, on the line or in the node it shares with it.
    const report = (node: PolicyNode, message: string, line?: number) => {
      const at = (line ?? node.position?.start.line ?? 1) + offset;
      if (seen.has(`${at}:${message}`)) return;
      seen.add(`${at}:${message}`);
      problems.push({ line: at, message });
    };

    const definitions = new Map<string, PolicyNode>();
    for (const node of walk(tree)) if (node.type === 'definition' && node.identifier) definitions.set(node.identifier, node);

    const components = new Map<string, string>();
    for (const node of walk(tree)) {
      if (node.type !== 'mdxjsEsm' || !node.data?.estree) continue;
      const esm = checkEsm(node.data.estree, file.path ? dirname(file.path) : ROOT, ROOT);
      for (const [local, component] of esm.components) components.set(local, component);
      for (const problem of esm.problems) report(node, problem.message, problem.line === undefined ? undefined : problem.line - offset);
    }

    for (const node of walk(tree)) {
      switch (node.type) {
        case 'html':
          for (const problem of checkHtml(node.value ?? '')) report(node, problem.message, (node.position?.start.line ?? 1) + problem.line);
          break;
        case 'link':
        case 'image':
        case 'definition': {
          const problem = checkUrl(node.url ?? '', node.type);
          if (problem) report(node, problem);
          break;
        }
        case 'imageReference': {
          const definition = definitions.get(node.identifier ?? '');
          const problem = definition && checkUrl(definition.url ?? '', 'image');
          if (problem) report(node, problem);
          break;
        }
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if ((node.data?.estree?.body.length ?? 0) > 0) {
            report(node, `the expression {${(node.value ?? '').trim().slice(0, 40)}} is not allowed in an MDX note (it would run at build time); expected text, or a comment {/* … */}`);
          }
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          checkJsxElement(node, components, (message) => report(node, message));
          break;
      }
    }

    if (problems.length > 0) {
      file.fail(
        `the body ${problems.length === 1 ? 'has 1 problem' : `has ${problems.length} problems`} with what a note may contain:\n${problems
          .sort((left, right) => left.line - right.line)
          .map((problem) => `${where}:${problem.line}: ${problem.message}`)
          .join('\n')}`,
      );
    }
  };
}

/**
 * An MDX element is either an allowed inline HTML element or an imported note
 * component; its attributes are literals, and an HTML element's are allowed ones.
 */
function checkJsxElement(node: PolicyNode, components: Map<string, string>, report: (message: string) => void) {
  const name = node.name ?? '';
  const attributes = node.attributes ?? [];
  const isComponent = /^[A-Z]/.test(name) || name.includes('.');
  const label = `<${name || '>'}${name ? '>' : ''}`;
  if (isComponent && !components.has(name)) {
    report(`the component ${label} is not allowed: it is not imported from a note component; expected one of ${Object.keys(NOTE_COMPONENTS).join(', ')}, imported by its path`);
    return;
  }
  if (!name) {
    report(`a fragment <>…</> is not allowed in an MDX note; expected Markdown, a note component, or one of the inline elements ${describeAllowedElements()}`);
    return;
  }
  const names: string[] = [];
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
      report(`a spread {…} of attributes on ${label} is not allowed; expected attributes with literal values`);
      continue;
    }
    names.push(attribute.name);
    const program = attributeExpression(attribute.value);
    const statement = program?.body[0];
    if (program && (program.body.length !== 1 || statement?.type !== 'ExpressionStatement')) {
      report(`the attribute "${attribute.name}" on ${label} holds no single value; expected a literal: text, a number, true or false, or an array or object of those`);
      continue;
    }
    const problem =
      statement?.type === 'ExpressionStatement'
        ? checkLiteral(statement.expression as Expression, attribute.name)
        : typeof attribute.value === 'string'
          ? checkLiteral({ type: 'Literal', value: attribute.value }, attribute.name)
          : undefined;
    // An HTML element's attributes other than its allowed ones are refused below, whatever their value.
    if (problem && 'code' in problem) {
      report(`the attribute "${attribute.name}" on ${label} holds ${problem.code}, which is not a literal (an MDX note's code runs at build time); expected a literal: text, a number, true or false, or an array or object of those`);
    } else if (problem && isComponent) {
      report(`the attribute "${attribute.name}" on ${label}: ${problem.url}`);
    }
    if (isComponent && /^on|^style$/i.test(attribute.name)) {
      report(`the attribute "${attribute.name}" on ${label} is not allowed (no event handlers or inline styles)`);
    }
  }
  if (!isComponent) for (const message of checkElement(name, names)) report(message);
}
