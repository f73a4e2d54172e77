import type { ExportedNote } from './schema.ts';
import { anchorPath, releasePath } from './urls.ts';

/** A note as the catalog holds it, before export. */
export interface NoteForExport extends Omit<ExportedNote, 'release' | 'url'> {
  release: { id: string };
}

/** Where the site is served: its origin and base path. */
export interface SiteLocation {
  site: URL;
  base: string;
}

/** A note with every field and the absolute URL of its anchor. */
export function exportNote(note: NoteForExport, location: SiteLocation): ExportedNote {
  return {
    release: note.release.id,
    category: note.category,
    feature: note.feature,
    anchor: note.anchor,
    order: note.order,
    architecture: note.architecture,
    status: note.status,
    experimental: note.experimental,
    enabledByDefault: note.enabledByDefault,
    highlight: note.highlight,
    summary: note.summary,
    aliases: note.aliases,
    sources: note.sources,
    history: note.history,
    id: note.id,
    url: new URL(anchorPath(location.base, note.release.id, note.anchor), location.site).href,
  };
}

/** A release's own fields, its page URL and its notes, for the JSON exports. */
export function exportRelease<Data extends { version: string; kind: string }>(
  release: { id: string; data: Data; notes: NoteForExport[] },
  location: SiteLocation,
) {
  return {
    id: release.id,
    ...release.data,
    url: new URL(releasePath(location.base, release.id), location.site).href,
    notes: release.notes.map((note) => exportNote(note, location)),
  };
}
