import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { noteAnchor, releaseAnchor } from '../lib/anchors.ts';
import { releaseSlug } from '../lib/releases.ts';
import { frontmatterOf } from './frontmatter.ts';

/**
 * GFM footnotes for bodies that share a page. remark-gfm gives every body the
 * same ids (`user-content-fn-1`, `user-content-fnref-1`, `footnote-label`) and
 * an h2 "Footnotes", but a release page renders its introduction and every
 * note of the release, each processed on its own. This rehype plugin moves a
 * body's footnotes under a prefix unique on the page, numbers them, labels the
 * list "Sources" without a heading (the note's own labels, "Status in later
 * releases" and the source list, are not headings either), names every
 * back-link after its note, and keeps the list out of the search index.
 */

/** Where one body's footnotes live on a page. */
export interface FootnoteScope {
  /** Starts every footnote id of the body; unique on the page it is rendered on. */
  prefix: string;
  /** The body as a back-link names it: `“Live patching”`. */
  place: string;
}

export interface ScopedFootnotesOptions {
  /** The text that introduces the list of footnotes. */
  label?: string;
  /** The scope of a file's footnotes; by default `footnoteScope` of its frontmatter. */
  scope?: (file: VFile) => FootnoteScope | undefined;
}

/** The text that introduces a body's footnotes. */
export const FOOTNOTES_LABEL = 'Sources';

/**
 * The scope of a content file's footnotes, from its raw frontmatter. A note's
 * prefix is its anchor, derived as the catalog derives it (and the catalog
 * checks that anchor is unique within the release and no category's); the one
 * release introduction on a release page uses `intro-<release>`. Anything else
 * has no scope.
 * @example footnoteScope({ feature: 'Live patching', anchor: 'live-patching' }) // { prefix: 'live-patching', place: '“Live patching”' }
 * @example footnoteScope({ version: '4.7.0', kind: 'feature' }) // { prefix: 'intro-4-7', place: 'the introduction to Xen 4.7' }
 */
export function footnoteScope(frontmatter: Record<string, unknown> | undefined): FootnoteScope | undefined {
  // The schema trims titles before the catalog slugs them; the raw frontmatter is not trimmed yet.
  const feature = typeof frontmatter?.feature === 'string' ? frontmatter.feature.trim() : '';
  if (feature) {
    const anchor = typeof frontmatter?.anchor === 'string' ? frontmatter.anchor : undefined;
    return { prefix: noteAnchor({ anchor, feature }), place: `“${feature}”` };
  }
  if (typeof frontmatter?.version === 'string') {
    const release = releaseSlug(frontmatter.version);
    return { prefix: releaseAnchor('intro', release), place: `the introduction to Xen ${release}` };
  }
  return undefined;
}

/** A node that may hold others: hast's root and elements, and MDX's JSX elements around Markdown. */
interface Parent {
  type: string;
  children?: unknown[];
}

/** Every element of the tree with its parent element, in document order. */
function elementsOf(
  node: Parent,
  parent?: Element,
  found: { element: Element; parent: Element | undefined }[] = [],
): { element: Element; parent: Element | undefined }[] {
  const element = node.type === 'element' ? (node as Element) : undefined;
  if (element) found.push({ element, parent });
  for (const child of node.children ?? []) {
    if (typeof child === 'object' && child !== null && 'type' in child) elementsOf(child as Parent, element ?? parent, found);
  }
  return found;
}

/**
 * Whether an element has a boolean attribute. mdast-util-to-hast sets `true`;
 * after rehype-raw, which MDX runs before any plugin, the same attribute is `''`.
 */
function hasAttribute(element: Element, property: string): boolean {
  const value = element.properties[property];
  return value !== undefined && value !== null && value !== false;
}

function isFootnoteSection(element: Element): boolean {
  return element.tagName === 'section' && hasAttribute(element, 'dataFootnotes');
}

function childElements(node: Element, tagName: string): Element[] {
  return node.children.filter((child): child is Element => child.type === 'element' && child.tagName === tagName);
}

/**
 * Rewrites the footnotes mdast-util-to-hast made in one body:
 * - the footnote numbered n (as its reference shows it) gets the id `<prefix>-fn-<n>`;
 * - its references `<prefix>-fnref-<n>`, `<prefix>-fnref-<n>-2`, … in the order they appear;
 * - each back-link goes to its own reference and is named "Back to reference n in “Note”";
 * - the h2 "Footnotes" becomes `<p id="<prefix>-footnotes">Sources</p>`, which every reference points to with aria-describedby.
 * Ids are numbered rather than taken from the footnote's label, which may hold
 * characters an id or a URL fragment would have to escape.
 */
export function scopeFootnotes(tree: Root, scope: FootnoteScope, label: string = FOOTNOTES_LABEL): void {
  const elements = elementsOf(tree);
  const section = elements.find(({ element }) => isFootnoteSection(element))?.element;
  if (!section) return;
  const items = childElements(section, 'ol').flatMap((list) => childElements(list, 'li'));
  const numberById = new Map(items.map((item, index) => [String(item.properties.id), index + 1]));
  const labelId = `${scope.prefix}-footnotes`;

  const uses = new Map<number, number>();
  for (const { element, parent } of elements) {
    if (element.tagName !== 'a' || !hasAttribute(element, 'dataFootnoteRef')) continue;
    const target = String(element.properties.href ?? '').replace(/^#/, '');
    const number = numberById.get(target);
    if (number === undefined) throw new Error(`a footnote reference points at #${target}, which is no footnote`);
    const use = (uses.get(number) ?? 0) + 1;
    uses.set(number, use);
    element.properties.href = `#${scope.prefix}-fn-${number}`;
    element.properties.id = `${scope.prefix}-fnref-${number}${use > 1 ? `-${use}` : ''}`;
    element.properties.ariaDescribedBy = [labelId];
    // Otherwise the number shows in search excerpts: "…without security support. 2 It is limited…".
    if (parent?.tagName === 'sup') parent.properties.dataPagefindIgnore = '';
    else element.properties.dataPagefindIgnore = '';
  }

  items.forEach((item, index) => {
    const number = index + 1;
    item.properties.id = `${scope.prefix}-fn-${number}`;
    const backLinks = elementsOf(item)
      .map(({ element }) => element)
      .filter((element) => element.tagName === 'a' && hasAttribute(element, 'dataFootnoteBackref'));
    if (backLinks.length !== (uses.get(number) ?? 0)) {
      throw new Error(`footnote ${number} has ${backLinks.length} back-links for ${uses.get(number) ?? 0} references`);
    }
    backLinks.forEach((link, useIndex) => {
      const use = useIndex + 1;
      link.properties.href = `#${scope.prefix}-fnref-${number}${use > 1 ? `-${use}` : ''}`;
      link.properties.ariaLabel = `Back to reference ${number}${use > 1 ? ` (citation ${use})` : ''} in ${scope.place}`;
    });
  });

  const labelElement: Element = {
    type: 'element',
    tagName: 'p',
    properties: { id: labelId, className: ['footnotes-label'] },
    children: [{ type: 'text', value: label }],
  };
  section.children = section.children.map(
    (child): ElementContent => (child.type === 'element' && child.properties.id === 'footnote-label' ? labelElement : child),
  );
  if (!section.children.includes(labelElement)) section.children.unshift(labelElement);
  // Otherwise a word of a footnote makes the note a hit whose excerpt is link titles and "↩";
  // the same links are listed under the note's sources, which search ignores as well.
  section.properties.dataPagefindIgnore = '';
}

/**
 * The rehype plugin: scopes each file's footnotes (see `scopeFootnotes`).
 * A file with footnotes but no scope stops the build, since its ids could
 * clash with another body's on the same page.
 */
export function rehypeScopedFootnotes(options: ScopedFootnotesOptions = {}) {
  const scopeOf = options.scope ?? ((file: VFile) => footnoteScope(frontmatterOf(file)));
  return (tree: Root, file: VFile) => {
    if (!elementsOf(tree).some(({ element }) => isFootnoteSection(element))) return;
    const scope = scopeOf(file);
    if (!scope) {
      file.fail(
        'the file has footnotes but is neither a note (no "feature") nor a release (no "version"); expected footnotes only in a note or a release introduction, whose ids are made unique on the page',
      );
    }
    try {
      scopeFootnotes(tree, scope, options.label);
    } catch (error) {
      file.fail(error instanceof Error ? error.message : String(error));
    }
  };
}
