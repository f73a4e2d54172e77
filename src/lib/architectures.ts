import { lookup } from './lookup.ts';

/**
 * Architectures a note can apply to. `family` groups the finer values so that
 * a reader asking for "ARM" also finds ARM64-only features.
 */
export const ARCHITECTURES = [
  { id: 'all', label: 'All architectures', family: 'all' },
  { id: 'x86', label: 'x86', family: 'x86' },
  { id: 'x86-intel', label: 'x86 (Intel)', family: 'x86' },
  { id: 'arm', label: 'ARM', family: 'arm' },
  { id: 'arm64', label: 'ARM64', family: 'arm' },
] as const;

/** The families readers filter by; a family's label names every architecture in it. */
export const ARCHITECTURE_FAMILIES = [
  { id: 'all', label: 'All architectures' },
  { id: 'x86', label: 'x86' },
  { id: 'arm', label: 'ARM' },
] as const;

export type Architecture = (typeof ARCHITECTURES)[number];
export type ArchitectureId = Architecture['id'];
export type ArchitectureFamily = Architecture['family'];
export type ArchitectureFamilyEntry = (typeof ARCHITECTURE_FAMILIES)[number];

export const ARCHITECTURE_IDS = ARCHITECTURES.map((architecture) => architecture.id) as [
  ArchitectureId,
  ...ArchitectureId[],
];

/** Looks an architecture up by id; the schema guarantees it exists. */
export function getArchitecture(id: ArchitectureId): Architecture {
  return lookup(ARCHITECTURES, 'id', id, 'architecture');
}
