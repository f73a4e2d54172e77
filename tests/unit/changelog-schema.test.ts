import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { createChangeLogSchema, exportedChangeLogSchema } from '../../src/lib/schema';

const schema = createChangeLogSchema(z.string());

const goodCommit = {
  id: '8b7a356409023f60f80e9f4b00bba16ad56cd77b',
  date: '2016-06-08',
  author: 'Ian Jackson',
  title: 'libxl: Fix NULL pointer due to XSA-178 fix wrong XS nodename',
  area: 'libxl-and-xl',
  files: ['tools/libxl/libxl.c'],
  advisories: ['XSA-178'],
  cves: [],
  mentions: [],
  followUpOf: { advisory: 'XSA-178', summary: 'read a mistyped xenstore path', evidence: 'libxl: Fix NULL pointer due to XSA-178 fix wrong XS nodename' },
};
const file = (commits: unknown[]) => ({ kind: 'list', release: '4.6.3', from: 'RELEASE-4.6.1', to: 'RELEASE-4.6.3', commits });

/** The issues of a failed parse as "path: message" lines. */
function issuesOf(input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('change-log schema', () => {
  it('accepts a listed commit and keeps its title byte for byte', () => {
    const title = ' x86: a title with spaces around it ';
    expect(schema.parse(file([{ ...goodCommit, title }])).commits[0]?.title).toBe(title);
  });

  it('names the commit, by position and title, whose id is not 40 hex digits', () => {
    expect(issuesOf(file([goodCommit, { ...goodCommit, id: '8b7a356409' }]))).toEqual([
      'commits.1.id: commit #2 ("libxl: Fix NULL pointer due to XSA-178 fix wrong XS nodename"), field "id": expected a commit id of 40 lowercase hex digits, like "8b7a356409023f60f80e9f4b00bba16ad56cd77b"; got "8b7a356409"',
    ]);
  });

  it('names the commit, by id, whose area is unknown, and lists the areas', () => {
    expect(issuesOf(file([{ ...goodCommit, area: 'kernel' }]))).toEqual([
      'commits.0.area: commit 8b7a356409023f60f80e9f4b00bba16ad56cd77b, field "area": "kernel" is not a change-log area; expected one of: x86, arm, scheduler, common, libxl-and-xl, tools, subprojects, build',
    ]);
  });

  it('names a malformed advisory and an unknown field', () => {
    expect(issuesOf(file([{ ...goodCommit, advisories: ['XSA178'], note: 'x' }]))).toEqual([
      'commits.0.advisories.0: commit 8b7a356409023f60f80e9f4b00bba16ad56cd77b, field "advisories.0": expected a Xen Security Advisory like "XSA-178"; got "XSA178"',
      'commits.0: commit 8b7a356409023f60f80e9f4b00bba16ad56cd77b: Unrecognized key: "note"',
    ]);
  });

  it('checks a tallied change log for what its areas were decided from', () => {
    const tallied = { kind: 'tally', release: '4.7', from: 'RELEASE-4.6.0', to: 'RELEASE-4.7.0' };
    const { id, title, files, area } = goodCommit;
    expect(schema.parse({ ...tallied, commits: [{ id, title, files, area }] }).commits).toHaveLength(1);
    expect(issuesOf({ ...tallied, commits: [{ id, title, files: [], area }] })).toEqual([
      'commits.0.files: commit 8b7a356409023f60f80e9f4b00bba16ad56cd77b, field "files": expected the files the commit touches',
    ]);
  });

  it('has a JSON Schema form for the exports', () => {
    const jsonSchema = z.toJSONSchema(exportedChangeLogSchema) as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect((jsonSchema.oneOf ?? jsonSchema.anyOf)?.length).toBe(2);
  });
});
