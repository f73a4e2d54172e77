import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium; the tests never download a browser of their own. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(
    (path): path is string => Boolean(path),
  );
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'Chromium was not found at /usr/bin/chromium (set CHROMIUM_PATH to use another). Install it with: apt-get install -y chromium',
    );
  }
}

/** The flags this closed network needs: nothing that reaches out, no sandbox in a container. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts headless Chromium with the flags this closed network needs.
 * Playwright hides scrollbars by default; `scrollbars: true` keeps the classic
 * ones a desktop reader has, for what their width changes.
 */
export function launchChromium({ scrollbars = false }: { scrollbars?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    ignoreDefaultArgs: scrollbars ? ['--hide-scrollbars'] : [],
  });
}
