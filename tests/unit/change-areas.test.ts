import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANGE_AREA_IDS, fileArea, placeCommit, ruleSubject, titleTag, type ChangeAreaId } from '../../src/lib/change-areas';
import { countByArea } from '../../src/lib/changelog';

interface LoggedCommit {
  id: string;
  title: string;
  files: string[];
  area: ChangeAreaId;
}

const load = (release: string) =>
  (JSON.parse(readFileSync(`content/changelog/${release}.json`, 'utf8')) as { commits: LoggedCommit[] }).commits;
const maintenance = load('4.6.3');
const feature = load('4.7');
const byShortId = (commits: LoggedCommit[]) => new Map(commits.map((commit) => [commit.id.slice(0, 10), commit]));

/**
 * Where each of the 119 commits from RELEASE-4.6.1 to RELEASE-4.6.3 belongs,
 * decided by reading its title and files, not by running the rules.
 */
const EXPECTED_4_6_3: Record<ChangeAreaId, string> = {
  x86: `ab2d455dcd 9362eb13ab d75c9723d8 114d25f999 965929f2f7 1eed7ec6f9 9da57c7ee2 303fdadbe5 62673da8ed 9a9c5095ce
    d686f012a2 6042efc19f 90d7212e3b 12b48cf1d3 e96b908a5a 3113e12ead 3b412a9afd 254d58a2f6 01022bbcf3 bc2b1bef11
    440fafe5f4 e69e7930be c0cfb7220a 5df279da34 16ca37fadf aa97712d9b a5476a4b59 1fd29984f6 301d683842 ce18935f5c
    dc8c86bb97 93371eb8f6 583ce5f502 54ea2be5ec ec92e7c629 ad1313a3b0 cf5273420a 944a3c2532 ef6e53a83d b514aeccb1
    b9c4de31fd 717e8823a7 d37c6d38f8 ae0034b4fa f7bb277a24 6d03c9e4f2`,
  arm: 'f354fb4670 1e3e944746 823e88c94e 8d0b660324 56b17b013c 0a43e3a969 86f0960e37 94a12a35dc 046e5d0218',
  scheduler: 'ddf41b82c3 d45611e0be 61b5765cd4',
  common: 'eabc4d60be e7cb648d4d d0cf28597e',
  'libxl-and-xl': `fe82a96a65 8b7a356409 7c5c20d129 44d8545ba6 5225dbb47c 55636dd778 562ecb3894 93e9ebfac3 e9e3807947
    ad5d30e886 2eab07f665 b8cd687aeb b7c46a67bd 1176a0a7e4 5ac920d348 0e78c5b61b fc3a382d0c 6362500378 59572d4edf
    4cfca3a840 a08f74f621 92527ae6b8 866bea560b 2805844bf2 c70568e4c8 d5ef82f7f3 c17610e920 98a6b47d8b 1098572bad
    7dcbbe4946 a670079b3a 66635e7416 08599c8e21 94a8dfa932 71bdf79ede fa168e3b9f e7e194074a`,
  tools: '39546d1360 699d286e8c 4ed000dc33 8e89d43867 e0493703a9 842e19d951 6c9b1bcce4 3d8689b6b1',
  subprojects: 'c68f2364d5 402c25dc12 88f863194f 08d0ba6ed1 aa3cdb6cb6 426783e661 8919e76cce 5f05c100ca ff4357574c b4030b89b3',
  build: '285248d91b ccc23c275c 6d065bc0cb',
};

/** Real commits from RELEASE-4.6.0 to RELEASE-4.7.0 that exercise each rule, with the area read from each. */
const EXPECTED_4_7: [string, ChangeAreaId][] = [
  ['9a6cc4f5c1', 'build'], // "Xen 4.7.0 release"
  ['b90ecd5f2b', 'build'], // "Final touches for Xen 4.7.0-rc1"
  ['a1d95d0f87', 'build'], // "Rerun autogen.sh to pickup new version number"
  ['ad424646d5', 'subprojects'], // "Config.mk: Switch sub-components to 4.7.0 release tags"
  ['e08f3834c2', 'subprojects'], // "Config: Switch to unified qemu trees."
  ['ccf4a5e6db', 'subprojects'], // a revert of an OVMF changeset update
  ['b0d81a706a', 'x86'], // a revert of "x86/hvm: add support for pcommit instruction"
  ['bea86645bb', 'x86'], // a title that starts with a byte-order mark
  ['1d5b507e69', 'build'], // "build: …", also after a byte-order mark
  ['132d4aa00e', 'arm'], // "xen:arm: arm64: …"
  ['ac703c285a', 'arm'], // "drivers/pl011: …"
  ['fb0c3a8a30', 'scheduler'], // "xen: sched: …"
  ['435bbbc9af', 'libxl-and-xl'], // "tools: libxl: …"
  ['7f25baba1c', 'libxl-and-xl'], // "docs: xl.cfg: …"
  ['84f2fd1ba5', 'libxl-and-xl'], // "run QEMU as non-root": most of its files are libxl's
  ['1c44e399c5', 'libxl-and-xl'], // "COLO nic: …" in tools/libxl and tools/hotplug
  ['c9c430df00', 'tools'], // "vm_event: …" touching libxc only
  ['3b54cd773d', 'build'], // "m4/python: …"
  ['a16ab49bce', 'build'], // "Kconfig: …"
  ['c2ce28a772', 'build'], // "MAINTAINERS/xsplice: …"
  ['e228585d12', 'common'], // "tmem: …" in xen/common
  ['4c2cddb471', 'common'], // "x86/arm: …": both architectures
  ['a3d7fa00d1', 'common'], // x86 and ARM files, no tag
  ['8cc7f27275', 'common'], // "flask: …": the XSM module and its policy
];

describe('the change-log area rules', () => {
  it('list each area once, in the order the change log shows them', () => {
    expect(CHANGE_AREA_IDS).toEqual(['x86', 'arm', 'scheduler', 'common', 'libxl-and-xl', 'tools', 'subprojects', 'build']);
  });

  it('place every commit from RELEASE-4.6.1 to RELEASE-4.6.3 where reading it puts it', () => {
    expect(maintenance).toHaveLength(119);
    const placed = Object.fromEntries(
      CHANGE_AREA_IDS.map((area) => [area, maintenance.filter((commit) => placeCommit(commit).area === area).map((commit) => commit.id.slice(0, 10))]),
    );
    const expected = Object.fromEntries(Object.entries(EXPECTED_4_6_3).map(([area, ids]) => [area, ids.split(/\s+/).filter(Boolean)]));
    expect(placed).toEqual(expected);
  });

  it('give every commit of the 4.6.3 data file the area the rules give it', () => {
    for (const commit of maintenance) expect(commit.area, commit.title).toBe(placeCommit(commit).area);
  });

  it('place every one of the 1,611 commits from RELEASE-4.6.0 to RELEASE-4.7.0 as the 4.7 data file says', () => {
    expect(feature).toHaveLength(1611);
    for (const commit of feature) expect(commit.area, `${commit.id} ${commit.title}`).toBe(placeCommit(commit).area);
    expect(countByArea(feature).reduce((total, { count }) => total + count, 0)).toBe(1611);
  });

  it.each(EXPECTED_4_7)('place 4.7 commit %s in %s', (shortId, area) => {
    const commit = byShortId(feature).get(shortId);
    expect(commit, shortId).toBeDefined();
    expect(placeCommit(commit!).area).toBe(area);
  });

  it('read the subsystem tag of a title, skipping the generic ones', () => {
    expect(titleTag('tools: libxl: free devpath on failure')).toBe('libxl');
    expect(titleTag('xen: sched: fix spinlock issue')).toBe('sched');
    expect(titleTag('xen/arm: p2m: Release the p2m lock')).toBe('xen/arm');
    expect(titleTag('x86, xsplice: Print payload names')).toBe('x86, xsplice');
    expect(titleTag('tools: handle xl migrate --debug in legacy stream')).toBeUndefined();
    expect(titleTag('restore p2m_access_t enum order to allow bitmask semantics')).toBeUndefined();
  });

  it('judge a revert by what it reverts and ignore a byte-order mark', () => {
    expect(ruleSubject('Revert "x86/hvm: add support for pcommit instruction"')).toBe('x86/hvm: add support for pcommit instruction');
    expect(ruleSubject('\uFEFFbuild: use CC as HOSTCC')).toBe('build: use CC as HOSTCC');
  });

  it('map files to areas by their paths', () => {
    expect(fileArea('xen/arch/x86/mm.c')).toBe('x86');
    expect(fileArea('xen/drivers/passthrough/vtd/iommu.c')).toBe('x86');
    expect(fileArea('xen/include/public/arch-arm.h')).toBe('arm');
    expect(fileArea('xen/common/sched_credit2.c')).toBe('scheduler');
    expect(fileArea('xen/common/memory.c')).toBe('common');
    expect(fileArea('docs/man/xl.cfg.pod.5')).toBe('libxl-and-xl');
    expect(fileArea('tools/libxc/xc_domain.c')).toBe('tools');
    expect(fileArea('tools/configure.ac')).toBe('build');
    expect(fileArea('Config.mk')).toBe('build');
    expect(fileArea('debian/rules')).toBeUndefined();
  });

  it('stop on a commit that touches a file no area covers, naming the commit and the file', () => {
    expect(() => placeCommit({ id: 'a'.repeat(40), title: 'packaging: add rules', files: ['debian/rules'] })).toThrow(
      `commit ${'a'.repeat(40)} ("packaging: add rules") touches "debian/rules", which no area's paths cover`,
    );
  });

  it('stop on a commit that no rule places, naming it', () => {
    expect(() => placeCommit({ id: 'b'.repeat(40), title: 'an empty commit', files: [] })).toThrow(
      `commit ${'b'.repeat(40)} ("an empty commit") is placed by no area rule`,
    );
  });
});
