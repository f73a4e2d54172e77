import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gitBlobId } from '../../src/lib/git-blob';
import { admitsBoolean, expandBraces, headingOptionNames, parseBooleanWords, parseCommandLineDoc } from '../../src/lib/xen-cmdline-doc';
import { parseKconfig, parseKconfigTargets } from '../../src/lib/xen-kconfig';
import { parseLivepatchTool } from '../../src/lib/xen-livepatch-tool';
import { optionWords, parseXlCfgManPage, parseXlManPage } from '../../src/lib/xen-man-pages';
import { podItems, podToText } from '../../src/lib/xen-pod';

/** Small files in the form of Xen's own, each with the cases its parser must get right. */
const fixture = (name: string) => readFileSync(`tests/fixtures/xen-files/${name}`, 'utf8');

describe('gitBlobId', () => {
  it('gives the ids git gives the same content', () => {
    // `git hash-object /dev/null` and `printf 'hello\n' | git hash-object --stdin`
    expect(gitBlobId(Buffer.from(''))).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect(gitBlobId(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});

describe('POD', () => {
  it('drops formatting codes, nested ones and escapes too, and keeps a < that opens none', () => {
    expect(podToText('B<create> [I<configfile>]')).toBe('create [configfile]');
    expect(podToText('B<E<lt>nothingE<gt>>')).toBe('<nothing>');
    expect(podToText('B<-c>, <--cpupool>')).toBe('-c, <--cpupool>');
    expect(podToText('B<tmem-list> I[<-l>]')).toBe('tmem-list I[<-l>]');
  });

  it('gives each item its line, list depth and headings, and its whole first paragraph', () => {
    const items = podItems(fixture('xl.pod.1'));
    const colo = items.find((item) => item.text.startsWith('colo-host'));
    expect(colo).toMatchObject({ depth: 2, head1: 'DOMAIN SUBCOMMANDS', text: "colo-host :an item that describes a value, over two lines." });
    expect(items.find((item) => item.text.startsWith('usbctrl-attach'))).toMatchObject({ line: 84, depth: 1, head1: 'USB PASS-THROUGH' });
  });

  it('stops on lists that do not close or close twice', () => {
    expect(() => podItems('=over 4\n\n=item B<a>\n')).toThrow('an =over list is never closed with =back');
    expect(() => podItems('=back\n')).toThrow('line 1: =back closes no =over list');
    expect(() => podItems('=item B<a>\n')).toThrow('line 1: =item outside any =over list');
  });
});

describe('parseXlManPage', () => {
  const page = parseXlManPage(fixture('xl.pod.1'));
  const options = (name: string) => page.subcommands.find((subcommand) => subcommand.name === name)?.options.map((option) => option.name);

  it('reads the global options', () => {
    expect(page.globalOptions).toEqual([
      { name: '-v', line: 19 },
      { name: '-N', line: 23 },
    ]);
  });

  it('lists the subcommands of every section that has them, and none of NOTES or TO BE DOCUMENTED', () => {
    expect(page.subcommands.map((subcommand) => subcommand.name)).toEqual(['create', 'vcpu-pin', 'remus', 'migrate', 'usbctrl-attach', 'tmem-list']);
    expect(page.subcommands[4]).toMatchObject({ section: 'USB PASS-THROUGH', synopsis: 'usbctrl-attach domain-id usbctrl-device', line: 84 });
  });

  it('takes options from nested items that start with one and from the synopsis, not from argument items', () => {
    expect(options('create')).toEqual(['-q', '--quiet', '-f', '--defconfig']);
    expect(options('vcpu-pin')).toEqual(['-f', '--force']);
    expect(options('remus')).toEqual(['-c', '--cpupool']);
    expect(options('tmem-list')).toEqual(['-l']);
  });

  it('adds the xm options xl accepts and ignores to their subcommand', () => {
    expect(page.subcommands.find((subcommand) => subcommand.name === 'migrate')?.options).toEqual([{ name: '--live', line: 94 }]);
  });

  it('splits option words the way the page writes them', () => {
    expect(optionWords('-d DOMAIN, --domain=DOMAIN')).toEqual(['-d', '--domain']);
    expect(optionWords('shutdown [OPTIONS] -a|domain-id')).toEqual(['-a']);
  });

  it('stops on a top-level item that names no subcommand', () => {
    expect(() => parseXlManPage('=head1 DOMAIN SUBCOMMANDS\n\n=over 4\n\n=item I<create>\n\n=back\n')).toThrow(
      'line 5: "=item I<create>" in section "DOMAIN SUBCOMMANDS"; expected a subcommand in bold, like B<create> [I<configfile>]',
    );
  });
});

describe('parseXlCfgManPage', () => {
  it('lists each key of a top-level item under OPTIONS once, at its first item, not the parts of a value', () => {
    expect(parseXlCfgManPage(fixture('xl.cfg.pod.5'))).toEqual([
      { name: 'builder', synopsis: 'builder="generic"', section: 'Selecting Guest Type', line: 19 },
      { name: 'on_soft_reset', synopsis: 'on_soft_reset="ACTION"', section: 'Event Actions', line: 29 },
      { name: 'usbctrl', synopsis: 'usbctrl=[ "USBCTRL_SPEC_STRING", "USBCTRL_SPEC_STRING", ... ]', section: 'Devices', line: 45 },
      { name: 'cpuid', synopsis: 'cpuid="LIBXL_STRING" or cpuid=[ "XEND_STRING", "XEND_STRING" ]', section: 'Devices', line: 59 },
    ]);
  });

  it('stops on a top-level item that is no key', () => {
    expect(() => parseXlCfgManPage('=head1 OPTIONS\n\n=over 4\n\n=item I<builder>\n\n=back\n')).toThrow('line 5: "=item I<builder>" in section "OPTIONS"; expected a key in bold');
  });
});

describe('the command line document', () => {
  const options = parseCommandLineDoc(fixture('xen-command-line.markdown'));
  const option = (name: string) => options.find((candidate) => candidate.name === name);

  it('expands braces as a shell does and splits headings that name several options', () => {
    expect(expandBraces('cpuid_mask_{l7s0_{eax,ebx},thermal_ecx}')).toEqual(['cpuid_mask_l7s0_eax', 'cpuid_mask_l7s0_ebx', 'cpuid_mask_thermal_ecx']);
    expect(headingOptionNames('cpuid_mask_{{,ext_}ecx,edx}')).toEqual(['cpuid_mask_ecx', 'cpuid_mask_ext_ecx', 'cpuid_mask_edx']);
    expect(headingOptionNames('com1,com2')).toEqual(['com1', 'com2']);
    expect(headingOptionNames('ivrs_hpet[<hpet>]')).toEqual(['ivrs_hpet']);
  });

  it('reads every option after "Parameter details", with its syntax, qualifier and stated default', () => {
    expect(options.map((entry) => entry.name)).toEqual([
      'com1', 'com2', 'cpuid_mask_ecx', 'cpuid_mask_ext_ecx', 'cpuid_mask_edx', 'credit2_runqueue', 'hest_disable', 'iommu', 'ivrs_hpet', 'psr', 'sched',
    ]);
    expect(option('credit2_runqueue')).toMatchObject({ syntax: '= core | socket | node | all', default: '`core`', line: 27, defaultLine: 30, boolean: false });
    expect(option('cpuid_mask_edx')).toMatchObject({ heading: 'cpuid_mask_{{,ext_}ecx,edx}', default: '`~0` (all bits set)', defaultLine: 25 });
    expect(option('psr')).toMatchObject({ qualifier: 'Intel', boolean: false, default: '`psr=cmt:0,cdp:0`' });
    expect(option('hest_disable')).toMatchObject({ syntax: '= <boolean>', boolean: true });
    expect(option('hest_disable')?.default).toBeUndefined();
    expect(option('com1')?.default).toBeUndefined();
  });

  it('gives each sub-option its own default, and the <boolean> one to the option itself', () => {
    expect(option('iommu')).toMatchObject({ default: '`on`', boolean: true });
    expect(option('iommu')?.subOptions).toEqual([
      { name: 'force', line: 44, default: '`false`', defaultLine: 46 },
      { name: 'required', line: 44, default: '`false`', defaultLine: 46 },
      { name: 'intpost', line: 48, default: '`false`', defaultLine: 50 },
    ]);
  });

  it('tells a boolean option from one whose value has boolean fields', () => {
    expect(admitsBoolean('= <boolean>')).toBe(true);
    expect(admitsBoolean('= force | <boolean>')).toBe(true);
    expect(admitsBoolean('= <boolean>[,amd-fam10]')).toBe(true);
    expect(admitsBoolean('= List of ( cmt:<boolean> | cat:<boolean> )')).toBe(false);
  });

  it('reads the words a boolean accepts', () => {
    expect(parseBooleanWords(fixture('xen-command-line.markdown'))).toEqual({ true: ['yes', 'on', '1'], false: ['no', 'off', '0'], line: 8 });
  });

  it('stops on a section with two defaults, and on a file without the details heading', () => {
    expect(() => parseCommandLineDoc('## Parameter details\n\n### sched\n> Default: `a`\n\n> Default: `b`\n')).toThrow('line 6: a second "> Default:" line');
    expect(() => parseCommandLineDoc('# Nothing here\n')).toThrow('no "## Parameter details" heading');
  });
});

describe('Kconfig', () => {
  it('reads symbols with their type, prompt and environment variable, skipping help texts', () => {
    const parsed = parseKconfig(fixture('Kconfig'));
    expect(parsed.symbols).toEqual([
      { name: 'HAS_BUILD_ID', type: 'string', env: 'XEN_HAS_BUILD_ID', line: 4 },
      { name: 'SCHED_CREDIT_DEFAULT', type: 'bool', prompt: 'Credit Scheduler', line: 12 },
      { name: 'LIVEPATCH', type: 'bool', prompt: 'Live patching support (TECH PREVIEW)', line: 16 },
      { name: 'EXPERT_MENU', prompt: 'A menu symbol', line: 27 },
    ]);
    expect(parsed.sources).toEqual([{ path: 'drivers/Kconfig', line: 30 }]);
  });

  it('reads the Kconfig targets of xen/Makefile, over continued lines', () => {
    expect(parseKconfigTargets(fixture('Makefile'))).toEqual([
      { name: 'silentoldconfig', line: 4 },
      { name: 'oldconfig', line: 4 },
      { name: 'config', line: 4 },
      { name: 'menuconfig', line: 4 },
      { name: 'olddefconfig', line: 5 },
    ]);
    expect(() => parseKconfigTargets('all:\n')).toThrow('no "kconfig :=" variable');
  });
});

describe('parseLivepatchTool', () => {
  it('lists the subcommands of both dispatch tables with their help lines, continued lines included', () => {
    expect(parseLivepatchTool(fixture('xen-livepatch.c'))).toEqual([
      { name: 'help', usage: 'help', description: 'display this help', line: 28 },
      { name: 'list', usage: 'list', description: 'list payloads uploaded.', line: 29 },
      { name: 'load', usage: 'load <file>', description: 'upload and apply <file>. name is the <file> name', line: 30 },
      { name: 'apply', usage: 'apply <name>', description: 'apply <name> patch.', line: 19 },
    ]);
  });

  it('stops on a subcommand the help text does not describe', () => {
    const undescribed = fixture('xen-livepatch.c').replace('{ "load", load_func },', '{ "load", load_func },\n    { "replace", replace_func },');
    expect(() => parseLivepatchTool(undescribed)).toThrow('line 31: the subcommand "replace" has no line in the help text');
  });
});
