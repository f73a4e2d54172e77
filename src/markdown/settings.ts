import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import { transformerMetaHighlight, transformerNotationHighlight } from '@shikijs/transformers';
import remarkGfm from 'remark-gfm';
import { transformerCodeFrame } from './code-blocks.ts';
import { remarkRequireCodeLanguage, remarkRequireCodeSources } from './code-rules.ts';
import { remarkCheckInterface } from './interface-rules.ts';
import { remarkNotePolicy } from './note-policy.ts';
import { rehypeScopedFootnotes } from './scoped-footnotes.ts';
import { rehypeScopedHeadingIds } from './scoped-heading-ids.ts';

/**
 * The site's Markdown settings: the processor and Shiki. One function, so that
 * astro.config.mjs and the render workers (render-worker.ts) build the same
 * pipeline.
 */
export function markdownSettings() {
  return {
    // remark-gfm is run explicitly, rather than the processor's built-in GFM, so
    // that every note goes through the same remark plugin chain as any other.
    // MDX inherits this processor, plugins included (mdx() sets no processor of its own).
    // rehypeScopedFootnotes and rehypeScopedHeadingIds give each body's GFM footnotes
    // and headings ids of their own: a release page renders many notes, and each body
    // alone would give its footnotes, and a heading two notes share, the same ids.
    // remarkNotePolicy stops the build on raw HTML, links, images and MDX code a note may
    // not contain (src/lib/note-policy.ts); it runs first, before any plugin reads the tree.
    // remarkCheckInterface stops the build on a command, key or option that Xen's files of
    // the note's release do not document (src/data/xen-interface/).
    // Smart punctuation is off: it cost a tenth of the Markdown time at scale.
    // XEN_MARKDOWN_PROCESSOR=satteri builds with Astro's default processor
    // instead; the benchmark uses it to show what the remark chain costs.
    processor:
      process.env.XEN_MARKDOWN_PROCESSOR === 'satteri'
        ? satteri()
        : unified({
            gfm: false,
            smartypants: false,
            remarkPlugins: [remarkGfm, remarkNotePolicy, remarkRequireCodeLanguage, remarkRequireCodeSources, remarkCheckInterface],
            rehypePlugins: [rehypeScopedFootnotes, rehypeScopedHeadingIds],
          }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' } as const,
      defaultColor: false as const,
      // No inline `overflow-x` on <pre> (html-validate's no-inline-style); the stylesheet scrolls code blocks.
      wrap: null,
      // Block kinds of Xen's own that Shiki has no grammar for: the hypervisor's boot
      // command line and Kconfig `.config` lines. Their fence names the kind, so the
      // label says what the lines are and the build can check them.
      langAlias: { 'xen-cmdline': 'shellscript', kconfig: 'ini' },
      // `// [!code highlight]` in a block, or ```shell {2} on its fence, marks the line a note explains.
      transformers: [transformerNotationHighlight(), transformerMetaHighlight(), transformerCodeFrame()],
    },
  };
}
