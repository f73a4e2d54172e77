import { slug } from 'github-slugger';
import type { CategorySlug } from './categories.ts';
import { CATEGORY_SLUGS } from './categories.ts';
import type { ChangeAreaId } from './change-areas.ts';
import { shortCommitId } from './changelog.ts';

/**
 * Turns a heading text into the id the Markdown processor would give it.
 * Uses github-slugger, the slugger of Astro's Markdown, so both agree.
 * @example slugify('PSCI 1.0 compatibility') // 'psci-10-compatibility'
 */
export function slugify(text: string): string {
  return slug(text);
}

/** The fragment id of a note: its explicit anchor, or else its title's slug. */
export function noteAnchor(note: { anchor?: string | undefined; feature: string }): string {
  return note.anchor ?? slugify(note.feature);
}

/** The fragment id of a category section is its slug. */
export function categoryAnchor(category: CategorySlug): string {
  return category;
}

/** The fragment id of the section after the notes of a release page that introduces the release. */
export const ABOUT_ANCHOR = 'about';

/** A note as the anchor checks need to see it. */
export interface AnchoredNote {
  file: string;
  release: string;
  feature: string;
  anchor?: string | undefined;
}

/**
 * Lists every anchor clash within a release: two notes with one anchor, or a
 * note whose anchor equals a category's or the "About this release"
 * section's (all live on the same page).
 */
export function findAnchorClashes(notes: readonly AnchoredNote[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, AnchoredNote>();
  const categories = new Set<string>(CATEGORY_SLUGS.map(categoryAnchor));
  for (const note of notes) {
    const anchor = noteAnchor(note);
    const field = note.anchor === undefined ? 'feature' : 'anchor';
    if (categories.has(anchor)) {
      problems.push(
        `${note.file}: field "${field}" gives the anchor "#${anchor}", which is a category's anchor on the release page; expected an anchor no category uses (set "anchor" to another slug)`,
      );
    }
    if (anchor === ABOUT_ANCHOR) {
      problems.push(
        `${note.file}: field "${field}" gives the anchor "#${anchor}", which is the anchor of the release page's "About this release" section; expected another anchor (set "anchor" to another slug)`,
      );
    }
    const key = `${note.release}#${anchor}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.push(
        `${note.file}: field "${field}" gives the anchor "#${anchor}", already used by ${earlier.file} in release ${note.release}; expected an anchor unique within the release (set "anchor" to another slug)`,
      );
    } else {
      seen.set(key, note);
    }
  }
  return problems;
}

/**
 * An id for a release's heading on a page that lists several releases; dots
 * become hyphens so the id stays a plain token.
 * @example releaseAnchor('index', '4.6.3') // 'index-4-6-3'
 */
export function releaseAnchor(prefix: string, releaseId: string): string {
  return `${prefix}-${releaseId.replaceAll('.', '-')}`;
}

/** The fragment id of a release page's change-log section. */
export const CHANGELOG_ANCHOR = 'changelog';

/** The fragment id of one area of the change log. */
export function changeAreaAnchor(area: ChangeAreaId): string {
  return `${CHANGELOG_ANCHOR}-${area}`;
}

/**
 * The fragment id of a commit's entry in the change log, by its short id.
 * @example commitAnchor('8b7a356409023f60f80e9f4b00bba16ad56cd77b') // 'commit-8b7a356409'
 */
export function commitAnchor(id: string): string {
  return `commit-${shortCommitId(id)}`;
}
