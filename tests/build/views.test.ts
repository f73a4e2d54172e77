import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteAnchor } from '../../src/lib/anchors';
import { getArchitecture, type ArchitectureId } from '../../src/lib/architectures';
import { CATEGORIES } from '../../src/lib/categories';
import { getStatus, type StatusId } from '../../src/lib/statuses';
import { CONTENT, builtPages, frontmatterOf } from '../support/site';

interface NoteFrontmatter {
  release: string;
  category: string;
  feature: string;
  anchor?: string;
  architecture: ArchitectureId;
  status: StatusId;
}

const notes = frontmatterOf(join(CONTENT, 'notes')).map(({ data }) => data as unknown as NoteFrontmatter);
const pages = builtPages();
const page = (url: string) => {
  const found = pages.find((candidate) => candidate.url === url);
  if (!found) throw new Error(`No page ${url}`);
  return found.document;
};
const linkedNotes = (url: string) =>
  [...page(url).querySelectorAll('main .note-links a')].map((link) => link.getAttribute('href')).sort();
const urlOf = (note: NoteFrontmatter) => `/releases/${note.release}/#${noteAnchor(note)}`;

describe('the cross-release views', () => {
  it('list every note of a category on its category page, and nothing else', () => {
    for (const category of CATEGORIES) {
      const expected = notes.filter((note) => note.category === category.slug).map(urlOf).sort();
      if (expected.length === 0) continue;
      expect(linkedNotes(`/categories/${category.slug}/`), category.slug).toEqual(expected);
    }
  });

  it('list every note of an architecture family on its page, ARM64 under ARM, Intel under x86', () => {
    for (const family of ['all', 'x86', 'arm']) {
      const expected = notes.filter((note) => getArchitecture(note.architecture).family === family).map(urlOf).sort();
      expect(linkedNotes(`/architectures/${family}/`), family).toEqual(expected);
    }
    expect(linkedNotes('/architectures/arm/')).toContain('/releases/4.7/#sbbr-acpi');
    expect(linkedNotes('/architectures/x86/')).toContain('/releases/4.7/#cdp');
  });

  it('show every feature with its status in each release that has it in the support matrix', () => {
    const document = page('/support/');
    const rows = [...document.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(notes.length);
    // Rows follow the release pages: categories in their order, notes by position.
    const pageOrder = ['4.7', '4.6.3'].flatMap((release) =>
      [...page(`/releases/${release}/`).querySelectorAll('article[data-search-record] h3 [data-pagefind-meta="title"]')].map(
        (title) => title.textContent,
      ),
    );
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(pageOrder);
    for (const note of notes) {
      const row = rows.find((candidate) => candidate.querySelector('th')?.textContent === note.feature);
      expect(row, note.feature).toBeDefined();
      const entries = [...row!.querySelectorAll('.statuses a')];
      const sameFeature = notes.filter((other) => noteAnchor(other) === noteAnchor(note));
      expect(entries).toHaveLength(sameFeature.length);
      const entry = entries.find((link) => link.getAttribute('href') === urlOf(note));
      const label = note.status === 'unlabelled' ? 'No label' : getStatus(note.status).label;
      expect(entry?.textContent?.replace(/\s+/g, ' ').trim(), `${note.feature} in ${note.release}`).toBe(`Xen ${note.release}: ${label}`);
    }
  });
});
