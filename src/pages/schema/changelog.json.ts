import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { exportedChangeLogSchema } from '../../lib/schema';

/** The JSON Schema of an exported change log, generated from the same Zod fields the change-log files are checked with. */
export const GET: APIRoute = ({ site }) => {
  const schema = {
    ...z.toJSONSchema(exportedChangeLogSchema),
    $id: new URL(`${import.meta.env.BASE_URL}schema/changelog.json`, site).href,
    title: 'Xen Project release change log',
  };
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
};
