import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { noteAnchor } from '../../src/lib/anchors';
import { CONTENT, DIST, builtPages, frontmatterOf } from '../support/site';

const SITE = 'http://127.0.0.1:4321';
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const readJson = (path: string) => JSON.parse(read(path)) as unknown;
const notes = frontmatterOf(join(CONTENT, 'notes')).map(({ data }) => data as { release: string; feature: string; anchor?: string });

interface ExportedRelease {
  id: string;
  url: string;
  notes: ({ id: string; url: string; anchor: string; release: string } & Record<string, unknown>)[];
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validateNote = ajv.compile(readJson('schema/note.json') as object);

function invalidNotes(release: ExportedRelease): string[] {
  return release.notes.flatMap((note) => {
    const valid: boolean = validateNote(note);
    return valid ? [] : [`${release.id}/${note.id}: ${ajv.errorsText(validateNote.errors)}`];
  });
}

describe('the JSON exports', () => {
  const index = readJson('api/releases.json') as { releases: ExportedRelease[] };

  it('hold every note of every release, each valid against /schema/note.json', () => {
    expect(index.releases.map((release) => release.id)).toEqual(['4.7', '4.6.3', '4.6.2']);
    expect(index.releases.flatMap(invalidNotes)).toEqual([]);
    const exported = index.releases.flatMap((release) => release.notes.map((note) => note.url)).sort();
    const expected = notes.map((note) => `${SITE}/releases/${note.release}/#${noteAnchor(note)}`).sort();
    expect(exported).toEqual(expected);
  });

  it('publish each release on its own, the same as in the index', () => {
    for (const release of index.releases) {
      const single = readJson(`api/releases/${release.id}.json`) as ExportedRelease;
      expect(single).toEqual(release);
      expect(invalidNotes(single)).toEqual([]);
      expect(single.url).toBe(`${SITE}/releases/${release.id}/`);
    }
  });

  it('reject a note that breaks the schema, so the check can fail', () => {
    const [release] = index.releases;
    const broken = { ...release!, notes: [{ ...release!.notes[0]!, architecture: 'riscv' }] } as ExportedRelease;
    expect(invalidNotes(broken)[0]).toContain('architecture must be equal to one of the allowed values');
  });
});

describe('the feed, sitemap and robots.txt', () => {
  it('publish an RSS 2.0 feed of the releases, newest first', () => {
    const xml = read('feed.xml');
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const { rss } = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      rss: { '@_version': string; channel: { title: string; link: string; description: string; item: { title: string; link: string; guid: unknown; pubDate: string; description: string }[] } };
    };
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel).toMatchObject({ title: expect.any(String), link: `${SITE}/`, description: expect.any(String) });
    expect(rss.channel.item.map((item) => item.link)).toEqual([`${SITE}/releases/4.7/`, `${SITE}/releases/4.6.3/`]);
    for (const item of rss.channel.item) {
      expect(item.pubDate).toBe('Mon, 20 Jun 2016 00:00:00 GMT');
      expect(item.guid).toBeTruthy();
      expect(item.description.length).toBeGreaterThan(20);
    }
  });

  it('list every page but the 404 in the sitemap, which robots.txt names', () => {
    const sitemap = read('sitemap-0.xml');
    expect(SyntaxValidator.validate(sitemap)).toBe(true);
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]).sort();
    const pages = builtPages()
      .map(({ url }) => url)
      .filter((url) => url !== '/404.html')
      .map((url) => `${SITE}${url}`)
      .sort();
    expect(locations).toEqual(pages);
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });

  it('give every page a canonical URL, Open Graph and Twitter card data, and the feed', () => {
    for (const { url, document } of builtPages()) {
      const meta = (selector: string) => document.querySelector(selector)?.getAttribute('content');
      const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      if (url === '/404.html') {
        expect(canonical).toBeUndefined();
        expect(meta('meta[name="robots"]')).toBe('noindex');
        continue;
      }
      expect(canonical, url).toBe(`${SITE}${url}`);
      expect(meta('meta[property="og:url"]'), url).toBe(canonical);
      expect(meta('meta[property="og:title"]'), url).toBe(document.title);
      expect(meta('meta[property="og:description"]'), url).toBe(meta('meta[name="description"]'));
      expect(meta('meta[name="twitter:card"]'), url).toBe('summary');
      expect(document.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe('/feed.xml');
    }
  });
});
