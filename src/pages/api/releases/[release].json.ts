import type { APIRoute, GetStaticPaths } from 'astro';
import type { Release } from '../../../data/catalog';
import { getReleases } from '../../../data/catalog';
import { exportRelease } from '../../../lib/export';

export const getStaticPaths = (async () =>
  (await getReleases()).map((release) => ({ params: { release: release.id }, props: { release } }))) satisfies GetStaticPaths;

/** One release with its notes, as JSON for tools. */
export const GET: APIRoute<{ release: Release }> = ({ props, site }) =>
  new Response(`${JSON.stringify(exportRelease(props.release, { site: site!, base: import.meta.env.BASE_URL }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
