import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { htmlPageSizes, pageAddress, pageSizeSummary } from '../../scripts/bench/page-sizes';

describe('pageAddress', () => {
  it('serves index.html files at their folder', () => {
    expect(pageAddress('support/index.html')).toBe('/support/');
    expect(pageAddress('index.html')).toBe('/');
    expect(pageAddress('404.html')).toBe('/404.html');
  });
});

describe('pageSizeSummary', () => {
  const pages = [
    { path: '/a/', gzipBytes: 10 },
    { path: '/support/', gzipBytes: 481_000 },
    { path: '/c/', gzipBytes: 100_000 },
    { path: '/b/', gzipBytes: 100_000 },
    { path: '/d/', gzipBytes: 99_999 },
  ];

  it('lists the largest pages first, ties by address', () => {
    expect(pageSizeSummary(pages, 100_000, 3).largest.map((page) => page.path)).toEqual(['/support/', '/b/', '/c/']);
  });

  it('counts every page at or over the limit as over it', () => {
    const summary = pageSizeSummary(pages, 100_000);
    expect(summary.pages).toBe(5);
    expect(summary.over.map((page) => page.path)).toEqual(['/support/', '/b/', '/c/']);
  });

  it('lists every page over the limit among the largest, even beyond the count asked for', () => {
    expect(pageSizeSummary(pages, 100_000, 1).largest.map((page) => page.path)).toEqual(['/support/', '/b/', '/c/']);
  });

  it('finds nothing over the limit when every page is under it', () => {
    expect(pageSizeSummary(pages.slice(0, 1), 100_000).over).toEqual([]);
  });
});

describe('htmlPageSizes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-page-sizes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('measures every HTML file of a build, nested ones too, gzip-compressed, and nothing else', () => {
    const big = `<!doctype html><title>Support</title>${Array.from({ length: 2000 }, (_, index) => `<p>feature ${index} in release ${index % 7}</p>`).join('')}`;
    mkdirSync(join(dir, 'support'), { recursive: true });
    writeFileSync(join(dir, 'support', 'index.html'), big);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Home</title>');
    writeFileSync(join(dir, 'style.css'), 'body { color: red }');
    expect(htmlPageSizes(dir)).toEqual([
      { path: '/support/', gzipBytes: gzipSync(big).length },
      { path: '/', gzipBytes: gzipSync('<!doctype html><title>Home</title>').length },
    ]);
  });
});
