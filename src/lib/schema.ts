import { z } from 'astro/zod';
import { ARCHITECTURE_IDS } from './architectures.ts';
import { CATEGORY_SLUGS } from './categories.ts';
import { CHANGE_AREA_IDS } from './change-areas.ts';
import { STATUS_IDS } from './statuses.ts';

/** Lowercase words joined by single hyphens: safe in a URL fragment and stable. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Shows a wrong value in an error message the way it stands in the frontmatter. */
function shown(input: unknown): string {
  return input === undefined ? 'nothing' : JSON.stringify(input);
}

/** An enum whose error names the wrong value and every valid one. */
function oneOf<const Values extends readonly [string, ...string[]]>(values: Values, what: string) {
  return z.enum(values, {
    error: (issue) => `${shown(issue.input)} is not ${what}; expected one of: ${values.join(', ')}`,
  });
}

const slug = z.string().regex(SLUG_PATTERN, {
  error: 'expected lowercase letters and digits joined by single hyphens, like "live-patching"',
});
const version = z.string().regex(/^\d+\.\d+\.\d+$/, {
  error: 'expected a full version number, like "4.7.0"',
});
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, {
  error: 'expected a year and month, like "2017-12"',
});
const text = z
  .string({ error: (issue) => `expected text, got ${shown(issue.input)}` })
  .trim()
  .min(1, { error: 'expected non-empty text' });
const source = z.object({ title: text, url: z.url({ protocol: /^https$/ }) });

/**
 * A release date, written as YYYY-MM-DD. YAML reads an unquoted date as a
 * Date, so that form is turned back into the same YYYY-MM-DD text.
 */
const releaseDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: (issue) => `expected a date written as YYYY-MM-DD, like 2016-06-20; got ${shown(issue.input)}` }),
);

const commonReleaseFields = {
  version,
  summary: text,
  sources: z.array(source).default([]),
};

/**
 * Schema of a release. A skipped version has no date or tag of its own, only
 * the version that took its place; `successor` is a reference to that release.
 */
export function createReleaseSchema<Reference extends z.ZodType>(releaseReference: Reference) {
  return z.discriminatedUnion('kind', [
    z.strictObject({
      ...commonReleaseFields,
      kind: z.enum(['feature', 'maintenance']),
      released: releaseDate,
      tag: z.string().regex(/^RELEASE-\d+\.\d+\.\d+$/, {
        error: 'expected a Xen release tag, like "RELEASE-4.7.0"',
      }),
      branch: z
        .string()
        .regex(/^stable-\d+\.\d+$/, { error: 'expected a stable branch, like "stable-4.7"' })
        .optional(),
      support: z.strictObject({ normalUntil: yearMonth, securityUntil: yearMonth }).optional(),
      facts: z.array(z.strictObject({ label: text, value: text })).default([]),
      contributors: z.array(text).default([]),
      newcomers: z.array(text).default([]),
    }),
    z.strictObject({
      ...commonReleaseFields,
      kind: z.literal('skipped'),
      successor: releaseReference,
    }),
  ]);
}

/** The fields of a note's frontmatter; `release` is whatever identifies a release. */
function noteFields<Reference extends z.ZodType>(releaseReference: Reference) {
  return {
    release: releaseReference,
    category: oneOf(CATEGORY_SLUGS, 'a category'),
    feature: text,
    anchor: slug.optional(),
    order: z.int().positive(),
    architecture: oneOf(ARCHITECTURE_IDS, 'an architecture'),
    status: oneOf(STATUS_IDS, 'a status'),
    experimental: z.boolean({ error: (issue) => `expected true or false, got ${shown(issue.input)}` }),
    /** Required, so that no note is on by default through silence. */
    enabledByDefault: z.boolean({
      error: (issue) =>
        `expected true or false (false when the feature must be built, configured or switched on to be used), got ${shown(issue.input)}`,
    }),
    highlight: z.boolean().default(false),
    summary: text.max(200, { error: 'expected one sentence of at most 200 characters' }),
    aliases: z.array(text).default([]),
    sources: z.array(source).default([]),
    /** How the feature's status changed in later releases, each step with its evidence. */
    history: z
      .array(
        z.strictObject({
          release: z.string().regex(/^\d+\.\d+(\.\d+)?$/, { error: 'expected a release, like "4.10"' }),
          status: oneOf(STATUS_IDS, 'a status'),
          detail: text.optional(),
          source,
        }),
      )
      .default([]),
  };
}

/**
 * Schema of a note: one feature or fix of one release. `experimental` is the
 * design's flag; it must agree with `status`, so the two can never contradict.
 */
export function createNoteSchema<Reference extends z.ZodType>(releaseReference: Reference) {
  return z.strictObject(noteFields(releaseReference)).superRefine((note, context) => {
    if (note.experimental !== (note.status === 'experimental')) {
      context.addIssue({
        code: 'custom',
        path: ['experimental'],
        message: `expected ${String(note.status === 'experimental')} because status is "${note.status}" (experimental is true exactly when status is "experimental")`,
      });
    }
  });
}

/**
 * A note as the JSON exports publish it: the frontmatter fields, with the
 * release as its id and the anchor and URL every note ends up with.
 */
export const exportedNoteSchema = z.strictObject({
  ...noteFields(z.string()),
  id: z.string(),
  anchor: slug,
  url: z.url(),
});

export type ExportedNote = z.output<typeof exportedNoteSchema>;

const commitId = z.string().regex(/^[0-9a-f]{40}$/, {
  error: (issue) => `expected a commit id of 40 lowercase hex digits, like "8b7a356409023f60f80e9f4b00bba16ad56cd77b"; got ${shown(issue.input)}`,
});
const advisory = z.string().regex(/^XSA-[1-9]\d*$/, {
  error: (issue) => `expected a Xen Security Advisory like "XSA-178"; got ${shown(issue.input)}`,
});
const cve = z.string().regex(/^CVE-\d{4}-\d{4,}$/, {
  error: (issue) => `expected a CVE id like "CVE-2016-3712"; got ${shown(issue.input)}`,
});
const tag = z.string().regex(/^RELEASE-\d+\.\d+\.\d+$/, { error: 'expected a Xen release tag, like "RELEASE-4.6.1"' });

const talliedCommitFields = {
  id: commitId,
  // As its author wrote it, byte for byte: no trimming.
  title: z.string().min(1, { error: 'expected the commit title' }),
  files: z.array(z.string().min(1)).min(1, { error: 'expected the files the commit touches' }),
  area: oneOf(CHANGE_AREA_IDS, 'a change-log area'),
};

/** A commit of a change log that lists every commit: a maintenance release's. */
export const listedCommitSchema = z.strictObject({
  ...talliedCommitFields,
  date: z.iso.date({ error: (issue) => `expected the author date as YYYY-MM-DD; got ${shown(issue.input)}` }),
  author: text,
  /** Advisories the message names that the commit is part of the fix for. */
  advisories: z.array(advisory),
  cves: z.array(cve),
  /** Advisories the message names in passing only. */
  mentions: z.array(advisory),
  /** The commit corrects a fault that an advisory's fix brought. */
  followUpOf: z.strictObject({ advisory, summary: text, evidence: text }).optional(),
  /** The commit moves a tree the build fetches to a revision whose newest commit names a fix. */
  revisionUpdate: z
    .strictObject({
      variable: z.string().regex(/^[A-Z_]+_REVISION$/),
      lines: z.tuple([z.int().positive(), z.int().positive()]),
      revision: commitId,
      subject: text,
      cves: z.array(cve).min(1),
      evidence: text,
    })
    .optional(),
});

/** A commit counted by area: what its area was decided from. */
export const talliedCommitSchema = z.strictObject(talliedCommitFields);

/** How a commit is named in an error: its id when that is well-formed, else its position and title. */
function commitName(item: unknown, index: number): string {
  const { id, title } = (typeof item === 'object' && item !== null ? item : {}) as { id?: unknown; title?: unknown };
  if (typeof id === 'string' && /^[0-9a-f]{40}$/.test(id)) return `commit ${id}`;
  return `commit #${index + 1}${typeof title === 'string' ? ` ("${title}")` : ''}`;
}

/**
 * A list of commits, each checked on its own so that every problem names the
 * commit it is in, not only its position in the file.
 */
function commitList<Commit extends z.ZodType>(commit: Commit) {
  return z.array(z.unknown()).transform((items, context) => {
    const commits: z.output<Commit>[] = [];
    items.forEach((item, index) => {
      const result = commit.safeParse(item);
      if (result.success) {
        commits.push(result.data);
        return;
      }
      for (const issue of result.error.issues) {
        const field = issue.path.length > 0 ? `, field "${issue.path.join('.')}"` : '';
        context.addIssue({ code: 'custom', path: [index, ...issue.path], message: `${commitName(item, index)}${field}: ${issue.message}` });
      }
    });
    return commits;
  });
}

/**
 * Schema of a change-log file, content/changelog/<release>.json: the commits
 * between two tags. A maintenance release lists them (kind "list"); a feature
 * release's are counted by area (kind "tally").
 */
export function createChangeLogSchema<Reference extends z.ZodType>(releaseReference: Reference) {
  const range = { release: releaseReference, from: tag, to: tag };
  return z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('list'), ...range, commits: commitList(listedCommitSchema) }),
    z.strictObject({ kind: z.literal('tally'), ...range, commits: commitList(talliedCommitSchema) }),
  ]);
}

const areaCount = z.strictObject({ id: oneOf(CHANGE_AREA_IDS, 'a change-log area'), title: text, commits: z.int().positive(), url: z.url() });
const exportedRange = { from: tag, to: tag, compareUrl: z.url(), url: z.url(), areas: z.array(areaCount) };

/**
 * A release's change log as the JSON exports publish it: a listed one with
 * every commit, its upstream URL and the URL of its entry on the release
 * page; a tallied one with its counts by area.
 */
export const exportedChangeLogSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('list'),
    ...exportedRange,
    commits: z.array(z.strictObject({ ...listedCommitSchema.shape, url: z.url(), entryUrl: z.url() })),
  }),
  z.strictObject({ kind: z.literal('tally'), ...exportedRange, total: z.int().positive() }),
]);

export type ExportedChangeLog = z.output<typeof exportedChangeLogSchema>;
