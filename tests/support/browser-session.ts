import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchChromium } from './browser';
import { DIST } from './site';

export interface BrowserSession {
  browser: Browser;
  /** Where the site is served, ending in its base path, e.g. http://127.0.0.1:39123/. */
  url: string;
}

/**
 * Serves a built site on 127.0.0.1 and starts Chromium before the tests of a
 * file, and stops both after them. `root` may be a function when the site is
 * built by an earlier beforeAll of the same file.
 */
export function useBrowserOnSite({ root = DIST, base = '/' }: { root?: string | (() => string); base?: string } = {}) {
  const session = {} as BrowserSession;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const folder = typeof root === 'function' ? root() : root;
    if (!existsSync(join(folder, 'pagefind/pagefind.js'))) {
      throw new Error(`${folder} has no built site with a search index: run \`npm run build\` first`);
    }
    const server = await startStaticServer({ root: folder, base });
    close = server.close;
    session.url = server.url;
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await close?.();
  });
  return session;
}
