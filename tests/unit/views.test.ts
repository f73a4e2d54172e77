import { describe, expect, it } from 'vitest';
import { byArchitectureFamily, byCategory, supportMatrix } from '../../src/lib/views';

const note = (anchor: string, category: string, architecture: string, status = 'unlabelled') =>
  ({ anchor, feature: anchor.toUpperCase(), category, architecture, status }) as const;

const releases = [
  {
    id: '4.8',
    notes: [note('credit2', 'performance-and-workloads', 'all', 'supported'), note('gic', 'new-hardware-support', 'arm64')],
  },
  {
    id: '4.7',
    notes: [
      note('credit2', 'performance-and-workloads', 'all', 'experimental'),
      note('psci', 'new-hardware-support', 'arm'),
      note('cdp', 'new-hardware-support', 'x86-intel'),
    ],
  },
  { id: '4.6.2', notes: [] },
] as never[];

describe('cross-release views', () => {
  it('slice one category across releases, newest first, leaving out releases without it', () => {
    expect(byCategory(releases, 'new-hardware-support')).toEqual([
      { releaseId: '4.8', notes: [expect.objectContaining({ anchor: 'gic' })] },
      { releaseId: '4.7', notes: [expect.objectContaining({ anchor: 'psci' }), expect.objectContaining({ anchor: 'cdp' })] },
    ]);
  });

  it('slice an architecture family, with ARM64 under ARM and Intel-only under x86', () => {
    expect(byArchitectureFamily(releases, 'arm').flatMap((slice) => slice.notes.map((entry) => (entry as { anchor: string }).anchor))).toEqual(['gic', 'psci']);
    expect(byArchitectureFamily(releases, 'x86').map((slice) => slice.releaseId)).toEqual(['4.7']);
  });

  it('make one matrix row per feature, with its status in each release that has it', () => {
    expect(supportMatrix(releases)).toEqual([
      { anchor: 'credit2', feature: 'CREDIT2', category: 'performance-and-workloads', statuses: { '4.8': 'supported', '4.7': 'experimental' } },
      { anchor: 'gic', feature: 'GIC', category: 'new-hardware-support', statuses: { '4.8': 'unlabelled' } },
      { anchor: 'psci', feature: 'PSCI', category: 'new-hardware-support', statuses: { '4.7': 'unlabelled' } },
      { anchor: 'cdp', feature: 'CDP', category: 'new-hardware-support', statuses: { '4.7': 'unlabelled' } },
    ]);
  });
});
