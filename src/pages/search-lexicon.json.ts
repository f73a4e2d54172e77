import type { APIRoute } from 'astro';
import { getReleases } from '../data/catalog';
import { releaseLabel } from '../lib/releases';
import { buildLexicon } from '../lib/search-lexicon';
import { anchorPath } from '../lib/urls';

const TAG = /<[^>]*>/g;

/** The search lexicon (src/lib/search-lexicon.ts), fetched with the search interface. */
export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const releases = await getReleases();
  const lexicon = buildLexicon({
    notes: releases.flatMap((release) =>
      release.notes.map((note) => ({
        feature: note.feature,
        url: anchorPath(base, release.id, note.anchor),
        summary: note.summary,
        aliases: note.aliases,
        releaseLabel: releaseLabel(release.id),
        text: (note.entry.rendered?.html ?? '').replace(TAG, ' '),
      })),
    ),
    releases: releases.map((release) => ({
      version: release.id,
      label: release.data.kind === 'skipped' ? `${releaseLabel(release.id)} (never released)` : releaseLabel(release.id),
    })),
    changelogs: releases.filter((release) => release.changelog?.kind === 'list').map((release) => releaseLabel(release.id)),
  });
  return new Response(JSON.stringify(lexicon), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
