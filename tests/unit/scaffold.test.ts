import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ScaffoldError, scaffoldNote, scaffoldRelease } from '../../src/lib/scaffold';
import { createNoteSchema, createReleaseSchema } from '../../src/lib/schema';

const frontmatter = (text: string) => parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as unknown;
const existing = [
  { category: 'security-features', order: 1, anchor: 'live-patching' },
  { category: 'security-features', order: 4, anchor: 'restartable-dom0' },
];

describe('scaffoldNote', () => {
  it('writes a note the schema accepts, after the others of its category', () => {
    const file = scaffoldNote(
      { release: '4.7', category: 'security-features', feature: 'XSM: "FLASK" policy', status: 'experimental', enabledByDefault: 'false' },
      ['4.7'],
      existing,
    );
    expect(file.path).toBe('content/notes/4.7/xsm-flask-policy.md');
    const data = createNoteSchema(z.string()).parse(frontmatter(file.text));
    expect(data).toMatchObject({
      feature: 'XSM: "FLASK" policy',
      order: 5,
      experimental: true,
      architecture: 'all',
      enabledByDefault: false,
    });
  });

  it('writes the enabledByDefault it is given', () => {
    const request = { release: '4.7', category: 'security-features', feature: 'New thing', enabledByDefault: 'true' };
    expect(frontmatter(scaffoldNote(request, ['4.7'], existing).text)).toMatchObject({ enabledByDefault: true });
  });

  it.each([
    [{ release: '4.9' }, '--release "4.9" is no release; expected one of: 4.7'],
    [{ category: 'security' }, '--category "security" is not valid; expected one of: security-features'],
    [{ architecture: 'riscv' }, '--architecture "riscv" is not valid; expected one of: all, x86'],
    [{ status: 'beta' }, '--status "beta" is not valid'],
    [{ feature: '  ' }, '--feature is empty'],
    [{ feature: 'Live patching' }, 'already has a note with the anchor "#live-patching"'],
    [{ feature: 'Migration Support' }, 'the anchor "#migration-support" is a category\'s'],
    [{ anchor: 'Not A Slug' }, '--anchor "Not A Slug" is not valid'],
    [{ enabledByDefault: undefined }, '--enabled-by-default is missing; expected true, or false when the feature must be built'],
    [{ enabledByDefault: 'yes' }, '--enabled-by-default "yes" is not valid; expected one of: true, false'],
  ])('refuses %o', (override, message) => {
    const request = { release: '4.7', category: 'security-features', feature: 'New thing', enabledByDefault: 'false', ...override };
    expect(() => scaffoldNote(request, ['4.7'], existing)).toThrow(ScaffoldError);
    expect(() => scaffoldNote(request, ['4.7'], existing)).toThrow(message);
  });
});

describe('scaffoldRelease', () => {
  it('writes a feature release for x.y and a maintenance release for x.y.z, both valid', () => {
    const schema = createReleaseSchema(z.string());
    const feature = scaffoldRelease('4.8', '2016-12-06', ['4.7']);
    expect(feature.path).toBe('content/releases/4.8.md');
    expect(schema.parse(frontmatter(feature.text))).toMatchObject({ version: '4.8.0', kind: 'feature', tag: 'RELEASE-4.8.0' });
    const maintenance = scaffoldRelease('4.7.1', '2016-10-05', ['4.7']);
    expect(schema.parse(frontmatter(maintenance.text))).toMatchObject({ kind: 'maintenance', branch: 'stable-4.7' });
  });

  it('refuses a bad version, a bad date or an existing release', () => {
    expect(() => scaffoldRelease('4.8-rc1', '2016-12-06', [])).toThrow('"4.8-rc1" is not a version');
    expect(() => scaffoldRelease('4.8', '6/12/2016', [])).toThrow('--date "6/12/2016" is not a date');
    expect(() => scaffoldRelease('4.7.0', '2016-06-20', ['4.7'])).toThrow('release 4.7 exists already');
  });
});
