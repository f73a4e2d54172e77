import { z } from 'astro/zod';
import { xenInterfaceSchema, type XenInterface } from '../lib/xen-interface.ts';
import release463 from './xen-interface/4.6.3.json' with { type: 'json' };
import release47 from './xen-interface/4.7.json' with { type: 'json' };

/**
 * Xen's documented interface at each release the site has data for, written
 * by `npm run xen-interface` (scripts/xen-interface.ts). Imported rather than
 * read from disk, so that the render workers, the MDX compiler and the page
 * bundle all load it the same way, once each.
 */
const DATA_FILES: Record<string, unknown> = {
  '4.7': release47,
  '4.6.3': release463,
};

/** Where a release's data file is, for messages. */
export function interfaceDataFile(releaseId: string): string {
  return `src/data/xen-interface/${releaseId}.json`;
}

const checked = new Map<string, XenInterface>();

/** The documented interface of a release, or undefined when the site has no data file for it. */
export function xenInterfaceOf(releaseId: string): XenInterface | undefined {
  const cached = checked.get(releaseId);
  if (cached) return cached;
  const raw = DATA_FILES[releaseId];
  if (raw === undefined) return undefined;
  const result = xenInterfaceSchema.safeParse(raw);
  if (!result.success) throw new Error(`${interfaceDataFile(releaseId)} does not match its schema:\n${z.prettifyError(result.error)}`);
  if (result.data.release !== releaseId) throw new Error(`${interfaceDataFile(releaseId)} holds release "${result.data.release}"; expected "${releaseId}"`);
  checked.set(releaseId, result.data);
  return result.data;
}

/** Every release the site has interface data for. */
export function interfaceReleases(): string[] {
  return Object.keys(DATA_FILES);
}
