import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedInterfaceChanges } from '../../src/lib/interface-export';
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

  it('link the interface entries they show to the note, on the page and in the export', () => {
    const page = builtPages(build.outDir).find(({ url }) => url === '/releases/4.7/interface/')?.document;
    const shownIn = (anchor: string) =>
      [...(page?.getElementById(anchor)?.querySelectorAll('.interface-entry-links a[href^="/"]') ?? [])].map((link) => [link.textContent, link.getAttribute('href')]);
    for (const anchor of ['xen-livepatch-list', 'xen-livepatch-apply', 'cfg-usbctrl']) expect(shownIn(anchor), anchor).toEqual([['Live patching', '/releases/4.7/#live-patching']]);
    expect(shownIn('xen-livepatch-revert')).toEqual([]);
    const exported = JSON.parse(readFileSync(join(build.outDir, 'api/releases/4.7/interface.json'), 'utf8')) as ExportedInterfaceChanges;
    const explained = exported.kinds.flatMap((kind) => kind.entries).filter((entry) => entry.explainedBy.length > 0);
    expect(explained.map((entry) => [entry.anchor, entry.explainedBy])).toEqual(
      ['cfg-usbctrl', 'xen-livepatch-list', 'xen-livepatch-apply'].map((anchor) => [anchor, [{ feature: 'Live patching', url: 'http://127.0.0.1:4321/releases/4.7/#live-patching' }]]),
    );
  });

  it('mark the line a note explains', () => {
    const lines = [...blocks[0]!.querySelectorAll('code .line')];
    expect(lines.map((line) => line.classList.contains('highlighted'))).toEqual([false, true]);
  });
});
