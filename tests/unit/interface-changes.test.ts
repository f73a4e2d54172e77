import { describe, expect, it } from 'vitest';
import { xenInterfaceOf } from '../../src/data/xen-interface';
import { readCodeBlock } from '../../src/lib/code-tokens';
import {
  changeContext,
  countChanges,
  countsInWords,
  defaultParts,
  explainingNotes,
  groupByChange,
  INTERFACE_KINDS,
  shownDefaults,
  interfaceChanges,
  tokenKeys,
  type InterfaceChange,
} from '../../src/lib/interface-changes';
import type { XenInterface } from '../../src/lib/xen-interface';

const before = xenInterfaceOf('4.6.3')!;
const after = xenInterfaceOf('4.7')!;
const changes = interfaceChanges(before, after);
const kind = (id: string) => changes.kinds.find((candidate) => candidate.kind === id)!;
const labels = (id: string, change: string) => kind(id).changes.filter((entry) => entry.change === change).map((entry) => entry.label);

/** Each release's entries of a kind as label → the line and default the data file gives. */
function entriesOf(data: XenInterface, id: string): Map<string, { file: string; line: number; default?: string | undefined }> {
  const shared = <Entry extends { name: string }>(list: readonly Entry[], other: readonly { name: string }[]) => list.filter((entry) => other.some((candidate) => candidate.name === entry.name));
  const other = data === after ? before : after;
  const pairs: [string, { file: string; line: number; default?: string | undefined }][] = {
    'xl-subcommand': () => data.xl.subcommands.map((entry) => [`xl ${entry.name}`, entry] as [string, typeof entry]),
    'xl-option': () => [
      ...data.xl.globalOptions.map((option) => [`xl ${option.name}`, option] as [string, typeof option]),
      ...shared(data.xl.subcommands, other.xl.subcommands).flatMap((entry) => entry.options.map((option) => [`xl ${entry.name} ${option.name}`, option] as [string, typeof option])),
    ],
    'xl-cfg-key': () => data.xlCfg.map((entry) => [entry.name, entry] as [string, typeof entry]),
    // In the file's order: each option, then its sub-options if both releases document the option.
    'boot-option': () =>
      data.bootOptions.flatMap((option) => [
        [option.name, option] as [string, { file: string; line: number; default?: string | undefined }],
        ...(shared([option], other.bootOptions).length > 0 ? option.subOptions.map((sub) => [`${option.name}=${sub.name}`, sub] as [string, typeof sub]) : []),
      ]),
    'kconfig-symbol': () => (data.kconfig?.symbols ?? []).map((symbol) => [`CONFIG_${symbol.name}`, symbol] as [string, typeof symbol]).filter(([label], index, all) => all.findIndex(([first]) => first === label) === index),
    'make-target': () => (data.kconfig?.makeTargets ?? []).map((target) => [`make -C xen ${target.name}`, target] as [string, typeof target]),
    'xen-livepatch-subcommand': () => (data.xenLivepatch ?? []).map((command) => [`xen-livepatch ${command.name}`, command] as [string, typeof command]),
  }[id]!();
  return new Map(pairs);
}

describe('the interface changes from 4.6.3 to 4.7.0', () => {
  it('list every kind, in order', () => {
    expect(changes.kinds.map((entry) => entry.kind)).toEqual(INTERFACE_KINDS.map((entry) => entry.id));
    expect(changes.before.tag).toBe('RELEASE-4.6.3');
    expect(changes.after.tag).toBe('RELEASE-4.7.0');
  });

  it.each(INTERFACE_KINDS.map((entry) => entry.id))('match the two data files entry by entry: %s', (id) => {
    const earlier = entriesOf(before, id);
    const later = entriesOf(after, id);
    const expectedAdded = [...later.keys()].filter((label) => !earlier.has(label));
    const expectedRemoved = [...earlier.keys()].filter((label) => !later.has(label));
    expect(labels(id, 'added')).toEqual(expectedAdded);
    expect(labels(id, 'removed')).toEqual(expectedRemoved);
    for (const entry of kind(id).changes) {
      const side = entry.change === 'removed' ? earlier.get(entry.label)! : later.get(entry.label)!;
      const documented = (entry.change === 'removed' ? entry.before : entry.after)!.documentation[0]!;
      expect(documented).toEqual({
        tag: entry.change === 'removed' ? 'RELEASE-4.6.3' : 'RELEASE-4.7.0',
        file: side.file,
        line: side.line,
        url: `https://github.com/xen-project/xen/blob/${documented.tag}/${side.file}#L${side.line}`,
      });
    }
    const changedDefaults = [...later.keys()].filter((label) => earlier.has(label) && (earlier.get(label)!.default ?? '') !== (later.get(label)!.default ?? ''));
    expect(labels(id, 'default-changed')).toEqual(id === 'boot-option' ? changedDefaults : []);
  });

  it('find the changes the 4.7 release is known for', () => {
    expect(labels('xl-subcommand', 'added')).toEqual(['xl usbctrl-attach', 'xl usbctrl-detach', 'xl usbdev-attach', 'xl usbdev-detach', 'xl usb-list']);
    expect(labels('xl-cfg-key', 'added')).toEqual(['on_soft_reset', 'usbctrl', 'usbdev']);
    expect(labels('boot-option', 'added')).toEqual(['credit2_runqueue', 'iommu=intpost', 'pku']);
    const psr = kind('boot-option').changes.find((entry) => entry.label === 'psr')!;
    expect([psr.before?.default, psr.after?.default]).toEqual(['`psr=cmt:0,rmid_max:255,cat:0,cos_max:255`', '`psr=cmt:0,rmid_max:255,cat:0,cos_max:255,cdp:0`']);
    expect(psr.after?.defaultDocumentation?.url).toBe('https://github.com/xen-project/xen/blob/RELEASE-4.7.0/docs/misc/xen-command-line.markdown#L1246');
    expect(labels('xl-option', 'added')).toContain('xl vcpu-pin --force');
  });

  it('say why every Kconfig symbol and xen-livepatch subcommand is new', () => {
    expect(kind('kconfig-symbol').absentBefore).toBe("Xen 4.6.3 has no Kconfig file: the hypervisor's Kconfig is new in 4.7.0, so each of its symbols is new.");
    expect(kind('xen-livepatch-subcommand').absentBefore).toContain('the tool is new in 4.7.0');
    expect(kind('xl-subcommand').absentBefore).toBeUndefined();
    // ACPI is defined twice in 4.7.0: one entry, both places.
    expect(kind('kconfig-symbol').changes.find((entry) => entry.label === 'CONFIG_ACPI')?.after?.documentation.map((line) => line.file)).toEqual(['xen/arch/arm/Kconfig', 'xen/drivers/acpi/Kconfig']);
  });

  it('give every kind and entry an anchor of its own, readable and stable', () => {
    const anchors = changes.kinds.flatMap((entry) => [entry.anchor, ...entry.changes.map((change) => change.anchor)]);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const anchor of anchors) expect(anchor).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    const anchorOf = (label: string) => changes.kinds.flatMap((entry) => entry.changes).find((entry) => entry.label === label)?.anchor;
    expect(['xl usbctrl-attach', 'xl vcpu-pin --force', 'on_soft_reset', 'credit2_runqueue', 'iommu=intpost', 'CONFIG_LIVEPATCH', 'make -C xen menuconfig', 'xen-livepatch apply'].map(anchorOf)).toEqual([
      'xl-usbctrl-attach',
      'xl-vcpu-pin-option-force',
      'cfg-on_soft_reset',
      'boot-credit2_runqueue',
      'boot-iommu-intpost',
      'kconfig-livepatch',
      'make-menuconfig',
      'xen-livepatch-apply',
    ]);
  });

  it('name the files they were read from at each tag that has them', () => {
    expect(changes.files).toEqual([
      { file: 'docs/man/xl.cfg.pod.5', at: ['RELEASE-4.6.3', 'RELEASE-4.7.0'].map((tag) => ({ tag, url: `https://github.com/xen-project/xen/blob/${tag}/docs/man/xl.cfg.pod.5` })) },
      { file: 'docs/man/xl.pod.1', at: ['RELEASE-4.6.3', 'RELEASE-4.7.0'].map((tag) => ({ tag, url: `https://github.com/xen-project/xen/blob/${tag}/docs/man/xl.pod.1` })) },
      { file: 'docs/misc/xen-command-line.markdown', at: ['RELEASE-4.6.3', 'RELEASE-4.7.0'].map((tag) => ({ tag, url: `https://github.com/xen-project/xen/blob/${tag}/docs/misc/xen-command-line.markdown` })) },
      { file: 'tools/misc/xen-livepatch.c', at: [{ tag: 'RELEASE-4.7.0', url: 'https://github.com/xen-project/xen/blob/RELEASE-4.7.0/tools/misc/xen-livepatch.c' }] },
      { file: 'xen/Makefile', at: [{ tag: 'RELEASE-4.7.0', url: 'https://github.com/xen-project/xen/blob/RELEASE-4.7.0/xen/Makefile' }] },
    ]);
    expect(changes.kconfigFiles).toEqual([
      { tag: 'RELEASE-4.6.3', count: 0 },
      { tag: 'RELEASE-4.7.0', count: 12 },
    ]);
  });

  it('show a default where a release states one or where it changed', () => {
    const boot = (label: string) => kind('boot-option').changes.find((entry) => entry.label === label)!;
    expect(shownDefaults(boot('gdb')).map((side) => [side.version, side.default])).toEqual([
      ['4.6.3', undefined],
      ['4.7.0', '``'],
    ]);
    expect(shownDefaults(boot('pku')).map((side) => [side.version, side.default])).toEqual([['4.7.0', '`true`']]);
    expect(shownDefaults(kind('xl-subcommand').changes[0]!)).toEqual([]);
  });

  it('count each kind and group it by change', () => {
    expect(countChanges(kind('boot-option'))).toEqual({ added: 3, removed: 0, 'default-changed': 4 });
    expect(countsInWords(countChanges(kind('boot-option')))).toBe('3 added, 4 with another documented default');
    expect(countsInWords({ added: 0, removed: 0, 'default-changed': 0 })).toBe('no change');
    expect(groupByChange(kind('boot-option')).map((group) => [group.anchor, group.entries.length])).toEqual([
      ['boot-options-added', 3],
      ['boot-options-default-changed', 4],
    ]);
  });
});

describe('explaining notes', () => {
  const tokens = (lang: string, code: string) => readCodeBlock(lang, code).tokens;

  it('match tokens to entries, sub-options and negations included', () => {
    expect(tokens('xen-cmdline', 'iommu=no-intremap,intpost no-pku').flatMap(tokenKeys)).toEqual([
      'boot-option:iommu',
      'boot-option:iommu:intremap',
      'boot-option:iommu:intpost',
      'boot-option:no-pku',
      'boot-option:pku',
    ]);
    expect(tokens('shell', 'xl vcpu-pin --force 1 all 0').flatMap(tokenKeys)).toEqual(['xl-subcommand:vcpu-pin', 'xl-option:vcpu-pin:--force']);
  });

  it('link an entry to each note whose code block shows it, and a removed entry to none', () => {
    const explained = explainingNotes(changes, [
      { feature: 'PVUSB', path: '/releases/4.7/#pvusb', tokens: [...tokens('shell', 'xl usbctrl-attach 1'), ...tokens('ini', 'usbctrl = [ "version=2" ]')] },
      { feature: 'Posted interrupts', path: '/releases/4.7/#posted-interrupts', tokens: tokens('xen-cmdline', 'iommu=intpost') },
    ]);
    expect(Object.fromEntries(explained)).toEqual({
      'xl-usbctrl-attach': [{ feature: 'PVUSB', path: '/releases/4.7/#pvusb' }],
      'cfg-usbctrl': [{ feature: 'PVUSB', path: '/releases/4.7/#pvusb' }],
      'boot-iommu-intpost': [{ feature: 'Posted interrupts', path: '/releases/4.7/#posted-interrupts' }],
    });
    const removed: InterfaceChange = { ...kind('xl-subcommand').changes[0]!, change: 'removed' };
    const withRemoved = { ...changes, kinds: [{ ...kind('xl-subcommand'), changes: [removed] }] };
    expect(explainingNotes(withRemoved, [{ feature: 'PVUSB', path: '/releases/4.7/#pvusb', tokens: tokens('shell', 'xl usbctrl-attach 1') }]).size).toBe(0);
  });
});

describe('wording', () => {
  it('splits a documented default into text and code', () => {
    expect(defaultParts('`true` on Intel CPUs, otherwise `false`')).toEqual([
      { code: true, text: 'true' },
      { code: false, text: ' on Intel CPUs, otherwise ' },
      { code: true, text: 'false' },
    ]);
    expect(defaultParts('`none` if **low_crashinfo** is absent')).toEqual([{ code: true, text: 'none' }, { code: false, text: ' if low_crashinfo is absent' }]);
    expect(defaultParts('``')).toEqual([{ code: false, text: '``' }]);
  });

  it('says what a search hit on an entry is', () => {
    expect(changeContext('xl subcommands', 'added', '4.6.3')).toBe('xl subcommands added since 4.6.3');
    expect(changeContext('Hypervisor boot options', 'default-changed', '4.6.3')).toBe('Hypervisor boot options with another documented default since 4.6.3');
  });
});
