import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noteAnchor } from '../../src/lib/anchors';
import { getArchitecture, type ArchitectureId } from '../../src/lib/architectures';
import { CATEGORIES, getCategory, type CategorySlug } from '../../src/lib/categories';
import { getStatus, type StatusId } from '../../src/lib/statuses';
import { compareVersions } from '../../src/lib/versions';
import { CONTENT, builtPages, frontmatterOf } from '../support/site';

interface NoteFrontmatter {
  release: string;
  category: string;
  feature: string;
  anchor?: string;
  architecture: ArchitectureId;
  status: StatusId;
  history?: { release: string; status: StatusId; detail?: string; source: { title: string; url: string } }[];
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

  it('make the support matrix a grid of features by release: rows features only, cells each status with its evidence', () => {
    const document = page('/support/');
    const features = notes.filter((note) => getCategory(note.category as CategorySlug).features);
    expect(features.length).toBeGreaterThan(15);
    // Columns: every release of a feature's note or of its history, oldest first.
    const columns = [...new Set(features.flatMap((note) => [note.release, ...(note.history ?? []).map((step) => step.release)]))].sort(
      compareVersions,
    );
    expect(columns).toEqual(expect.arrayContaining(['4.7', '4.8', '4.10']));
    expect([...document.querySelectorAll('thead th')].map((cell) => cell.textContent?.trim())).toEqual([
      'Feature',
      ...columns.map((release) => `Xen ${release}`),
    ]);
    // Rows: the features, and neither an advisory nor a note about the release itself.
    const rows = [...document.querySelectorAll('tbody tr:not(.matrix-group)')];
    const titles = rows.map((row) => row.querySelector('th')?.textContent?.trim());
    expect(titles.sort()).toEqual(features.map((note) => note.feature).sort());
    for (const excluded of notes.filter((note) => !features.includes(note))) expect(titles).not.toContain(excluded.feature);

    for (const note of features) {
      const row = rows.find((candidate) => candidate.querySelector('th')?.textContent?.trim() === note.feature)!;
      const cells = [...row.querySelectorAll('td')];
      expect(cells, note.feature).toHaveLength(columns.length);
      const cellOf = (release: string) => cells[columns.indexOf(release)]!;
      const own = cellOf(note.release).querySelector('a');
      expect(own?.getAttribute('href'), note.feature).toBe(urlOf(note));
      expect(own?.textContent?.trim()).toBe(note.status === 'unlabelled' ? 'Included' : getStatus(note.status).label);
      for (const step of note.history ?? []) {
        const link = cellOf(step.release).querySelector('a');
        expect(link?.getAttribute('href'), `${note.feature} in ${step.release}`).toBe(step.source.url);
        expect(link?.textContent?.trim()).toBe(step.status === 'unlabelled' ? 'No label' : getStatus(step.status).label);
        if (step.detail) expect(cellOf(step.release).textContent).toContain(step.detail);
      }
      // Nothing is claimed for a release that says nothing about the feature.
      const known = new Set([note.release, ...(note.history ?? []).map((step) => step.release)]);
      for (const release of columns.filter((column) => !known.has(column))) {
        expect(cellOf(release).textContent?.trim(), `${note.feature} in ${release}`).toBe('');
      }
    }
  });
});
