import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type SiteBuild } from '../support/fixture-build';
import { builtPages } from '../support/site';

let build: SiteBuild;
let blocks: Element[];

beforeAll(() => {
  build = buildFixture('code-blocks');
  if (build.status !== 0) throw new Error(build.output);
  const page = builtPages(build.outDir).find(({ url }) => url === '/releases/4.7/');
  blocks = [...(page?.document.querySelectorAll('article .code-block') ?? [])];
});

afterAll(() => build?.cleanUp());

describe('code blocks in notes', () => {
  it('are framed with their language label and a copy button', () => {
    expect(blocks.map((block) => block.querySelector('.code-language')?.textContent)).toEqual(['shell', 'xl.cfg']);
    for (const block of blocks) {
      expect(block.querySelector('button.code-copy.js-only[type="button"]')?.textContent).toBe('Copy');
      expect(block.querySelector('pre.astro-code code')).not.toBeNull();
    }
  });

  it('are highlighted in both the light and the dark theme, token by token', () => {
    for (const block of blocks) {
      const tokens = [...block.querySelectorAll('code .line > span')];
      expect(tokens.length).toBeGreaterThan(1);
      for (const token of tokens) expect(token.getAttribute('style')).toMatch(/^--shiki-light:#[0-9A-Fa-f]{6};--shiki-dark:#[0-9A-Fa-f]{6}$/);
      expect(new Set(tokens.map((token) => token.getAttribute('style'))).size, 'more than one colour').toBeGreaterThan(1);
    }
  });

  it('mark the line a note explains', () => {
    const lines = [...blocks[0]!.querySelectorAll('code .line')];
    expect(lines.map((line) => line.classList.contains('highlighted'))).toEqual([false, true]);
  });
});
