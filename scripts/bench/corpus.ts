// A deterministic synthetic corpus for the scale benchmark: releases and
// notes written as the content folder expects them, checked by the real
// schema before they are written. Pure: it returns files, it writes nothing.
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { ARCHITECTURE_IDS } from '../../src/lib/architectures.ts';
import { CATEGORY_SLUGS } from '../../src/lib/categories.ts';
import { createNoteSchema, createReleaseSchema } from '../../src/lib/schema.ts';
import { STATUS_IDS } from '../../src/lib/statuses.ts';

/** Notes per release: "dozens", like a real Xen feature release. */
export const NOTES_PER_RELEASE = 50;

export interface CorpusFile {
  /** Path relative to the content folder. */
  path: string;
  text: string;
}

const WORDS = (
  'hypervisor guest domain toolstack scheduler vcpu memory grant table event channel page ' +
  'migration checkpoint replication device backend frontend driver interrupt iommu passthrough ' +
  'firmware boot console network block storage queue throughput latency policy credit budget ' +
  'period socket core node cache allocation monitor introspection trap register timer clock ' +
  'hotplug payload patch signature hardware platform table partition reset restart shutdown'
).split(' ');

const ADJECTIVES = ['Faster', 'Safer', 'Leaner', 'Scalable', 'Resilient', 'Unified', 'Deferred', 'Nested'];

/** Mulberry32: a tiny seeded generator, so every run writes the same corpus. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<Value>(random: () => number, values: readonly Value[]): Value {
  return values[Math.floor(random() * values.length)] as Value;
}

function sentence(random: () => number, length: number): string {
  const words = Array.from({ length }, () => pick(random, WORDS));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random, 8 + Math.floor(random() * 10))).join(' ');
}

function frontmatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data)}---\n\n${body}\n`;
}

/** The release id of the index-th synthetic release: 10.0, 10.1 … 10.9, 11.0 … */
export function syntheticReleaseId(index: number): string {
  return `${10 + Math.floor(index / 10)}.${index % 10}`;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'nu', 'pe', 'ro', 'si', 'tu', 'vo', 'ze'];

/**
 * A word that only the given note contains, so a benchmark can search for
 * exactly one note: its number's digits, last first, as syllables
 * (42 → "mipekakaka"). Spelled so, the words spread over the alphabet as a
 * real vocabulary does, instead of sharing one long prefix.
 */
export function uniqueTerm(noteNumber: number): string {
  return [...String(noteNumber).padStart(5, '0')].reverse().map((digit) => SYLLABLES[Number(digit)]).join('');
}

const releaseSchema = createReleaseSchema(z.string());
const noteSchema = createNoteSchema(z.string());

function checked(schema: z.ZodType, data: Record<string, unknown>, path: string): Record<string, unknown> {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`synthetic ${path} does not match the schema: ${z.prettifyError(result.error)}`);
  return data;
}

/**
 * `noteCount` notes spread over ceil(noteCount / NOTES_PER_RELEASE) releases,
 * cycling through every category, architecture and status; every tenth note
 * carries a shell code block, so Shiki's cost is part of the build.
 */
export function syntheticCorpus(noteCount: number, seed = 4_7_0): CorpusFile[] {
  const random = seededRandom(seed);
  const files: CorpusFile[] = [];
  const releaseCount = Math.ceil(noteCount / NOTES_PER_RELEASE);
  for (let releaseIndex = 0; releaseIndex < releaseCount; releaseIndex += 1) {
    const id = syntheticReleaseId(releaseIndex);
    const path = `releases/${id}.md`;
    const released = new Date(Date.UTC(2017, releaseIndex * 6, 1)).toISOString().slice(0, 10);
    const release = checked(
      releaseSchema,
      {
        version: `${id}.0`,
        kind: 'feature',
        released,
        tag: `RELEASE-${id}.0`,
        summary: `Synthetic release ${id} for the scale benchmark. ${sentence(random, 10)}`,
      },
      path,
    );
    files.push({ path, text: frontmatter(release, paragraph(random, 3)) });

    const notesHere = Math.min(NOTES_PER_RELEASE, noteCount - releaseIndex * NOTES_PER_RELEASE);
    const orderInCategory = new Map<string, number>();
    for (let noteIndex = 0; noteIndex < notesHere; noteIndex += 1) {
      const number = releaseIndex * NOTES_PER_RELEASE + noteIndex;
      const category = CATEGORY_SLUGS[number % CATEGORY_SLUGS.length] as string;
      const status = STATUS_IDS[Math.floor(number / CATEGORY_SLUGS.length) % STATUS_IDS.length] as string;
      const order = (orderInCategory.get(category) ?? 0) + 1;
      orderInCategory.set(category, order);
      const feature = `${pick(random, ADJECTIVES)} ${pick(random, WORDS)} ${pick(random, WORDS)} ${number}`;
      const showsCode = number % 10 === 0;
      const notePath = `notes/${id}/note-${number}.md`;
      const note = checked(
        noteSchema,
        {
          release: id,
          category,
          feature,
          order,
          architecture: ARCHITECTURE_IDS[number % ARCHITECTURE_IDS.length],
          status,
          experimental: status === 'experimental',
          // A quarter off by default, so the badge is part of the measured pages.
          enabledByDefault: number % 4 !== 0,
          summary: `${sentence(random, 12)} Mentions ${uniqueTerm(number)}.`,
          ...(showsCode && { sources: [{ title: 'Synthetic source', url: 'https://example.org/synthetic' }] }),
        },
        notePath,
      );
      const body = [
        paragraph(random, 4),
        paragraph(random, 3),
        // Not an xl command: the build checks those against Xen's documentation of the
        // note's release, and synthetic releases have none.
        ...(showsCode ? [`\`\`\`shell\ncat /var/log/xen/${pick(random, WORDS)}-${number}.log\n\`\`\``] : []),
      ].join('\n\n');
      files.push({ path: notePath, text: frontmatter(note, body) });
    }
  }
  return files;
}
