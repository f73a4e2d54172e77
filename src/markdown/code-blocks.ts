import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';

/** How a language is named above its code block. */
const LANGUAGE_LABELS: Record<string, string> = {
  sh: 'shell',
  bash: 'shell',
  shell: 'shell',
  shellsession: 'shell session',
  ini: 'xl.cfg',
  'xen-cmdline': 'Xen boot options',
  kconfig: 'Kconfig',
  makefile: 'make',
  text: 'text',
};

/**
 * Wraps every highlighted block in a frame with its language label and a
 * copy button (shown only with JavaScript, which the button needs).
 */
export function transformerCodeFrame(): ShikiTransformer {
  return {
    name: 'xen-notes:code-frame',
    root(root) {
      const language = this.options.lang;
      const label = LANGUAGE_LABELS[language] ?? language;
      const header: Element = {
        type: 'element',
        tagName: 'div',
        // The label and the button are chrome, not what the note says: kept out of search excerpts.
        properties: { className: ['code-header'], 'data-pagefind-ignore': '' },
        children: [
          { type: 'element', tagName: 'span', properties: { className: ['code-language'] }, children: [{ type: 'text', value: label }] },
          {
            type: 'element',
            tagName: 'button',
            properties: { type: 'button', className: ['code-copy', 'js-only'], 'data-copy-code': '' },
            children: [{ type: 'text', value: 'Copy' }],
          },
        ],
      };
      const highlighted = root.children.filter((child): child is ElementContent => child.type !== 'doctype');
      const frame: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'], 'data-language': language },
        children: [header, ...highlighted],
      };
      return { ...root, children: [frame] };
    },
  };
}
