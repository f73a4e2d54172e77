import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { exportedInterfaceChangesSchema } from '../../lib/interface-export';

/** The JSON Schema of /api/releases/<id>/interface.json, generated from the Zod schema of the export. */
export const GET: APIRoute = ({ site }) => {
  const schema = {
    ...z.toJSONSchema(exportedInterfaceChangesSchema),
    $id: new URL(`${import.meta.env.BASE_URL}schema/interface-changes.json`, site).href,
    title: 'Changes in the documented interface of a Xen Project release',
  };
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
};
