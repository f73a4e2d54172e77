// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import cspPageHashes from './src/integrations/csp-page-hashes.ts';
import pagefind from './src/integrations/pagefind.ts';
import { markdownSettings } from './src/markdown/settings.ts';

export default defineConfig({
  // Hosts that serve the site under a sub-path set it at build time: BASE_PATH=/docs/xen/ npm run build
  base: process.env.BASE_PATH ?? '/',
  // The public origin, for canonical URLs, feeds and the sitemap; defaults to the local preview.
  site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  // Fixture builds in the test suite keep their content store apart from the site's.
  cacheDir: process.env.XEN_CACHE_DIR ?? './node_modules/.astro',
  devToolbar: { enabled: false },
  // The stylesheets are small: in the page they cost no round trip before the first paint.
  build: { inlineStylesheets: 'always' },
  integrations: [mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefind(), cspPageHashes()],
  markdown: markdownSettings(),
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
    // Page modules are bundled as `?worker&url` entries (see BaseLayout.astro): ES modules,
    // named like Astro's own assets (name.hash.js) so that hosts can cache them for good.
    worker: {
      format: 'es',
      rolldownOptions: { output: { entryFileNames: '_astro/[name].[hash].js', chunkFileNames: '_astro/[name].[hash].js' } },
    },
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
