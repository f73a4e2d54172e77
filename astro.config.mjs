// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { transformerMetaHighlight, transformerNotationHighlight } from '@shikijs/transformers';
import remarkGfm from 'remark-gfm';
import pagefind from './src/integrations/pagefind.ts';
import { transformerCodeFrame } from './src/markdown/code-blocks.ts';
import { remarkRequireCodeLanguage } from './src/markdown/require-code-language.ts';

export default defineConfig({
  // Hosts that serve the site under a sub-path set it at build time: BASE_PATH=/docs/xen/ npm run build
  base: process.env.BASE_PATH ?? '/',
  // The public origin, for canonical URLs, feeds and the sitemap; defaults to the local preview.
  site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  // Fixture builds in the test suite keep their content store apart from the site's.
  cacheDir: process.env.XEN_CACHE_DIR ?? './node_modules/.astro',
  devToolbar: { enabled: false },
  integrations: [mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefind()],
  markdown: {
    // remark-gfm is run explicitly, rather than the processor's built-in GFM, so
    // that every note goes through the same remark plugin chain as any other.
    // Smart punctuation is off: it cost a tenth of the Markdown time at scale.
    // XEN_MARKDOWN_PROCESSOR=satteri builds with Astro's default processor
    // instead; the benchmark uses it to show what the remark chain costs.
    processor:
      process.env.XEN_MARKDOWN_PROCESSOR === 'satteri'
        ? satteri()
        : unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm, remarkRequireCodeLanguage] }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      // `// [!code highlight]` in a block, or ```shell {2} on its fence, marks the line a note explains.
      transformers: [transformerNotationHighlight(), transformerMetaHighlight(), transformerCodeFrame()],
    },
  },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "worker-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles WebAssembly; when it cannot use a worker this needs wasm-unsafe-eval.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // Shiki colours tokens with style attributes; <style> elements stay hash-only.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  vite: {
    // Page modules are bundled as `?worker&url` entries (see BaseLayout.astro); they are ES modules.
    worker: { format: 'es' },
    build: {
      rolldownOptions: {
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
