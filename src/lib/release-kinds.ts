import { lookup } from './lookup.ts';

/** Kinds of release: what a version number stands for. */
export const RELEASE_KINDS = [
  { id: 'feature', label: 'Feature release' },
  { id: 'maintenance', label: 'Maintenance release' },
  { id: 'skipped', label: 'Skipped version' },
] as const;

export type ReleaseKind = (typeof RELEASE_KINDS)[number];
export type ReleaseKindId = ReleaseKind['id'];

/** Looks a release kind up by id; the schema guarantees it exists. */
export function getReleaseKind(id: ReleaseKindId): ReleaseKind {
  return lookup(RELEASE_KINDS, 'id', id, 'release kind');
}
