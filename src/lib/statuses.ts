import { lookup } from './lookup.ts';

/**
 * Support status of a feature, after the labels Xen's wiki defines. A feature
 * that is merely off by default is not a status: see `enabledByDefault`.
 */
export const STATUSES = [
  {
    id: 'supported',
    label: 'Supported',
    description: 'Stable and covered by security support.',
  },
  {
    id: 'tech-preview',
    label: 'Technology preview',
    description:
      'Functionally complete with a provisionally stable interface, but not covered by security support.',
  },
  {
    id: 'experimental',
    label: 'Experimental',
    description: 'Not yet complete and not covered by security support.',
  },
  {
    id: 'unlabelled',
    label: 'No status label',
    description: 'The release gives this feature no support label.',
  },
] as const;

export type Status = (typeof STATUSES)[number];
export type StatusId = Status['id'];

export const STATUS_IDS = STATUSES.map((status) => status.id) as [StatusId, ...StatusId[]];

/** Looks a status up by id; the schema guarantees it exists. */
export function getStatus(id: StatusId): Status {
  return lookup(STATUSES, 'id', id, 'status');
}
