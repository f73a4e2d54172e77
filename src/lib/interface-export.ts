import { z } from 'astro/zod';
import { CHANGES, countChanges, INTERFACE_KINDS, type ExplainingNote, type InterfaceChanges } from './interface-changes.ts';
import type { SiteLocation } from './export.ts';
import { interfaceChangesPath } from './urls.ts';

const CHANGE_IDS = CHANGES.map((change) => change.id) as [string, ...string[]];
const releaseRef = z.strictObject({ release: z.string(), version: z.string(), tag: z.string() });
const documentationLine = z.strictObject({ tag: z.string(), file: z.string(), line: z.int().positive(), url: z.url() });
const side = z.strictObject({
  version: z.string(),
  documentation: z.array(documentationLine).min(1),
  default: z.string().optional(),
  defaultDocumentation: documentationLine.optional(),
});

/** A release's interface changes as /api/releases/<id>/interface.json publishes them. */
export const exportedInterfaceChangesSchema = z.strictObject({
  ...releaseRef.shape,
  comparedWith: releaseRef,
  url: z.url(),
  kinds: z.array(
    z.strictObject({
      kind: z.enum(INTERFACE_KINDS.map((kind) => kind.id) as [string, ...string[]]),
      title: z.string(),
      url: z.url(),
      absentBefore: z.string().optional(),
      counts: z.strictObject(Object.fromEntries(CHANGE_IDS.map((id) => [id, z.int().nonnegative()]))),
      entries: z.array(
        z.strictObject({
          change: z.enum(CHANGE_IDS),
          label: z.string(),
          anchor: z.string(),
          url: z.url(),
          description: z.string().optional(),
          before: side.optional(),
          after: side.optional(),
          explainedBy: z.array(z.strictObject({ feature: z.string(), url: z.url() })),
        }),
      ),
    }),
  ),
});

export type ExportedInterfaceChanges = z.output<typeof exportedInterfaceChangesSchema>;

/** The changes with absolute URLs for the page, each entry and each explaining note. */
export function exportInterfaceChanges(
  changes: InterfaceChanges,
  explainedBy: ReadonlyMap<string, readonly ExplainingNote[]>,
  location: SiteLocation,
): ExportedInterfaceChanges {
  const page = new URL(interfaceChangesPath(location.base, changes.after.release), location.site).href;
  return {
    ...changes.after,
    comparedWith: changes.before,
    url: page,
    kinds: changes.kinds.map((kind) => ({
      kind: kind.kind,
      title: kind.title,
      url: `${page}#${kind.anchor}`,
      ...(kind.absentBefore === undefined ? {} : { absentBefore: kind.absentBefore }),
      counts: countChanges(kind),
      entries: kind.changes.map((entry) => ({
        change: entry.change,
        label: entry.label,
        anchor: entry.anchor,
        url: `${page}#${entry.anchor}`,
        ...(entry.description === undefined ? {} : { description: entry.description }),
        ...(entry.before === undefined ? {} : { before: withoutUndefined(entry.before) }),
        ...(entry.after === undefined ? {} : { after: withoutUndefined(entry.after) }),
        explainedBy: (explainedBy.get(entry.anchor) ?? []).map((note) => ({ feature: note.feature, url: new URL(note.path, location.site).href })),
      })),
    })),
  };
}

function withoutUndefined<Value extends object>(value: Value): Value {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Value;
}
