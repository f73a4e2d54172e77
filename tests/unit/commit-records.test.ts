import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { COMMIT_WEIGHT, commitSearchMeta, pagefindAttributes } from '../../src/lib/search-fields';
import { extractRecords, markRecords, RECORD_ATTRIBUTE } from '../../src/lib/search-records';

const page = `<main><article data-search-record="xsa-178"><h3 id="xsa-178">XSA-178</h3></article>
  <ul class="changelog-list"><li id="commit-8b7a356409"><a href="https://github.com/xen-project/xen/commit/8b7a356409">8b7a356409</a><span>libxl: Fix NULL pointer</span></li>
  <li class="other" id="commit-866bea560b"><a href="#x">866bea560b</a><span>libxl: Make copy</span></li></ul></main>`;

describe('change-log commits as search records', () => {
  it('are marked in the indexed copy of the page only, each becoming a record of its own', () => {
    const marked = markRecords(page, new Set(['commit-8b7a356409', 'commit-866bea560b']), '/releases/4.6.3/');
    expect(page).not.toContain('data-search-record="commit-');
    expect(marked).toContain(`<li ${RECORD_ATTRIBUTE}="commit-866bea560b" class="other" id="commit-866bea560b">`);
    const records = extractRecords(marked, '/releases/4.6.3/');
    expect(records.map((record) => record.url)).toEqual([
      '/releases/4.6.3/#xsa-178',
      '/releases/4.6.3/#commit-8b7a356409',
      '/releases/4.6.3/#commit-866bea560b',
    ]);
    const { document } = parseHTML(records[1]?.content ?? '');
    expect(document.querySelector('[data-pagefind-body]')?.textContent).toBe('8b7a356409libxl: Fix NULL pointer');
  });

  it('stop the indexing when a commit of the change log is not on the page', () => {
    expect(() => markRecords(page, new Set(['commit-8b7a356409', 'commit-0123456789']), '/releases/4.6.3/')).toThrow(
      '/releases/4.6.3/: no element has the id of the record #commit-0123456789',
    );
  });

  it('carry the short id, release and area as metadata, and weigh less than a note', () => {
    const meta = commitSearchMeta({ shortId: '8b7a356409', area: 'libxl-and-xl' }, 'Xen 4.6.3');
    expect(meta).toEqual({ title: 'Commit 8b7a356409', release: 'Xen 4.6.3', area: 'libxl and xl' });
    expect(pagefindAttributes('meta', meta)['data-pagefind-meta']).toBe('title[data-meta-title], release[data-meta-release], area[data-meta-area]');
    expect(Number(COMMIT_WEIGHT)).toBeLessThan(1);
  });
});
