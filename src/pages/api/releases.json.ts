import type { APIRoute } from 'astro';
import { getReleases } from '../../data/catalog';
import { exportRelease } from '../../lib/export';

/** Every release with every note, as JSON for tools. */
export const GET: APIRoute = async ({ site }) => {
  const location = { site: site!, base: import.meta.env.BASE_URL };
  const releases = (await getReleases()).map((release) => exportRelease(release, location));
  return new Response(`${JSON.stringify({ releases }, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
