import { getArchitecture, type ArchitectureId } from './architectures.ts';
import { getCategory, type CategorySlug } from './categories.ts';
import { getStatus, type StatusId } from './statuses.ts';

/** What the search index needs to know of a note. */
export interface SearchableNote {
  release: string;
  category: CategorySlug;
  architecture: ArchitectureId;
  status: StatusId;
  experimental: boolean;
}

export interface SearchFilters extends Record<string, string> {
  release: string;
  category: string;
  architecture: string;
  status: string;
  experimental: string;
}

/**
 * Pagefind filters of a note, as the ids the search page puts in its URL
 * (`?architecture=arm&status=experimental`). Architecture is filtered by
 * family, so "ARM" finds ARM64-only features too.
 */
export function searchFilters(note: SearchableNote): SearchFilters {
  return {
    release: note.release,
    category: note.category,
    architecture: getArchitecture(note.architecture).family,
    status: note.status,
    experimental: String(note.experimental),
  };
}

/** Pagefind metadata of a note: the labels a search result shows. */
export function searchMeta(note: SearchableNote, releaseLabel: string): Record<string, string> {
  return {
    release: releaseLabel,
    category: getCategory(note.category).title,
    architecture: getArchitecture(note.architecture).label,
    status: note.status === 'unlabelled' ? '' : getStatus(note.status).label,
    status_id: note.status,
  };
}

/**
 * Pagefind's attribute form that reads each key from a data attribute of the
 * same element ("release[data-release], category[data-category]"), so values
 * may hold any character. Returns that attribute and the data attributes.
 */
export function pagefindAttributes(
  kind: 'filter' | 'meta',
  pairs: Record<string, string>,
): Record<string, string> {
  const present = Object.entries(pairs).filter(([, value]) => value !== '');
  const attributes: Record<string, string> = Object.fromEntries(
    present.map(([key, value]) => [`data-${kind}-${key}`, value]),
  );
  attributes[`data-pagefind-${kind}`] = present.map(([key]) => `${key}[data-${kind}-${key}]`).join(', ');
  return attributes;
}
