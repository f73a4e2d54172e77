import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { frontmatterOf } from './frontmatter.ts';
import { footnoteScope } from './scoped-footnotes.ts';

const HEADING = /^h[1-6]$/;

function headingsOf(node: Root | RootContent, found: Element[] = []): Element[] {
  if (node.type === 'element' && HEADING.test(node.tagName)) found.push(node);
  if ('children' in node) for (const child of node.children) headingsOf(child, found);
  return found;
}

/**
 * Heading ids for bodies that share a page. Each body is slugged on its own, so
 * two notes with the heading "Using it in 4.7" would both get
 * `using-it-in-47`. This plugin gives every heading of a note or release
 * introduction Astro's own slug (by running Astro's id pass early), prefixed
 * with the body's scope: `live-patching-using-it-in-47`, unique on the page
 * because the note's anchor is. Astro's own pass, which runs after every
 * plugin, keeps ids that are already set, so its `headings` carry these ids.
 * Runs after rehypeScopedFootnotes, which turns the footnotes' heading into a
 * paragraph first.
 */
export function rehypeScopedHeadingIds() {
  const assignIds = rehypeHeadingIds();
  if (!assignIds) throw new Error("Astro's rehypeHeadingIds returned no transformer");
  return (tree: Root, file: VFile) => {
    const scope = footnoteScope(frontmatterOf(file));
    if (!scope) return;
    // Astro's pass is synchronous and ignores unified's `next` callback.
    assignIds(tree, file, () => undefined);
    for (const heading of headingsOf(tree)) {
      heading.properties.id = `${scope.prefix}-${String(heading.properties.id)}`;
    }
  };
}
