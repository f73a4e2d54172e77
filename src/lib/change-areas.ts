import { lookup } from './lookup.ts';

/**
 * The one ordered list of change-log areas: the part of Xen a commit changes.
 * The data schema's enum, the change log's grouping and order, its headings
 * and anchors, and the chart's bars all derive from it.
 */
export const CHANGE_AREAS = [
  { id: 'x86', title: 'x86', description: 'The hypervisor on x86: HVM and PV guests, emulation, memory management, VT-x, SVM, VT-d' },
  { id: 'arm', title: 'ARM', description: 'The hypervisor on 32- and 64-bit ARM: traps, the GIC, the p2m, ACPI boot' },
  { id: 'scheduler', title: 'Scheduler', description: 'The vCPU schedulers (credit, credit2, RTDS, ARINC 653) and cpupools' },
  {
    id: 'common',
    title: 'Common hypervisor code',
    description: 'Hypervisor code shared by every architecture, its public headers and its documentation: memory, grant tables, XSM, live patching, drivers',
  },
  { id: 'libxl-and-xl', title: 'libxl and xl', description: 'The toolstack library and the xl command, with their documentation' },
  { id: 'tools', title: 'Other tools', description: 'libxc, xenstore, hvmloader, stub domains, the Python and OCaml bindings, the other programs under tools/, and the PV drivers for unmodified guests' },
  { id: 'subprojects', title: 'QEMU and mini-os updates', description: 'The revisions of QEMU, mini-os and the other trees that the build fetches, set in Config.mk' },
  { id: 'build', title: 'Build and version', description: 'The build system, the version number, release files, maintainers and CI' },
] as const;

export type ChangeArea = (typeof CHANGE_AREAS)[number];
export type ChangeAreaId = ChangeArea['id'];

export const CHANGE_AREA_IDS = CHANGE_AREAS.map((area) => area.id) as [ChangeAreaId, ...ChangeAreaId[]];

/** Looks an area up by id; the schema guarantees it exists. */
export function getChangeArea(id: ChangeAreaId): ChangeArea {
  return lookup(CHANGE_AREAS, 'id', id, 'change-log area');
}

/** What the rules read of a commit: its title and the files it touches. */
export interface PlaceableCommit {
  id: string;
  title: string;
  files: readonly string[];
}

/** One rule: the first that applies to a commit gives its area. */
export interface AreaRule {
  name: string;
  /** The area, or undefined when the rule does not apply. */
  place(commit: { subject: string; files: readonly string[]; fileAreas: readonly ChangeAreaId[] }): ChangeAreaId | undefined;
}

/**
 * What a title's subsystem prefix ("x86/vMSI-X: …", "xen/arm: …", "libxl: …")
 * says about the area, tried in this order. Prefixes that name no single
 * area ("xen:", "docs:", "tools/libx{l,c}:", none) say nothing; the files do.
 */
const TITLE_PREFIXES: readonly (readonly [ChangeAreaId, RegExp])[] = [
  ['scheduler', /^(xen: )?(sched(ule|uler)?|sched[-_/ ]\w+|credit[12]?|rtds|cpupools?)\b(?![-_./])/i],
  ['arm', /^(xen\/)?arm(32|64)?\b(?!\/x86)|^acpica\/arm\b|^docs\/arm64\b|^(drivers\/)?pl011\b/i],
  ['x86', /^(xen\/)?x86(emul|_emulate)?\b(?!\/arm)|^(v|nested )?vmx\b|^svm\b|^vt-?d\b|^vtd\/|^hvm\b|^(iommu\/x86|amd iommu|mwait[-_]idle|xen\/nested_p2m)\b/i],
  ['libxl-and-xl', /^(tools\/)?(\(lib\)xl|libxlu?|xl)(_\w+)?\b(?![{])/i],
  [
    'tools',
    /^(tools|libxc|libs|libxen\w+|libvchan|libfsimage|[oc]?xenstored?|xentrace|xenalyze|xenpaging|xenmon|xenconsoled?|xenstat|xenpm|xen-?access|kdd|blktap2?|hvmloader|rombios|stubdom|ocaml|hotplug|pygrub|mce-test|init-xenstore-domain|loadpolicy|xendomains|xendriverdomain)\b(?![{])/i,
  ],
  ['build', /^(\W*build|travis|maintainers|get_maintainer|config(\.mk)?|configure|install|readme|\.?gitignore|kconfig)$/i],
];

/** A revision of a tree the build fetches, set in Config.mk. */
const SUBPROJECT_UPDATE = /qemu|mini-?os|seabios|ovmf|sub-components/i;

/** A version number or release step in the title. */
const VERSION_STEP = /^(update Xen version\b|Xen \d+\.\d+\.\d+ release$|Final touches for Xen \d|Rerun autogen\.sh to pick ?up new version)/i;

/**
 * Where a file lives, tried in this order. A file matched by none is one the
 * rules do not know, and the commit that touches it cannot be placed by files.
 */
const FILE_AREAS: readonly (readonly [ChangeAreaId, RegExp])[] = [
  ['x86', /^xen\/(arch\/x86|include\/asm-x86|include\/public\/arch-x86|drivers\/passthrough\/(vtd|amd|x86)|drivers\/cpufreq)\//],
  ['x86', /^xen\/include\/public\/arch-x86[^/]*\.h$/],
  ['arm', /^(xen\/(arch\/arm|include\/asm-arm|include\/public\/arch-arm|drivers\/passthrough\/arm)\/|xen\/include\/public\/arch-arm\.h$|docs\/misc\/arm\/)/],
  ['scheduler', /^xen\/(common\/(sched[^/]*|schedule|cpupool)\.c|include\/xen\/sched-if\.h)$/],
  ['build', /^(config|m4|scripts|xen\/tools\/kconfig)\//],
  ['build', /^(Config\.mk|Makefile|configure(\.ac)?|autogen\.sh|version\.sh|install\.sh|INSTALL|README|COPYING|CODING_STYLE|CONTRIBUTING|MAINTAINERS|\.gitignore|\.hgignore|\.hgtags|\.travis\.yml|[^/]+\/configure(\.ac)?|[^/]+\/\.gitignore|(xen|tools)\/(Makefile|Rules\.mk)|docs\/Makefile)$/],
  ['libxl-and-xl', /^(tools\/libxl\/|docs\/man\/xl[^/]*$|docs\/misc\/xl-[^/]*$)/],
  ['tools', /^(tools|stubdom|unmodified_drivers)\//],
  ['common', /^(xen|docs)\//],
];

const HYPERVISOR_AREAS: readonly ChangeAreaId[] = ['x86', 'arm', 'scheduler', 'common'];

/** The area of one file path, or undefined when no pattern knows it. */
export function fileArea(path: string): ChangeAreaId | undefined {
  return FILE_AREAS.find(([, pattern]) => pattern.test(path))?.[0];
}

/**
 * The title as the rules read it: a byte-order mark some authors' tools left
 * is dropped, and a revert is judged by the title of what it reverts.
 * @example ruleSubject('Revert "x86/hvm: add support for pcommit"') // 'x86/hvm: add support for pcommit'
 */
export function ruleSubject(title: string): string {
  const trimmed = title.replace(/^\uFEFF/, '').trim();
  const reverted = /^Revert "(.*)"$/.exec(trimmed);
  return reverted?.[1] ?? trimmed;
}

/** Tags that name the whole hypervisor, the tools or the docs: a later tag, or the files, say more. */
const GENERIC_TAG = /^(xen|tools|docs?)$/i;

/**
 * The subsystem tag of a title: of the short tags before its colons
 * ("xen: sched: …", "tools: libxl: …"), the first that is not generic;
 * none when every tag is generic or the title has none.
 * @example titleTag('tools: libxl: free devpath on failure') // 'libxl'
 * @example titleTag('xen/arm: p2m: Release the p2m lock') // 'xen/arm'
 */
export function titleTag(subject: string): string | undefined {
  const tags: string[] = [];
  const tag = /([^:\s]+(?:[ ,][^:\s]+)?):\s+/y;
  for (let match = tag.exec(subject); match && tags.length < 3; match = tag.exec(subject)) tags.push(match[1] ?? '');
  return tags.find((candidate) => !GENERIC_TAG.test(candidate));
}

/** The area with the most files; on a tie, the earlier in the area order. */
function mostFiles(fileAreas: readonly ChangeAreaId[]): ChangeAreaId | undefined {
  let best: ChangeAreaId | undefined;
  let bestCount = 0;
  for (const area of CHANGE_AREA_IDS) {
    const count = fileAreas.filter((candidate) => candidate === area).length;
    if (count > bestCount) {
      best = area;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The rules, in the order they are tried. Each says in its name what it
 * decides from; the first that applies places the commit.
 */
export const AREA_RULES: readonly AreaRule[] = [
  {
    name: 'a revision update of QEMU, mini-os, SeaBIOS or OVMF: the title names one and only Config.mk changes',
    place: ({ subject, files }) =>
      files.length === 1 && files[0] === 'Config.mk' && SUBPROJECT_UPDATE.test(subject) ? 'subprojects' : undefined,
  },
  {
    name: 'a version or release step named in the title',
    place: ({ subject }) => (VERSION_STEP.test(subject) ? 'build' : undefined),
  },
  {
    name: "the title's subsystem prefix",
    place: ({ subject }) => {
      const prefix = titleTag(subject);
      if (prefix === undefined) return undefined;
      return TITLE_PREFIXES.find(([, pattern]) => pattern.test(prefix))?.[0];
    },
  },
  {
    name: 'every file it touches is in one area',
    place: ({ fileAreas }) => {
      const [first] = fileAreas;
      return first !== undefined && fileAreas.every((area) => area === first) ? first : undefined;
    },
  },
  {
    name: 'its files span several parts of the hypervisor and nothing else',
    place: ({ fileAreas }) =>
      fileAreas.length > 0 && fileAreas.every((area) => HYPERVISOR_AREAS.includes(area)) ? 'common' : undefined,
  },
  {
    name: 'the area of most of its files',
    place: ({ fileAreas }) => mostFiles(fileAreas),
  },
];

export interface Placement {
  area: ChangeAreaId;
  rule: string;
}

/**
 * The area of a commit: the first rule of AREA_RULES that applies. A commit
 * none places, or one touching a file no pattern knows, is an error that
 * names it, so that every commit has an area a rule chose.
 */
export function placeCommit(commit: PlaceableCommit): Placement {
  const unknown = commit.files.filter((file) => fileArea(file) === undefined);
  if (unknown.length > 0) {
    throw new Error(
      `commit ${commit.id} ("${commit.title}") touches ${unknown.map((file) => `"${file}"`).join(', ')}, which no area's paths cover; extend FILE_AREAS in src/lib/change-areas.ts`,
    );
  }
  const facts = {
    subject: ruleSubject(commit.title),
    files: commit.files,
    fileAreas: commit.files.map((file) => fileArea(file) as ChangeAreaId),
  };
  for (const rule of AREA_RULES) {
    const area = rule.place(facts);
    if (area) return { area, rule: rule.name };
  }
  throw new Error(
    `commit ${commit.id} ("${commit.title}") is placed by no area rule: its title has no known prefix and it touches no file; add a rule to AREA_RULES in src/lib/change-areas.ts`,
  );
}
