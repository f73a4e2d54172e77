import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useBrowserOnSite } from '../support/browser-session';
import { builtPages } from '../support/site';

const site = useBrowserOnSite();

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  const combinations = [
    { colorScheme: 'light', width: 375, height: 812 },
    { colorScheme: 'dark', width: 375, height: 812 },
    { colorScheme: 'light', width: 1280, height: 900 },
    { colorScheme: 'dark', width: 1280, height: 900 },
  ] as const;

  it.each(combinations)('has no violations on any page, $colorScheme at $width px', async ({ colorScheme, width, height }) => {
    // axe is injected as an inline script, which the pages' own CSP rightly forbids.
    const context = await site.browser.newContext({ viewport: { width, height }, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    const failures: string[] = [];
    try {
      for (const { url } of builtPages()) {
        await page.goto(site.url + url.replace(/^\//, ''));
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
