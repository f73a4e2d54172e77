import { describe, expect, it } from 'vitest';
import { byArchitectureFamily, byCategory, matrixColumns, matrixGroups, supportMatrix, type MatrixNote } from '../../src/lib/views';

const note = (anchor: string, category: string, architecture: string, status = 'unlabelled', history: MatrixNote['history'] = []) =>
  ({ anchor, feature: anchor.toUpperCase(), category, architecture, status, history }) as MatrixNote;

const kconfig410 = { title: 'SUPPORT.md at 4.10', url: 'https://example.org/support-4.10' };
const releases = [
  {
    id: '4.8',
    notes: [note('credit2', 'performance-and-workloads', 'all', 'supported'), note('gic', 'new-hardware-support', 'arm64')],
  },
  {
    id: '4.7',
    notes: [
      note('credit2', 'performance-and-workloads', 'all', 'experimental', [
        { release: '4.8', status: 'unlabelled', detail: 'label dropped', source: { title: 'Kconfig at 4.8', url: 'https://example.org/k' } },
        { release: '4.10', status: 'supported', source: kconfig410 },
      ]),
      note('psci', 'new-hardware-support', 'arm'),
      note('cdp', 'new-hardware-support', 'x86-intel'),
      note('xsa-1', 'security-fixes', 'x86'),
      note('who-should-update', 'upgrade-notes', 'all'),
    ],
  },
  { id: '4.6.2', notes: [] },
];

describe('cross-release views', () => {
  it('slice one category across releases, newest first, leaving out releases without it', () => {
    expect(byCategory(releases, 'new-hardware-support')).toEqual([
      { releaseId: '4.8', entries: [expect.objectContaining({ anchor: 'gic' })] },
      { releaseId: '4.7', entries: [expect.objectContaining({ anchor: 'psci' }), expect.objectContaining({ anchor: 'cdp' })] },
    ]);
  });

  it('slice an architecture family, with ARM64 under ARM and Intel-only under x86', () => {
    expect(byArchitectureFamily(releases, 'arm').flatMap((slice) => slice.entries.map((entry) => entry.anchor))).toEqual(['gic', 'psci']);
    expect(byArchitectureFamily(releases, 'x86').map((slice) => slice.releaseId)).toEqual(['4.7']);
  });
});

describe('the support matrix', () => {
  const slices = supportMatrix(releases);
  const rows = slices.flatMap((slice) => slice.entries);

  it('has one row per feature, under the release that introduced it, and no fixes or release advice', () => {
    expect(slices.map((slice) => [slice.releaseId, slice.entries.map((row) => row.anchor)])).toEqual([
      ['4.8', ['gic']],
      ['4.7', ['credit2', 'psci', 'cdp']],
    ]);
  });

  it("gives each release's note its own status, linked to the note", () => {
    const credit2 = rows.find((row) => row.anchor === 'credit2')!;
    expect(credit2.releaseId).toBe('4.7');
    expect(credit2.cells['4.7']).toEqual({ status: 'experimental', evidence: { kind: 'note', releaseId: '4.7', anchor: 'credit2' } });
    // The 4.8 note wins over the 4.7 note's record of what 4.8 did.
    expect(credit2.cells['4.8']).toEqual({ status: 'supported', evidence: { kind: 'note', releaseId: '4.8', anchor: 'credit2' } });
  });

  it('fills later releases from the notes\' history, each with its evidence, and leaves the rest empty', () => {
    const credit2 = rows.find((row) => row.anchor === 'credit2')!;
    expect(credit2.cells['4.10']).toEqual({ status: 'supported', detail: undefined, evidence: { kind: 'source', ...kconfig410 } });
    const psci = rows.find((row) => row.anchor === 'psci')!;
    expect(Object.keys(psci.cells)).toEqual(['4.7']);
  });

  it('has a column for every release some row has a cell for, oldest first', () => {
    expect(matrixColumns(rows)).toEqual(['4.7', '4.8', '4.10']);
    expect(matrixColumns(rows.filter((row) => row.anchor === 'gic'))).toEqual(['4.8']);
  });

  it('groups rows by category in display order', () => {
    expect(matrixGroups(rows).map((group) => [group.category.slug, group.rows.map((row) => row.anchor)])).toEqual([
      ['performance-and-workloads', ['credit2']],
      ['new-hardware-support', ['gic', 'psci', 'cdp']],
    ]);
  });
});
