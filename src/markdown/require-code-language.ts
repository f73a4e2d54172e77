import type { Code, Root } from 'mdast';
import type { VFile } from 'vfile';

function codeNodes(node: Root | Root['children'][number]): Code[] {
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
