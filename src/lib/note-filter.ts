import type { ArchitectureFamily } from './architectures.ts';

/** The filters of a release page, as they stand in its URL (?architecture=arm&experimental=hide). */
export interface NoteFilter {
  architecture?: Exclude<ArchitectureFamily, 'all'>;
  experimental?: 'hide' | 'only';
}

/** Reads the filters from a release page's URL, ignoring values it does not know. */
export function parseNoteFilter(params: URLSearchParams): NoteFilter {
  const filter: NoteFilter = {};
  const architecture = params.get('architecture');
  if (architecture === 'x86' || architecture === 'arm') filter.architecture = architecture;
  const experimental = params.get('experimental');
  if (experimental === 'hide' || experimental === 'only') filter.experimental = experimental;
  return filter;
}

/** Writes the filters into URL parameters, dropping the ones not set. */
export function noteFilterParams(filter: NoteFilter, params = new URLSearchParams()): URLSearchParams {
  const result = new URLSearchParams(params);
  for (const key of ['architecture', 'experimental'] as const) {
    const value = filter[key];
    if (value) result.set(key, value);
    else result.delete(key);
  }
  return result;
}

/**
 * Whether a note stays visible. A note for every architecture applies to an
 * ARM or x86 host too, so it stays when filtering by architecture.
 */
export function matchesNoteFilter(
  note: { architectureFamily: ArchitectureFamily; experimental: boolean },
  filter: NoteFilter,
): boolean {
  if (filter.architecture && note.architectureFamily !== 'all' && note.architectureFamily !== filter.architecture) {
    return false;
  }
  if (filter.experimental === 'hide' && note.experimental) return false;
  if (filter.experimental === 'only' && !note.experimental) return false;
  return true;
}

/**
 * What a filter leaves of a list of notes, in words.
 * @example describeShown(3, 8) // 'Showing 3 of 8 notes.'
 * @example describeShown(1, 1) // 'Showing its one note.'
 */
export function describeShown(shown: number, total: number): string {
  if (shown === total) return total === 1 ? 'Showing its one note.' : `Showing all ${total} notes.`;
  if (shown === 0) return 'No note matches the filters.';
  return `Showing ${shown} of ${total} notes.`;
}
