import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_AREAS, type ChangeAreaId } from '../../src/lib/change-areas';
import { openIndex, type SearchIndex } from '../support/pagefind';
import { DIST, builtPages } from '../support/site';

interface DataCommit {
  id: string;
  title: string;
  area: ChangeAreaId;
  advisories: string[];
  followUpOf?: { advisory: string };
}

const readData = (release: string) =>
  JSON.parse(readFileSync(`content/changelog/${release}.json`, 'utf8')) as { from: string; to: string; commits: DataCommit[] };
const listed = readData('4.6.3');
const tallied = readData('4.7');
const readJson = (path: string) => JSON.parse(readFileSync(join(DIST, path), 'utf8')) as Record<string, unknown>;
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let pages: ReturnType<typeof builtPages>;
const page = (url: string) => {
  const found = pages.find((candidate) => candidate.url === url);
  if (!found) throw new Error(`No built page at ${url}`);
  return found.document;
};

beforeAll(() => {
  pages = builtPages();
});

describe('the 4.6.3 change log', () => {
  it('lists exactly the commits of the data file, grouped by area in the areas’ order, each area counted', () => {
    const document = page('/releases/4.6.3/');
    const section = document.querySelector('section.changelog');
    expect(section?.querySelector('h2')?.id).toBe('changelog');
    expect(text(section?.querySelector('h2'))).toContain('Every change since 4.6.1');
    const expectedAreas = CHANGE_AREAS.filter((area) => listed.commits.some((commit) => commit.area === area.id));
    const areas = [...(section?.querySelectorAll('section.changelog-area') ?? [])];
    expect(areas.map((area) => area.querySelector('h3')?.id)).toEqual(expectedAreas.map((area) => `changelog-${area.id}`));
    const rendered: string[] = [];
    for (const [index, area] of areas.entries()) {
      const expected = listed.commits.filter((commit) => commit.area === expectedAreas[index]?.id);
      const entries = [...area.querySelectorAll('li')];
      expect(entries.map((entry) => entry.id)).toEqual(expected.map((commit) => `commit-${commit.id.slice(0, 10)}`));
      expect(text(area.querySelector('h3'))).toContain(`${expectedAreas[index]?.title} (${expected.length} ${expected.length === 1 ? 'commit' : 'commits'})`);
      rendered.push(...entries.map((entry) => entry.id));
    }
    expect(rendered).toHaveLength(119);
    const summary = [...(section?.querySelectorAll('.changelog-areas li') ?? [])].map(text);
    expect(summary).toEqual(expectedAreas.map((area) => `${area.title} ${listed.commits.filter((commit) => commit.area === area.id).length}`));
  });

  it('shows each commit by its short id linked upstream, followed by its title as its author wrote it', () => {
    const document = page('/releases/4.6.3/');
    for (const commit of listed.commits) {
      const entry = document.getElementById(`commit-${commit.id.slice(0, 10)}`);
      const link = entry?.querySelector('a.commit-id');
      expect(link?.textContent).toBe(commit.id.slice(0, 10));
      expect(link?.getAttribute('href')).toBe(`https://github.com/xen-project/xen/commit/${commit.id.slice(0, 10)}`);
      const described = entry?.querySelector(':scope > span')?.textContent ?? '';
      const notes = entry?.querySelector('.commit-notes')?.textContent ?? '';
      expect(described.slice(0, described.length - notes.length).trim()).toBe(commit.title.trim());
    }
  });

  it('links every advisory a commit names to that advisory’s note on the page', () => {
    const document = page('/releases/4.6.3/');
    let links = 0;
    for (const commit of listed.commits) {
      const entry = document.getElementById(`commit-${commit.id.slice(0, 10)}`);
      const hrefs = [...(entry?.querySelectorAll('.commit-notes a[href^="#"]') ?? [])].map((link) => link.getAttribute('href') ?? '');
      const expected = [...commit.advisories, ...(commit.followUpOf ? [commit.followUpOf.advisory] : [])].map((id) => `#${id.toLowerCase()}`);
      expect(hrefs, commit.id).toEqual(expected);
      for (const href of hrefs) {
        expect(document.querySelector(`article h3${href}`), `${commit.id} → ${href}`).not.toBeNull();
        links++;
      }
    }
    expect(links).toBeGreaterThan(40);
  });

  it('marks the follow-ups of XSA-154 and XSA-178 on those advisories’ notes, linked to their entries', () => {
    const document = page('/releases/4.6.3/');
    const followUps = (anchor: string) =>
      [...(document.getElementById(anchor)?.closest('article')?.querySelectorAll('.follow-ups li a') ?? [])].map((link) => link.getAttribute('href'));
    expect(text(document.getElementById('xsa-154')?.closest('article')?.querySelector('.follow-ups-title'))).toBe('Fixed again in 4.6.3');
    expect(followUps('xsa-154')).toEqual(['#commit-301d683842', '#commit-ec92e7c629']);
    expect(followUps('xsa-178')).toEqual(['#commit-8b7a356409']);
    const withFollowUps = [...document.querySelectorAll('article .follow-ups')].map((block) => block.closest('article')?.querySelector('h3')?.id);
    expect(withFollowUps).toEqual(['xsa-154', 'xsa-178']);
    expect(text(document.getElementById('commit-ec92e7c629')?.querySelector('.commit-notes'))).toContain('Follow-up: the XSA-154 fix');
  });

  it('is listed in both outlines of the page', () => {
    const document = page('/releases/4.6.3/');
    for (const outline of document.querySelectorAll('nav.toc')) {
      expect(outline.querySelector('a[href="#changelog"]')?.textContent).toBe('Every change since 4.6.1');
    }
    expect(document.querySelectorAll('nav.toc a[href="#changelog"]').length).toBe(2);
  });

  it('finds each commit by a prefix of its id and by words of its title, at its entry', async () => {
    const index: SearchIndex = await openIndex();
    try {
      for (const query of ['8b7a356409', '8b7a356', 'NULL pointer XS nodename']) {
        const [first] = await index.search(query);
        expect(first?.url, query).toBe('/releases/4.6.3/#commit-8b7a356409');
        expect(first?.meta).toMatchObject({ title: 'Commit 8b7a356409', release: 'Xen 4.6.3', area: 'libxl and xl' });
      }
      const commits = (await index.search('commit')).filter((result) => result.url.includes('#commit-'));
      expect(commits.length).toBeGreaterThan(0);
      // Commit records carry no filters: the facets count features.
      for (const result of commits) expect(result.filters).toEqual({});
    } finally {
      await index.close();
    }
  });
});

describe('the 4.7 counterpart in figures', () => {
  it('draws the 1,611 commits from RELEASE-4.6.0 to RELEASE-4.7.0 by area, each bar linking to that range upstream', () => {
    const document = page('/releases/4.7/');
    const chart = document.querySelector('section.changelog figure.bar-chart svg');
    expect(chart?.getAttribute('role')).toBe('group');
    const expected = CHANGE_AREAS.map((area) => [area.title, tallied.commits.filter((commit) => commit.area === area.id).length] as const).filter(
      ([, count]) => count > 0,
    );
    expect(expected.reduce((total, [, count]) => total + count, 0)).toBe(1611);
    const links = [...(chart?.querySelectorAll('a') ?? [])];
    expect(links.map((link) => [...link.querySelectorAll('text')].map((part) => part.textContent).join(' '))).toEqual(
      expected.map(([title, count]) => `${title} ${count} commits`),
    );
    for (const link of links) expect(link.getAttribute('href')).toBe('https://github.com/xen-project/xen/compare/RELEASE-4.6.0...RELEASE-4.7.0');
    expect(text(chart?.querySelector('desc'))).toBe(expected.map(([title, count]) => `${title}: ${count.toLocaleString('en')} commits`).join('. '));
    expect(text(document.querySelector('section.changelog'))).toContain('The 1,611 commits (merges aside)');
    expect(document.querySelectorAll('nav.toc a[href="#changelog"]').length).toBe(2);
  });
});

describe('the change log in the JSON exports', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(readJson('schema/changelog.json'));

  it('publishes every 4.6.3 commit with its full id upstream and its entry on the page, valid against /schema/changelog.json', () => {
    const { changelog } = readJson('api/releases/4.6.3.json') as { changelog: { kind: string; commits: { id: string; url: string; entryUrl: string }[]; areas: { commits: number }[] } };
    expect(validate(changelog), ajv.errorsText(validate.errors)).toBe(true);
    expect(changelog.kind).toBe('list');
    expect(changelog.commits.map((commit) => commit.id)).toEqual(listed.commits.map((commit) => commit.id));
    const [first] = changelog.commits;
    expect(first?.url).toBe(`https://github.com/xen-project/xen/commit/${first?.id}`);
    expect(first?.entryUrl).toBe(`http://127.0.0.1:4321/releases/4.6.3/#commit-${first?.id.slice(0, 10)}`);
    expect(changelog.areas.reduce((total, area) => total + area.commits, 0)).toBe(119);
  });

  it('publishes the 4.7 counts by area, valid against the same schema, and rejects a broken one', () => {
    const { changelog } = readJson('api/releases/4.7.json') as { changelog: { kind: string; total: number; areas: { id: string; commits: number }[] } };
    expect(validate(changelog), ajv.errorsText(validate.errors)).toBe(true);
    expect(changelog).toMatchObject({ kind: 'tally', total: 1611 });
    expect(changelog.areas.reduce((total, area) => total + area.commits, 0)).toBe(1611);
    expect(validate({ ...changelog, areas: [{ ...changelog.areas[0], id: 'kernel' }] })).toBe(false);
    expect(readJson('api/releases.json')).toMatchObject({ releases: expect.arrayContaining([expect.objectContaining({ id: '4.6.3', changelog: expect.any(Object) })]) });
  });
});
