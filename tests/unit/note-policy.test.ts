import { join, resolve } from 'node:path';
import type { Expression, ImportDeclaration, ModuleDeclaration, Program, Property } from 'estree';
import { describe, expect, it } from 'vitest';
import { checkElement, checkEsm, checkHtml, checkLiteral, checkUrl, describeAllowedElements } from '../../src/lib/note-policy';

const literal = (value: string | number | boolean | null): Expression => ({ type: 'Literal', value });
const name = (identifier: string): Expression => ({ type: 'Identifier', name: identifier });
const member = (object: Expression, property: string): Expression => ({
  type: 'MemberExpression',
  object,
  property: { type: 'Identifier', name: property },
  computed: false,
  optional: false,
});
const property = (key: string, value: Expression, extra: Partial<Property> = {}): Property => ({
  type: 'Property',
  key: { type: 'Identifier', name: key },
  value,
  kind: 'init',
  computed: false,
  method: false,
  shorthand: false,
  ...extra,
});
const object = (...properties: Property[]): Expression => ({ type: 'ObjectExpression', properties });
const array = (...elements: Expression[]): Expression => ({ type: 'ArrayExpression', elements });

describe('checkElement', () => {
  it('lets an allowed element through with its allowed attributes', () => {
    expect(checkElement('abbr', ['title'])).toEqual([]);
    expect(checkElement('KBD', [])).toEqual([]);
  });

  it('refuses an element outside the list, saying which are allowed', () => {
    expect(checkElement('iframe', ['src'])).toEqual([
      `the element <iframe> is not allowed in a note; expected Markdown, or one of the inline elements ${describeAllowedElements()}`,
    ]);
  });

  it('names an event handler and a style as such', () => {
    const [handler, style] = checkElement('abbr', ['onMouseOver', 'style']);
    expect(handler).toMatch(/^the attribute "onMouseOver" on <abbr> is not allowed \(no event handlers\); expected only "title" on <abbr>/);
    expect(style).toMatch(/^the attribute "style" on <abbr> is not allowed \(no inline styles\)/);
  });
});

describe('checkHtml', () => {
  it('passes allowed tags, their ends and comments', () => {
    expect(checkHtml('<abbr title="Xen Security Advisory">')).toEqual([]);
    expect(checkHtml('</kbd>')).toEqual([]);
    expect(checkHtml('<br/>')).toEqual([]);
    expect(checkHtml('<!-- <script>alert(1)</script> -->')).toEqual([]);
  });

  it('reports every refused element and attribute of a block, at its line', () => {
    const problems = checkHtml('<div>\ntext <b onclick="x()">bold</b>\n<script>alert(1)</script>\n</div>');
    expect(problems.map((problem) => [problem.line, problem.message.split(';')[0]])).toEqual([
      [0, 'the element <div> is not allowed in a note'],
      [1, 'the element <b> is not allowed in a note'],
      [2, 'the element <script> is not allowed in a note'],
    ]);
  });

  it('refuses an end tag without its start, which would close an element of the page', () => {
    expect(checkHtml('</div>')[0]?.message).toMatch(/^the element <div> is not allowed in a note/);
  });

  it('reads unquoted, single-quoted and bare attributes', () => {
    const messages = checkHtml(`<kbd onclick=alert(1) data-x='1' hidden>`).map((problem) => problem.message.split(' is not')[0]);
    expect(messages).toEqual(['the attribute "onclick" on <kbd>', 'the attribute "data-x" on <kbd>', 'the attribute "hidden" on <kbd>']);
  });

  it('refuses declarations and processing instructions', () => {
    expect(checkHtml('<!DOCTYPE html>')[0]?.message).toMatch(/^the markup "<!DOCTYPE html>" is not allowed in a note/);
    expect(checkHtml('<?php echo 1; ?>')[0]?.message).toMatch(/^the markup "<\?php echo 1; \?>" is not allowed/);
  });
});

describe('checkUrl', () => {
  it('lets https, http, mailto and paths of the site through', () => {
    for (const url of ['https://xenbits.xen.org/', 'http://example.org', 'mailto:xen-devel@lists.xenproject.org', '/releases/4.7/', '#credit2', 'notes.html']) {
      expect(checkUrl(url, 'link'), url).toBeUndefined();
    }
  });

  it('refuses javascript:, data: and other schemes, however they are written', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) {
      expect(checkUrl(url, 'link'), url).toMatch(/^a link to ".*" is not allowed \(the [a-z]+: scheme\); expected an https:, http:, mailto: address or a path of the site$/);
    }
    expect(checkUrl('javascript:x', 'definition')).toMatch(/^a link reference definition to "javascript:x"/);
  });

  it('allows images of the site only', () => {
    expect(checkUrl('/images/design.png', 'image')).toBeUndefined();
    expect(checkUrl('./design.png', 'image')).toBeUndefined();
    for (const url of ['https://evil.example/x.png', '//evil.example/x.png', 'data:image/png;base64,AAAA']) {
      expect(checkUrl(url, 'image'), url).toMatch(/^an image from ".*" is not allowed; expected an image of the site, by its path/);
    }
  });
});

describe('checkLiteral', () => {
  it('lets strings, numbers, booleans, negative numbers and arrays and objects of them through', () => {
    const negative: Expression = { type: 'UnaryExpression', operator: '-', prefix: true, argument: literal(3) };
    const bars = array(object(property('label', literal('Before')), property('value', literal(15)), property('upperBound', literal(true))), object(property('value', negative)));
    expect(checkLiteral(bars)).toBeUndefined();
    expect(checkLiteral({ type: 'TemplateLiteral', expressions: [], quasis: [{ type: 'TemplateElement', tail: true, value: { raw: 'x', cooked: 'x' } }] })).toBeUndefined();
  });

  it('names what reaches outside the note', () => {
    expect(checkLiteral(member(member(name('process'), 'env'), 'HOME'))).toEqual({ code: '"process.env.HOME"' });
    expect(checkLiteral(name('globalThis'))).toEqual({ code: '"globalThis"' });
    expect(checkLiteral({ type: 'MetaProperty', meta: { type: 'Identifier', name: 'import' }, property: { type: 'Identifier', name: 'meta' } })).toEqual({ code: '"import.meta"' });
    expect(checkLiteral({ type: 'CallExpression', callee: name('fetch'), arguments: [literal('x')], optional: false })).toEqual({ code: 'a call of "fetch"' });
    expect(checkLiteral({ type: 'UnaryExpression', operator: '-', prefix: true, argument: name('x') })).toEqual({ code: 'code (UnaryExpression)' });
  });

  it('finds code deep in an array of objects, and in a shorthand or computed property', () => {
    expect(checkLiteral(array(object(property('value', name('require')))))).toEqual({ code: '"require"' });
    expect(checkLiteral(object(property('eval', name('eval'), { shorthand: true })))).toEqual({ code: '"eval"' });
    expect(checkLiteral(object(property('x', literal(1), { computed: true })))).toEqual({ code: 'a computed key, method or accessor' });
  });

  it('checks the text of URL props as links', () => {
    expect(checkLiteral(array(object(property('href', literal('javascript:alert(1)')))))).toEqual({
      url: 'a link to "javascript:alert(1)" is not allowed (the javascript: scheme); expected an https:, http:, mailto: address or a path of the site',
    });
    expect(checkLiteral(literal('https://evil.example/x.png'), 'src')).toHaveProperty('url');
    expect(checkLiteral(literal('javascript: is text here'), 'label')).toBeUndefined();
  });
});

describe('checkEsm', () => {
  const root = resolve('/project');
  const noteDir = join(root, 'content/notes/4.7');
  const importOf = (source: string, local = 'BarChart', kind: 'ImportDefaultSpecifier' | 'ImportNamespaceSpecifier' = 'ImportDefaultSpecifier'): ImportDeclaration => ({
    type: 'ImportDeclaration',
    specifiers: [{ type: kind, local: { type: 'Identifier', name: local } }],
    source: { type: 'Literal', value: source },
    attributes: [],
    loc: { start: { line: 20, column: 0 }, end: { line: 20, column: 10 } },
  });
  const program = (...body: ModuleDeclaration[]): Program => ({ type: 'Program', sourceType: 'module', body });

  it('records the note components a body imports, by their local name', () => {
    const result = checkEsm(program(importOf('../../../src/components/BarChart.astro', 'Chart')), noteDir, root);
    expect(result.problems).toEqual([]);
    expect([...result.components]).toEqual([['Chart', 'BarChart']]);
  });

  it('refuses modules that are not note components, at their line', () => {
    for (const source of ['node:fs', '../../../src/components/SiteFooter.astro', '../../../src/lib/urls.ts', 'src/components/BarChart.astro']) {
      const [problem] = checkEsm(program(importOf(source)), noteDir, root).problems;
      expect(problem, source).toEqual({ line: 20, message: expect.stringMatching(new RegExp(`^the import of "${source}" is not allowed: it is not a note component`)) });
    }
  });

  it('refuses a component imported other than by one default name', () => {
    const [problem] = checkEsm(program(importOf('../../../src/components/BarChart.astro', 'all', 'ImportNamespaceSpecifier')), noteDir, root).problems;
    expect(problem?.message).toBe(`the import of "../../../src/components/BarChart.astro" must be a default import of one name, like "import BarChart from '../../../src/components/BarChart.astro'"`);
  });

  it('refuses every export', () => {
    const exported: ModuleDeclaration = { type: 'ExportAllDeclaration', exported: null, source: { type: 'Literal', value: 'node:fs' }, attributes: [] };
    const [problem] = checkEsm(program(exported), noteDir, root).problems;
    expect(problem?.message).toMatch(/^an export is not allowed in an MDX note \(its code would run at build time\)/);
  });
});
