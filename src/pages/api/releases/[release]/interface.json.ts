import type { APIRoute, GetStaticPaths } from 'astro';
import { getInterfaceChanges } from '../../../../data/interface-changes';
import { interfaceReleases } from '../../../../data/xen-interface';
import { exportInterfaceChanges } from '../../../../lib/interface-export';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const release of interfaceReleases()) {
    const changes = await getInterfaceChanges(release, import.meta.env.BASE_URL);
    if (changes) paths.push({ params: { release }, props: { changes } });
  }
  return paths;
}) satisfies GetStaticPaths;

type Props = { changes: NonNullable<Awaited<ReturnType<typeof getInterfaceChanges>>> };

/** What changed in a release's documented interface since the release it is compared with, as JSON for tools. */
export const GET: APIRoute<Props> = ({ props, site }) =>
  new Response(`${JSON.stringify(exportInterfaceChanges(props.changes, props.changes.explainedBy, { site: site!, base: import.meta.env.BASE_URL }), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
