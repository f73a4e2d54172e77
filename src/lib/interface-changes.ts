import type { CodeToken } from './code-tokens.ts';
import { lookup } from './lookup.ts';
import type { BootOption, BootSubOption, XenInterface, XlOption } from './xen-interface.ts';
import { upstreamFileUrl } from './urls.ts';
import { isKconfigFile } from './xen-interface.ts';

/**
 * What changed in Xen's documented interface between two releases, computed
 * from their data files: entries added, removed, or (boot options, the only
 * entries whose file states defaults in one form) with another documented
 * default.
 */

/**
 * The kinds of entry, in the order the page shows them; their anchors are the
 * page's sections. `searched` kinds are search records, one per entry. The
 * Kconfig symbols are not: all of 4.7.0's are new with Kconfig itself, which
 * the KCONFIG note and the Kconfig targets lead to, and their 61 records
 * would take a first search on a phone's network over its 100 kB budget.
 */
export const INTERFACE_KINDS = [
  { id: 'xl-subcommand', title: 'xl subcommands', anchor: 'xl-subcommands', searched: true },
  { id: 'xl-option', title: 'xl options', anchor: 'xl-options', searched: true },
  { id: 'xl-cfg-key', title: 'xl.cfg keys', anchor: 'xl-cfg-keys', searched: true },
  { id: 'boot-option', title: 'Hypervisor boot options', anchor: 'boot-options', searched: true },
  { id: 'kconfig-symbol', title: 'Kconfig symbols', anchor: 'kconfig-symbols', searched: false },
  { id: 'make-target', title: 'Kconfig make targets', anchor: 'kconfig-targets', searched: true },
  { id: 'xen-livepatch-subcommand', title: 'xen-livepatch subcommands', anchor: 'xen-livepatch', searched: true },
] as const;

export type InterfaceKind = (typeof INTERFACE_KINDS)[number]['id'];

export function getInterfaceKind(id: InterfaceKind): (typeof INTERFACE_KINDS)[number] {
  return lookup(INTERFACE_KINDS, 'id', id, 'interface kind');
}

export const CHANGES = [
  { id: 'added', title: 'Added' },
  { id: 'removed', title: 'Removed' },
  { id: 'default-changed', title: 'Documented default changed' },
] as const;

export type ChangeId = (typeof CHANGES)[number]['id'];

/** A line of Xen's documentation at a tag. */
export interface DocumentationLine {
  tag: string;
  file: string;
  line: number;
  url: string;
}

/** One side of a change: where the entry is documented at one tag, and its default there. */
export interface EntrySide {
  version: string;
  documentation: DocumentationLine[];
  default?: string | undefined;
  defaultDocumentation?: DocumentationLine | undefined;
}

/** A note that explains an entry: one whose code block shows its token. */
export interface ExplainingNote {
  feature: string;
  /** The note's anchor on its release page, as a site path: /releases/4.7/#pvusb. */
  path: string;
}

export interface InterfaceChange {
  kind: InterfaceKind;
  change: ChangeId;
  /** The entry as a reader types it: `xl usbctrl-attach`, `on_soft_reset`, `iommu=intpost`. */
  label: string;
  /** Its id on the page: `xl-usbctrl-attach`, `cfg-on_soft_reset`, `boot-iommu-intpost`. */
  anchor: string;
  /** How the documentation describes it, where it gives a synopsis or prompt. */
  description?: string | undefined;
  before?: EntrySide | undefined;
  after?: EntrySide | undefined;
  /** Keys the explaining notes' tokens are matched on (see tokenKeys). */
  key: string;
}

export interface KindChanges {
  kind: InterfaceKind;
  title: string;
  anchor: string;
  /** Whether each entry is a search record of its own. */
  searched: boolean;
  /** Set when the earlier release has none of this kind at all, saying why. */
  absentBefore?: string | undefined;
  changes: InterfaceChange[];
}

/** A file the changes were read from, at each tag that has it. */
export interface ComparedFile {
  file: string;
  at: { tag: string; url: string }[];
}

export interface InterfaceChanges {
  before: { release: string; version: string; tag: string };
  after: { release: string; version: string; tag: string };
  kinds: KindChanges[];
  /** The files both data files were read from, but the Kconfig files, each with the tags that have it. */
  files: ComparedFile[];
  /** How many Kconfig files each tag has. */
  kconfigFiles: { tag: string; count: number }[];
}

/** Lowercase letters, digits, `_` and `-`: the part of an anchor that names an entry. */
function anchorPart(name: string): string {
  return name
    .toLowerCase()
    .replace(/^-+/, '')
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-|-$/g, '');
}

function documentation(data: XenInterface, places: readonly { file: string; line: number }[]): DocumentationLine[] {
  return places.map(({ file, line }) => ({ tag: data.tag, file, line, url: upstreamFileUrl(data.tag, file, line) }));
}

interface Side {
  data: XenInterface;
  places: { file: string; line: number }[];
  default?: string | undefined;
  defaultLine?: number | undefined;
  description?: string | undefined;
}

function sideOf(side: Side): EntrySide {
  const defaultDocumentation =
    side.defaultLine === undefined ? undefined : documentation(side.data, [{ file: side.places[0]?.file ?? '', line: side.defaultLine }])[0];
  return { version: side.data.version, documentation: documentation(side.data, side.places), default: side.default, defaultDocumentation };
}

interface Entry {
  key: string;
  label: string;
  anchor: string;
  side: Side;
}

/** Whether two stated defaults are the same, white space aside; a default stated by one release only is a change. */
function sameText(left: string | undefined, right: string | undefined): boolean {
  return (left ?? '').replace(/\s+/g, ' ').trim() === (right ?? '').replace(/\s+/g, ' ').trim() && (left === undefined) === (right === undefined);
}

/** Added, removed and changed entries between two lists keyed alike, in document order. */
function compare(kind: InterfaceKind, before: readonly Entry[], after: readonly Entry[], comparesDefaults: boolean): InterfaceChange[] {
  const earlier = new Map(before.map((entry) => [entry.key, entry]));
  const later = new Map(after.map((entry) => [entry.key, entry]));
  const change = (id: ChangeId, entry: Entry, beforeSide?: Side, afterSide?: Side): InterfaceChange => ({
    kind,
    change: id,
    label: entry.label,
    anchor: entry.anchor,
    description: (afterSide ?? beforeSide)?.description,
    before: beforeSide && sideOf(beforeSide),
    after: afterSide && sideOf(afterSide),
    key: entry.key,
  });
  const changes: InterfaceChange[] = [];
  for (const entry of after) {
    const old = earlier.get(entry.key);
    if (!old) changes.push(change('added', entry, undefined, entry.side));
    else if (comparesDefaults && !sameText(old.side.default, entry.side.default)) changes.push(change('default-changed', entry, old.side, entry.side));
  }
  for (const entry of before) if (!later.has(entry.key)) changes.push(change('removed', entry, entry.side));
  return changes;
}

/** The key an entry and a code token share: see tokenKeys. */
function key(kind: InterfaceKind, ...parts: string[]): string {
  return [kind, ...parts].join(':');
}

function subcommands(data: XenInterface): Entry[] {
  return data.xl.subcommands.map((subcommand) => ({
    key: key('xl-subcommand', subcommand.name),
    label: `xl ${subcommand.name}`,
    anchor: `xl-${anchorPart(subcommand.name)}`,
    side: { data, places: [subcommand], description: subcommand.synopsis },
  }));
}

function optionEntry(data: XenInterface, subcommand: string | undefined, option: XlOption): Entry {
  return {
    key: key('xl-option', subcommand ?? '', option.name),
    label: subcommand === undefined ? `xl ${option.name}` : `xl ${subcommand} ${option.name}`,
    anchor: subcommand === undefined ? `xl-option-${anchorPart(option.name)}` : `xl-${anchorPart(subcommand)}-option-${anchorPart(option.name)}`,
    side: { data, places: [option] },
  };
}

/** Options of the subcommands both releases document (a new subcommand's options come with it), and the global ones. */
function options(data: XenInterface, shared: ReadonlySet<string>): Entry[] {
  return [
    ...data.xl.globalOptions.map((option) => optionEntry(data, undefined, option)),
    ...data.xl.subcommands.filter((subcommand) => shared.has(subcommand.name)).flatMap((subcommand) => subcommand.options.map((option) => optionEntry(data, subcommand.name, option))),
  ];
}

function configKeys(data: XenInterface): Entry[] {
  return data.xlCfg.map((entry) => ({
    key: key('xl-cfg-key', entry.name),
    label: entry.name,
    anchor: `cfg-${anchorPart(entry.name)}`,
    side: { data, places: [entry], description: entry.synopsis },
  }));
}

function bootEntry(data: XenInterface, option: BootOption, subOption?: BootSubOption): Entry {
  const entry = subOption ?? option;
  return {
    key: subOption ? key('boot-option', option.name, subOption.name) : key('boot-option', option.name),
    label: subOption ? `${option.name}=${subOption.name}` : option.name,
    anchor: subOption ? `boot-${anchorPart(option.name)}-${anchorPart(subOption.name)}` : `boot-${anchorPart(option.name)}`,
    side: {
      data,
      places: [entry],
      default: entry.default,
      defaultLine: entry.defaultLine,
      description: subOption ? undefined : option.syntax,
    },
  };
}

/** Boot options, and the sub-options of those both releases document. */
function bootOptions(data: XenInterface, shared: ReadonlySet<string>): Entry[] {
  return data.bootOptions.flatMap((option) => [
    bootEntry(data, option),
    ...(shared.has(option.name) ? option.subOptions.map((subOption) => bootEntry(data, option, subOption)) : []),
  ]);
}

function kconfigSymbols(data: XenInterface): Entry[] {
  const byName = new Map<string, Entry>();
  for (const symbol of data.kconfig?.symbols ?? []) {
    const known = byName.get(symbol.name);
    if (known) known.side.places.push(symbol);
    else {
      byName.set(symbol.name, {
        key: key('kconfig-symbol', symbol.name),
        label: `CONFIG_${symbol.name}`,
        anchor: `kconfig-${anchorPart(symbol.name)}`,
        side: { data, places: [symbol], description: symbol.prompt ?? (symbol.env ? `set from the environment variable ${symbol.env}` : undefined) },
      });
    }
  }
  return [...byName.values()];
}

function makeTargets(data: XenInterface): Entry[] {
  return (data.kconfig?.makeTargets ?? []).map((target) => ({
    key: key('make-target', target.name),
    label: `make -C xen ${target.name}`,
    anchor: `make-${anchorPart(target.name)}`,
    side: { data, places: [target] },
  }));
}

function livepatchCommands(data: XenInterface): Entry[] {
  return (data.xenLivepatch ?? []).map((command) => ({
    key: key('xen-livepatch-subcommand', command.name),
    label: `xen-livepatch ${command.name}`,
    anchor: `xen-livepatch-${anchorPart(command.name)}`,
    side: { data, places: [command], description: `${command.usage}: ${command.description}` },
  }));
}

/** Every change between two releases' documented interfaces, by kind, each kind in the order of INTERFACE_KINDS. */
export function interfaceChanges(before: XenInterface, after: XenInterface): InterfaceChanges {
  const names = (list: readonly { name: string }[]) => new Set(list.map((entry) => entry.name));
  const both = (left: Set<string>, right: Set<string>) => new Set([...left].filter((name) => right.has(name)));
  const sharedSubcommands = both(names(before.xl.subcommands), names(after.xl.subcommands));
  const sharedOptions = both(names(before.bootOptions), names(after.bootOptions));
  const lists: Record<InterfaceKind, [Entry[], Entry[], boolean]> = {
    'xl-subcommand': [subcommands(before), subcommands(after), false],
    'xl-option': [options(before, sharedSubcommands), options(after, sharedSubcommands), false],
    'xl-cfg-key': [configKeys(before), configKeys(after), false],
    'boot-option': [bootOptions(before, sharedOptions), bootOptions(after, sharedOptions), true],
    'kconfig-symbol': [kconfigSymbols(before), kconfigSymbols(after), false],
    'make-target': [makeTargets(before), makeTargets(after), false],
    'xen-livepatch-subcommand': [livepatchCommands(before), livepatchCommands(after), false],
  };
  const absence: Partial<Record<InterfaceKind, string | undefined>> = {
    'kconfig-symbol': before.kconfig ? undefined : `Xen ${before.version} has no Kconfig file: the hypervisor's Kconfig is new in ${after.version}, so each of its symbols is new.`,
    'make-target': before.kconfig ? undefined : `Xen ${before.version} has no Kconfig, so xen/Makefile has no Kconfig targets before ${after.version}.`,
    'xen-livepatch-subcommand': before.xenLivepatch ? undefined : `Xen ${before.version} has no xen-livepatch (tools/misc/xen-livepatch.c): the tool is new in ${after.version}.`,
  };
  const kinds = INTERFACE_KINDS.map((kind): KindChanges => {
    const [earlier, later, comparesDefaults] = lists[kind.id];
    return {
      kind: kind.id,
      title: kind.title,
      anchor: kind.anchor,
      searched: kind.searched,
      absentBefore: absence[kind.id],
      changes: compare(kind.id, earlier, later, comparesDefaults),
    };
  });
  const anchors = new Map<string, string>();
  for (const kind of kinds) {
    for (const entry of [kind.anchor, ...kind.changes.map((change) => change.anchor)]) {
      const earlier = anchors.get(entry);
      if (earlier) throw new Error(`the anchor #${entry} is given twice (${earlier} and ${kind.kind}); expected one anchor per entry`);
      anchors.set(entry, kind.kind);
    }
  }
  const release = (data: XenInterface) => ({ release: data.release, version: data.version, tag: data.tag });
  const paths = [...new Set([before, after].flatMap((data) => data.files.map((file) => file.path)))].filter((path) => !isKconfigFile(path)).sort();
  const files = paths.map((file) => ({
    file,
    at: [before, after].filter((data) => data.files.some((entry) => entry.path === file)).map((data) => ({ tag: data.tag, url: upstreamFileUrl(data.tag, file) })),
  }));
  const kconfigFiles = [before, after].map((data) => ({ tag: data.tag, count: data.files.filter((file) => isKconfigFile(file.path)).length }));
  return { before: release(before), after: release(after), kinds, files, kconfigFiles };
}

/**
 * The keys of the entries a code token shows: `xl vcpu-pin -f` shows the
 * option -f of vcpu-pin, `iommu=no-intremap,intpost` the option iommu and its
 * sub-options intremap and intpost, `no-hap` the option hap.
 */
export function tokenKeys(token: CodeToken): string[] {
  switch (token.kind) {
    case 'xl-option':
      return [key('xl-option', token.subcommand ?? '', token.name)];
    case 'boot-option': {
      const name = token.name.replace(/\[[^\]]*\]$/, '');
      const names = name.startsWith('no-') ? [name, name.slice(3)] : [name];
      const parts = (token.value ?? '').split(',').map((part) => part.replace(/^no-/, '').split('=')[0] ?? '').filter(Boolean);
      return names.flatMap((option) => [key('boot-option', option), ...parts.map((part) => key('boot-option', option, part))]);
    }
    default:
      return [key(token.kind, token.name)];
  }
}

/** Each change's explaining notes: those whose code blocks show its token. */
export function explainingNotes(
  changes: InterfaceChanges,
  notes: readonly (ExplainingNote & { tokens: readonly CodeToken[] })[],
): Map<string, ExplainingNote[]> {
  const byKey = new Map<string, ExplainingNote[]>();
  for (const note of notes) {
    for (const shown of new Set(note.tokens.flatMap(tokenKeys))) byKey.set(shown, [...(byKey.get(shown) ?? []), { feature: note.feature, path: note.path }]);
  }
  const explained = new Map<string, ExplainingNote[]>();
  for (const change of changes.kinds.flatMap((kind) => kind.changes)) {
    const found = byKey.get(change.key);
    if (found && change.change !== 'removed') explained.set(change.anchor, found);
  }
  return explained;
}

/** How many entries of each change a kind has. */
export function countChanges(kind: KindChanges): Record<ChangeId, number> {
  return Object.fromEntries(CHANGES.map((change) => [change.id, kind.changes.filter((entry) => entry.change === change.id).length])) as Record<ChangeId, number>;
}

/**
 * A documented default as text and code parts: the command line document
 * writes defaults in Markdown, with code spans and the odd bold name.
 * @example defaultParts('`true` on Intel CPUs') // [{ code: true, text: 'true' }, { code: false, text: ' on Intel CPUs' }]
 */
export function defaultParts(written: string): { code: boolean; text: string }[] {
  return written
    .split(/(`[^`]+`)/)
    .filter((part) => part !== '')
    .map((part) => (/^`[^`]+`$/.test(part) ? { code: true, text: part.slice(1, -1) } : { code: false, text: part.replaceAll('**', '') }));
}

/** A kind's changes grouped by change, in the order of CHANGES, each group with its anchor; empty groups are left out. */
export function groupByChange(kind: KindChanges): { change: ChangeId; title: string; anchor: string; entries: InterfaceChange[] }[] {
  return CHANGES.map((change) => ({
    change: change.id,
    title: change.title,
    anchor: `${kind.anchor}-${change.id}`,
    entries: kind.changes.filter((entry) => entry.change === change.id),
  })).filter((group) => group.entries.length > 0);
}

/**
 * A kind's counts in words, for the page's summary.
 * @example countsInWords({ added: 3, removed: 0, 'default-changed': 4 }) // '3 added, 4 with another documented default'
 */
export function countsInWords(counts: Record<ChangeId, number>): string {
  const words: Record<ChangeId, string> = { added: 'added', removed: 'removed', 'default-changed': 'with another documented default' };
  const parts = CHANGES.filter((change) => counts[change.id] > 0).map((change) => `${counts[change.id]} ${words[change.id]}`);
  return parts.length > 0 ? parts.join(', ') : 'no change';
}

/**
 * What a search hit on an entry says about it, beside its release.
 * @example changeContext('xl subcommands', 'added', '4.6.3') // 'xl subcommands added since 4.6.3'
 */
export function changeContext(kindTitle: string, change: ChangeId, sinceVersion: string): string {
  const what: Record<ChangeId, string> = { added: 'added', removed: 'removed', 'default-changed': 'with another documented default' };
  return `${kindTitle} ${what[change]} since ${sinceVersion}`;
}

/**
 * The defaults an entry shows, one per release that documents it: none for an
 * entry whose documentation states no default and whose default did not change.
 */
export function shownDefaults(entry: InterfaceChange): EntrySide[] {
  const sides = [entry.before, entry.after].filter((side): side is EntrySide => side !== undefined);
  return entry.change === 'default-changed' || sides.some((side) => side.default !== undefined) ? sides : [];
}
