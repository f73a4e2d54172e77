import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { launchChromium } from '../support/browser';
import { DIST, builtPages } from '../support/site';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

let browser: Browser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  server = await startStaticServer({ root: DIST });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  const combinations = [
    { colorScheme: 'light', width: 375, height: 812 },
    { colorScheme: 'dark', width: 375, height: 812 },
    { colorScheme: 'light', width: 1280, height: 900 },
    { colorScheme: 'dark', width: 1280, height: 900 },
  ] as const;

  it.each(combinations)('has no violations on any page, $colorScheme at $width px', async ({ colorScheme, width, height }) => {
    // axe is injected as an inline script, which the pages' own CSP rightly forbids.
    const context = await browser.newContext({ viewport: { width, height }, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    const failures: string[] = [];
    try {
      for (const { url } of builtPages()) {
        await page.goto(server.url + url.replace(/^\//, ''));
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(
          (tags) =>
            (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe
              .run(document, { runOnly: { type: 'tag', values: tags } })
              .then((result) => result.violations),
          WCAG_TAGS,
        );
        for (const violation of violations) {
          for (const node of violation.nodes) failures.push(`${url}: ${violation.id} (${violation.help}) at ${node.target.join(' ')}`);
        }
      }
    } finally {
      await context.close();
    }
    expect(failures).toEqual([]);
  });
});
