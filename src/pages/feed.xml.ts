import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getReleases } from '../data/catalog';
import { releasePath } from '../lib/urls';
import { releaseTitle } from '../lib/releases';

/** An RSS feed of releases, newest first; a skipped version is no release and has no item. */
export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const releases = await getReleases();
  return rss({
    title: 'Xen Project Hypervisor release notes',
    description: 'New releases of the Xen Project Hypervisor, with their notes by category.',
    site: new URL(base, site),
    items: releases.flatMap((release) =>
      release.data.kind === 'skipped'
        ? []
        : [
            {
              title: releaseTitle(release.id),
              link: releasePath(base, release.id),
              pubDate: new Date(`${release.data.released}T00:00:00Z`),
              description: release.data.summary,
            },
          ],
    ),
    customData: '<language>en</language>',
  });
};
