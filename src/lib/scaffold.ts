import { ABOUT_ANCHOR, categoryAnchor, slugify } from './anchors.ts';
import { ARCHITECTURE_IDS, type ArchitectureId } from './architectures.ts';
import { CATEGORY_SLUGS, type CategorySlug } from './categories.ts';
import { releaseSlug } from './releases.ts';
import { SLUG_PATTERN } from './schema.ts';
import { STATUS_IDS, type StatusId } from './statuses.ts';

/** A mistake in the arguments of a scaffolding command; its message says what to pass. */
export class ScaffoldError extends Error {}

function oneOf<Value extends string>(name: string, value: string, allowed: readonly Value[]): Value {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ScaffoldError(`--${name} "${value}" is not valid; expected one of: ${allowed.join(', ')}`);
  }
  return value as Value;
}

/** YAML for a string: always double-quoted, so no value can change the document's shape. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}

export interface NoteRequest {
  release: string;
  category: string;
  feature: string;
  architecture?: string;
  status?: string;
  anchor?: string;
  /** "true" or "false": required, because a note must say whether its feature is on without being asked for. */
  enabledByDefault?: string;
}

export interface ExistingNote {
  category: string;
  order: number;
  anchor: string;
}

export interface ScaffoldedFile {
  path: string;
  text: string;
}

/**
 * The file of a new note: checked against the schema's lists, placed after
 * the release's other notes of its category, with an anchor no note or
 * category of the release uses.
 */
export function scaffoldNote(
  request: NoteRequest,
  releases: readonly string[],
  existing: readonly ExistingNote[],
): ScaffoldedFile {
  if (!releases.includes(request.release)) {
    throw new ScaffoldError(
      `--release "${request.release}" is no release; expected one of: ${releases.join(', ')} (add one with npm run new:release)`,
    );
  }
  const category: CategorySlug = oneOf('category', request.category, CATEGORY_SLUGS);
  const architecture: ArchitectureId = oneOf('architecture', request.architecture ?? 'all', ARCHITECTURE_IDS);
  const status: StatusId = oneOf('status', request.status ?? 'unlabelled', STATUS_IDS);
  if (request.enabledByDefault === undefined) {
    throw new ScaffoldError(
      '--enabled-by-default is missing; expected true, or false when the feature must be built, configured or switched on to be used',
    );
  }
  const enabledByDefault = oneOf('enabled-by-default', request.enabledByDefault, ['true', 'false'] as const);
  const feature = request.feature.replace(/\s+/g, ' ').trim();
  if (!feature) throw new ScaffoldError('--feature is empty; expected the feature title, e.g. --feature "Live patching"');
  const anchor = request.anchor ?? slugify(feature);
  if (!SLUG_PATTERN.test(anchor)) {
    throw new ScaffoldError(`--anchor "${anchor}" is not valid; expected lowercase words joined by hyphens`);
  }
  if (CATEGORY_SLUGS.some((slug) => categoryAnchor(slug) === anchor)) {
    throw new ScaffoldError(`the anchor "#${anchor}" is a category's; pass another with --anchor`);
  }
  if (anchor === ABOUT_ANCHOR) {
    throw new ScaffoldError(`the anchor "#${anchor}" is the "About this release" section's; pass another with --anchor`);
  }
  if (existing.some((note) => note.anchor === anchor)) {
    throw new ScaffoldError(`release ${request.release} already has a note with the anchor "#${anchor}"; pass another with --anchor`);
  }
  const order = Math.max(0, ...existing.filter((note) => note.category === category).map((note) => note.order)) + 1;
  const text = [
    '---',
    `release: ${yamlString(request.release)}`,
    `category: ${category}`,
    `feature: ${yamlString(feature)}`,
    `anchor: ${anchor}`,
    `order: ${order}`,
    `architecture: ${architecture}`,
    `status: ${status}`,
    `experimental: ${String(status === 'experimental')}`,
    `enabledByDefault: ${enabledByDefault}`,
    `summary: ${yamlString(`One sentence on what ${feature} gives a Xen user.`)}`,
    'aliases: []',
    'sources: []',
    '---',
    '',
    'What the feature does and who gains from it, in a few short paragraphs. Keep',
    "every figure and status exact, and link every fact that is not in the release's",
    'announcement under `sources`.',
    '',
  ].join('\n');
  return { path: `content/notes/${request.release}/${anchor}.md`, text };
}

/**
 * The file of a new release. "4.8" means 4.8.0, a feature release; a version
 * with a patch level above zero is a maintenance release of its branch.
 */
export function scaffoldRelease(version: string, released: string, releases: readonly string[]): ScaffoldedFile {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?$/.exec(version);
  if (!match) throw new ScaffoldError(`"${version}" is not a version; expected one like 4.8 or 4.8.1`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(released) || Number.isNaN(Date.parse(released))) {
    throw new ScaffoldError(`--date "${released}" is not a date; expected YYYY-MM-DD`);
  }
  const [, major, minor, patch = '0'] = match;
  const full = `${major}.${minor}.${patch}`;
  const id = releaseSlug(full);
  if (releases.includes(id)) throw new ScaffoldError(`release ${id} exists already: content/releases/${id}.md`);
  const kind = patch === '0' ? 'feature' : 'maintenance';
  const text = [
    '---',
    `version: ${full}`,
    `kind: ${kind}`,
    `released: ${released}`,
    `tag: RELEASE-${full}`,
    `branch: stable-${major}.${minor}`,
    `summary: ${yamlString(`What Xen ${id} brings, in one or two sentences.`)}`,
    'facts: []',
    'sources: []',
    '---',
    '',
    `An introduction to Xen ${id} in a few short paragraphs. Add its notes with`,
    `\`npm run new:note -- --release ${id} --category <category> --feature "<title>"\`.`,
    '',
  ].join('\n');
  return { path: `content/releases/${id}.md`, text };
}
