import type { Code, Root } from 'mdast';
import type { VFile } from 'vfile';
import { frontmatterOf } from './frontmatter.ts';

/** Every fenced or indented code block of a tree, in document order. */
export function codeNodes(node: Root | Root['children'][number]): Code[] {
  if (node.type === 'code') return [node];
  return 'children' in node ? node.children.flatMap((child) => codeNodes(child as Root['children'][number])) : [];
}

/**
 * Stops the build on a fenced code block without a language: every block is
 * highlighted and labelled, so plain unlabelled text is a mistake.
 */
export function remarkRequireCodeLanguage() {
  return (tree: Root, file: VFile) => {
    for (const code of codeNodes(tree)) {
      if (!code.lang) {
        file.fail(
          'a code block has no language; expected one after the opening fence, like ```shell or ```ini',
          code,
        );
      }
    }
  };
}

/**
 * Stops the build on a note that shows code but names no source: a reader runs
 * what a note shows, so each command must point at the documentation it was
 * checked against. Notes are the bodies with a `feature`; a release's own
 * introduction has no sources field.
 */
export function remarkRequireCodeSources() {
  return (tree: Root, file: VFile) => {
    const frontmatter = frontmatterOf(file) ?? {};
    if (!('feature' in frontmatter)) return;
    const sources = frontmatter['sources'];
    const [firstCode] = codeNodes(tree);
    if (firstCode && !(Array.isArray(sources) && sources.length > 0)) {
      file.fail(
        'field "sources" is empty, but the note shows code; expected a link to the documentation each command was checked against',
        firstCode,
      );
    }
  };
}
