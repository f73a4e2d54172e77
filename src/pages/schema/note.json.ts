import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { exportedNoteSchema } from '../../lib/schema';

/** The JSON Schema of an exported note, generated from the same Zod fields the content uses. */
export const GET: APIRoute = ({ site }) => {
  const schema = {
    ...z.toJSONSchema(exportedNoteSchema),
    $id: new URL(`${import.meta.env.BASE_URL}schema/note.json`, site).href,
    title: 'Xen Project release note',
  };
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json' },
  });
};
