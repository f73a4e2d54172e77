import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NOTES_PER_RELEASE, syntheticCorpus, uniqueTerm } from '../../scripts/bench/corpus';
import { ARCHITECTURE_IDS } from '../../src/lib/architectures';
import { CATEGORY_SLUGS } from '../../src/lib/categories';
import { STATUS_IDS } from '../../src/lib/statuses';

const frontmatter = (text: string) => parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;

describe('the synthetic benchmark corpus', () => {
  const files = syntheticCorpus(250);
  const notes = files.filter((file) => file.path.startsWith('notes/')).map((file) => ({ ...file, data: frontmatter(file.text) }));

  it('writes the requested number of notes, in releases of NOTES_PER_RELEASE', () => {
    expect(notes).toHaveLength(250);
    expect(files.filter((file) => file.path.startsWith('releases/'))).toHaveLength(Math.ceil(250 / NOTES_PER_RELEASE));
    for (const note of notes) expect(note.path).toMatch(new RegExp(`^notes/${String(note.data.release).replace('.', '\\.')}/`));
  });

  it('uses every category, architecture and status', () => {
    expect(new Set(notes.map((note) => note.data.category))).toEqual(new Set(CATEGORY_SLUGS));
    expect(new Set(notes.map((note) => note.data.architecture))).toEqual(new Set(ARCHITECTURE_IDS));
    expect(new Set(notes.map((note) => note.data.status))).toEqual(new Set(STATUS_IDS));
  });

  it('says of every note whether it is on by default, with both answers in every release', () => {
    for (const note of notes) expect(typeof note.data.enabledByDefault).toBe('boolean');
    for (const release of new Set(notes.map((note) => note.data.release))) {
      const answers = notes.filter((note) => note.data.release === release).map((note) => note.data.enabledByDefault);
      expect(new Set(answers)).toEqual(new Set([true, false]));
    }
  });

  it('is the same on every run, and a smaller corpus is the start of a larger one', () => {
    expect(syntheticCorpus(250)).toEqual(files);
    expect(syntheticCorpus(1000).slice(0, NOTES_PER_RELEASE + 1)).toEqual(files.slice(0, NOTES_PER_RELEASE + 1));
  });

  it('gives each note a term no other note has', () => {
    const holders = notes.filter((note) => note.text.includes(`${uniqueTerm(42)}.`));
    expect(holders.map((note) => note.path)).toEqual(['notes/10.0/note-42.md']);
  });

});
