import type { APIRoute } from 'astro';
import { getReleases } from '../data/catalog';
import { releaseLabel } from '../lib/releases';
import { searchMeta } from '../lib/search-fields';
import { buildNameIndex } from '../lib/search-names';
import { anchorPath } from '../lib/urls';

/** The notes' names (src/lib/search-names.ts), fetched with the search interface. */
export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const releases = await getReleases();
  const index = buildNameIndex(
    releases.flatMap((release) =>
      release.notes.map((note) => ({
        url: anchorPath(base, release.id, note.anchor),
        names: note.aliases,
        meta: { ...searchMeta({ ...note, release: release.id }, releaseLabel(release.id)), title: note.feature },
      })),
    ),
  );
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
