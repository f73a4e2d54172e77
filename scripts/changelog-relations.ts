// What the advisory numbers in the 4.6.3 commit messages do not say on their
// own, each stated with the commit's own words: its message, or for a QEMU
// update the Config.mk lines it writes. scripts/changelog.ts applies these to
// the log; `git -C <xen> show <id>` shows each piece of evidence.
import type { CommitRelation } from '../src/lib/changelog-build.ts';

export const RELATIONS: Record<string, readonly CommitRelation[]> = {
  '4.6.3': [
    {
      commit: 'ec92e7c629a60adb1f32e47605cf8bdf9b6afd47',
      evidence: 'x86: fix unintended fallthrough case from XSA-154',
      followUpOf: { advisory: 'XSA-154', summary: 'had an unintended fall-through from one case into the next' },
    },
    {
      commit: '301d68384249382b6d0b4e49ee318d2903ec98cc',
      evidence:
        'This fixes a performance regression introduced by c61a6f74f80eb36ed83a82f713db3143159b9009 (x86: enforce consistent cachability of MMIO mappings), the fix for XSA-154.',
      followUpOf: { advisory: 'XSA-154', summary:
          'slowed guests down: Xen flushed the whole cache whenever a guest changed the cacheability of a mapping (a Linux set_memory_wc() call took 4097 µs before this commit, 47 µs after)' },
    },
    {
      commit: '8b7a356409023f60f80e9f4b00bba16ad56cd77b',
      evidence: 'libxl: Fix NULL pointer due to XSA-178 fix wrong XS nodename',
      followUpOf: { advisory: 'XSA-178', summary: 'read the vdev of disk eject events from a mistyped xenstore path, so the events carried a NULL vdev' },
    },
    {
      commit: '426783e661da942f8b7871613479db4daa6a16c3',
      evidence:
        '+QEMU_UPSTREAM_REVISION ?= 14a60f98e0cd16e2636afb136129ed7f11cbfce0 / +# vga: make sure vga register setup for vbe stays intact (CVE-2016-3712).',
      revisionUpdate: {
        variable: 'QEMU_UPSTREAM_REVISION',
        lines: [257, 259],
        revision: '14a60f98e0cd16e2636afb136129ed7f11cbfce0',
        subject: 'vga: make sure vga register setup for vbe stays intact (CVE-2016-3712).',
        cves: ['CVE-2016-3712'],
      },
    },
    {
      commit: '5f05c100ca54acad94f73b6d679470323e664b16',
      evidence:
        '+QEMU_TRADITIONAL_REVISION ?= 97042b958cc0fa87705ebd59d58559c81d4b5854 / +# vga: make sure vga register setup for vbe stays intact (CVE-2016-3712).',
      revisionUpdate: {
        variable: 'QEMU_TRADITIONAL_REVISION',
        lines: [269, 271],
        revision: '97042b958cc0fa87705ebd59d58559c81d4b5854',
        subject: 'vga: make sure vga register setup for vbe stays intact (CVE-2016-3712).',
        cves: ['CVE-2016-3712'],
      },
    },
    {
      commit: 'e0493703a96c03aaafc8d179624b89b7cf600916',
      evidence: 'This is part of XSA155.',
      advisories: ['XSA-155'],
    },
    {
      commit: '5df279da341491dbe9966eb8716c015b71d16a8d',
      evidence: 'The fix for XSA-52 was wrong, … This is CVE-2016-3158 / CVE-2016-3159 / XSA-172.',
      mentions: ['XSA-52'],
    },
    {
      commit: '1fd29984f6869445603a76ed6af297dc7196fef4',
      evidence: 'Commit a929bee0e652 ("x86/vmx: Fix injection of #DB traps following XSA-156") prevents an infinite loop in certain #DB traps. However, …',
      mentions: ['XSA-156'],
    },
  ],
};
