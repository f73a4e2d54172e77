import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { createNoteSchema, createReleaseSchema } from '../../src/lib/schema';

const noteSchema = createNoteSchema(z.string());
const releaseSchema = createReleaseSchema(z.string());

const goodNote = {
  release: '4.7',
  category: 'security-features',
  feature: 'Live patching',
  anchor: 'live-patching',
  order: 1,
  architecture: 'x86',
  status: 'tech-preview',
  experimental: false,
  enabledByDefault: false,
  summary: 'Apply most security fixes to a running hypervisor without a reboot.',
};

const goodRelease = {
  version: '4.7.0',
  kind: 'feature',
  released: '2016-06-20',
  tag: 'RELEASE-4.7.0',
  branch: 'stable-4.7',
  summary: 'A feature release.',
};

/** The issues of a failed parse as "path: message" lines. */
function issuesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('note schema', () => {
  it('accepts a complete note and fills the defaults', () => {
    const note = noteSchema.parse(goodNote);
    expect(note.highlight).toBe(false);
    expect(note.aliases).toEqual([]);
    expect(note.sources).toEqual([]);
  });

  it('leaves the anchor optional', () => {
    const { anchor: _anchor, ...rest } = goodNote;
    expect(noteSchema.parse(rest).anchor).toBeUndefined();
  });

  it('requires enabledByDefault, so that no note is on by default through silence', () => {
    const { enabledByDefault: _enabled, ...missing } = goodNote;
    expect(issuesOf(noteSchema, missing)).toEqual([
      'enabledByDefault: expected true or false (false when the feature must be built, configured or switched on to be used), got nothing',
    ]);
    expect(issuesOf(noteSchema, { ...goodNote, enabledByDefault: 'no' })).toEqual([
      'enabledByDefault: expected true or false (false when the feature must be built, configured or switched on to be used), got "no"',
    ]);
    expect(noteSchema.parse({ ...goodNote, enabledByDefault: true }).enabledByDefault).toBe(true);
  });

  it('rejects an unknown category, naming the value and the valid ones', () => {
    expect(issuesOf(noteSchema, { ...goodNote, category: 'security' })).toEqual([
      'category: "security" is not a category; expected one of: security-features, migration-support, performance-and-workloads, usability-improvements, new-hardware-support, drivers-and-devices, security-fixes, upgrade-notes',
    ]);
  });

  it('rejects an unknown architecture, naming the value and the valid ones', () => {
    expect(issuesOf(noteSchema, { ...goodNote, architecture: 'riscv' })).toEqual([
      'architecture: "riscv" is not an architecture; expected one of: all, x86, x86-intel, arm, arm64',
    ]);
  });

  it('rejects a missing or blank feature title', () => {
    const { feature: _feature, ...missing } = goodNote;
    expect(issuesOf(noteSchema, missing)).toEqual(['feature: expected text, got nothing']);
    expect(issuesOf(noteSchema, { ...goodNote, feature: '   ' })).toEqual(['feature: expected non-empty text']);
  });

  it('rejects an experimental flag that is not a boolean', () => {
    expect(issuesOf(noteSchema, { ...goodNote, experimental: 'yes' })).toEqual(['experimental: expected true or false, got "yes"']);
  });

  it('rejects an experimental flag that contradicts the status', () => {
    expect(issuesOf(noteSchema, { ...goodNote, experimental: true })).toEqual([
      'experimental: expected false because status is "tech-preview" (experimental is true exactly when status is "experimental")',
    ]);
    expect(issuesOf(noteSchema, { ...goodNote, status: 'experimental', experimental: false })).toEqual([
      'experimental: expected true because status is "experimental" (experimental is true exactly when status is "experimental")',
    ]);
  });

  it('accepts an experimental feature flagged as experimental', () => {
    expect(issuesOf(noteSchema, { ...goodNote, status: 'experimental', experimental: true })).toEqual([]);
  });

  it('rejects an anchor that is not a simple slug', () => {
    expect(issuesOf(noteSchema, { ...goodNote, anchor: 'Live Patching' })[0]).toMatch(
      /^anchor: expected lowercase letters and digits/,
    );
  });

  it('rejects an unknown field, which is most often a misspelt one', () => {
    expect(issuesOf(noteSchema, { ...goodNote, archtecture: 'x86' })[0]).toMatch(/archtecture/);
  });

  it('accepts a status history whose every step has its evidence', () => {
    const history = [{ release: '4.10', status: 'supported', source: { title: 'SUPPORT.md', url: 'https://example.org/s' } }];
    expect(noteSchema.parse({ ...goodNote, history }).history).toEqual(history);
    expect(issuesOf(noteSchema, { ...goodNote, history: [{ release: '4.10', status: 'supported' }] })).toEqual([
      'history.0.source: Invalid input: expected object, received undefined',
    ]);
    expect(issuesOf(noteSchema, { ...goodNote, history: [{ ...history[0], release: 'next' }] })).toEqual([
      'history.0.release: expected a release, like "4.10"',
    ]);
  });

  it('rejects a source link that is not https', () => {
    const issues = issuesOf(noteSchema, { ...goodNote, sources: [{ title: 'Kconfig', url: 'ftp://example.org/x' }] });
    expect(issues[0]).toMatch(/^sources\.0\.url: /);
  });
});

describe('release schema', () => {
  it('accepts a feature release', () => {
    expect(issuesOf(releaseSchema, goodRelease)).toEqual([]);
  });

  it('accepts a release date that YAML has already read as a date', () => {
    const release = releaseSchema.parse({ ...goodRelease, released: new Date('2016-06-20T00:00:00Z') });
    expect(release.kind !== 'skipped' && release.released).toBe('2016-06-20');
  });

  it('rejects a malformed release date', () => {
    expect(issuesOf(releaseSchema, { ...goodRelease, released: '20/06/2016' })).toEqual([
      'released: expected a date written as YYYY-MM-DD, like 2016-06-20; got "20/06/2016"',
    ]);
    expect(issuesOf(releaseSchema, { ...goodRelease, released: '2016-13-40' })).toHaveLength(1);
  });

  it('rejects a version that is not a full version number', () => {
    expect(issuesOf(releaseSchema, { ...goodRelease, version: '4.7' })).toEqual([
      'version: expected a full version number, like "4.7.0"',
    ]);
  });

  it('requires a skipped version to name the release that replaced it', () => {
    const skipped = { version: '4.6.2', kind: 'skipped', summary: 'Skipped.' };
    expect(issuesOf(releaseSchema, skipped)[0]).toMatch(/^successor: /);
    expect(issuesOf(releaseSchema, { ...skipped, successor: '4.6.3' })).toEqual([]);
  });

  it('rejects a release kind it does not know', () => {
    expect(issuesOf(releaseSchema, { ...goodRelease, kind: 'beta' })[0]).toMatch(/^kind: /);
  });
});
