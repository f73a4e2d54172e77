import { describe, expect, it } from 'vitest';
import { xenInterfaceOf } from '../../src/data/xen-interface';
import { readCodeBlock } from '../../src/lib/code-tokens';
import { checkTokens } from '../../src/lib/interface-check';
import { closest, editDistance } from '../../src/lib/suggest';

const release47 = xenInterfaceOf('4.7')!;
const release463 = xenInterfaceOf('4.6.3')!;

/** The problems and documenting places of one code block, checked against a release. */
function check(lang: string, code: string, data = release47) {
  const { tokens } = readCodeBlock(lang, code);
  return checkTokens(tokens, data);
}
const messages = (lang: string, code: string, data = release47) => check(lang, code, data).problems.map((problem) => problem.message);

describe('suggestions', () => {
  it('count a swap of neighbours as one edit', () => {
    expect(editDistance('usbctrl-atach', 'usbctrl-attach')).toBe(1);
    expect(editDistance('sched-rtsd', 'sched-rtds')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('offer the nearest known word, another case first, and nothing when none is near', () => {
    expect(closest('usbctrl-atach', ['usbctrl-attach', 'usbctrl-detach'])).toBe('usbctrl-attach');
    expect(closest('LIVEPATCH', ['livepatch'])).toBe('livepatch');
    expect(closest('-x', ['-d', '-w'])).toBe('-d');
    expect(closest('frobnicate', ['create', 'destroy'])).toBeUndefined();
  });
});

describe('checkTokens against 4.7.0', () => {
  it('passes documented commands and names the lines that document them', () => {
    const result = check('shell', 'xl usbctrl-attach 1 version=2\nxl vcpu-pin -f 1 all 0-3\nxl -v sched-rtds -d 1 -v all');
    expect(result.problems).toEqual([]);
    expect(result.checked.map(({ documentedAt }) => documentedAt[0])).toEqual([
      { file: 'docs/man/xl.pod.1', line: 1482 },
      { file: 'docs/man/xl.pod.1', line: 743 },
      { file: 'docs/man/xl.pod.1', line: 743 },
      { file: 'docs/man/xl.pod.1', line: 69 },
      { file: 'docs/man/xl.pod.1', line: 1090 },
      { file: 'docs/man/xl.pod.1', line: 1105 },
      { file: 'docs/man/xl.pod.1', line: 1110 },
    ]);
  });

  it('names an unknown subcommand with the nearest documented one', () => {
    expect(messages('shell', 'xl usbctrl-atach 1')).toEqual(['`xl usbctrl-atach` is no xl subcommand of 4.7.0; did you mean usbctrl-attach?']);
    expect(messages('shell', 'xl frobnicate')).toEqual(['`xl frobnicate` is no xl subcommand of 4.7.0']);
  });

  it('names an unknown option with the options the subcommand documents', () => {
    expect(messages('shell', 'xl sched-credit2 -x 1')).toEqual([
      '`xl sched-credit2 -x 1`: `-x` is no option of xl sched-credit2 in 4.7.0 (it documents -d, --domain, -w, --weight, -p, --cpupool); did you mean -d?',
    ]);
    expect(messages('shell', 'xl -q list')).toEqual(['`xl -q list`: `-q` is no global option of xl in 4.7.0; expected one of -v, -N, -f, -t']);
  });

  it('accepts short options written together when each is documented', () => {
    expect(messages('shell', 'xl create -qc guest.cfg')).toEqual([]);
    expect(messages('shell', 'xl create -qz guest.cfg')[0]).toContain('`-qz` is no option of xl create');
  });

  it('checks xl.cfg keys', () => {
    expect(messages('ini', 'on_soft_reset = "soft-reset"\nusbctl = [ "version=2" ]')).toEqual(['`usbctl` is no xl.cfg key of 4.7.0; did you mean usbctrl?']);
  });

  it('checks boot options, their negation and their documented sub-options', () => {
    expect(messages('xen-cmdline', 'sched=credit2 credit2_runqueue=socket iommu=no-intremap,intpost no-hap iommu=1')).toEqual([]);
    expect(messages('xen-cmdline', 'credit2_runqeue=socket')).toEqual(['`credit2_runqeue=socket`: `credit2_runqeue` is no hypervisor boot option of 4.7.0; did you mean credit2_runqueue?']);
    expect(messages('xen-cmdline', 'iommu=inpost')).toEqual(['`iommu=inpost`: `inpost` is no sub-option of iommu in 4.7.0; did you mean intpost?']);
    expect(messages('xen-cmdline', 'no-sched')[0]).toBe('`no-sched` negates sched, which is no boolean option in 4.7.0 (its syntax is `= credit | credit2 | arinc653`); expected sched=<value>');
  });

  it('checks Kconfig symbols, and finds every file that defines one', () => {
    expect(check('kconfig', 'CONFIG_ACPI=y').checked[0]?.documentedAt.map((place) => place.file)).toEqual(['xen/arch/arm/Kconfig', 'xen/drivers/acpi/Kconfig']);
    expect(messages('kconfig', 'CONFIG_LIVEPACH=y')).toEqual(['`CONFIG_LIVEPACH` is no Kconfig symbol of 4.7.0; did you mean CONFIG_LIVEPATCH?']);
  });

  it('checks Kconfig make targets and that they run in xen/', () => {
    expect(messages('shell', 'make -C xen menuconfig')).toEqual([]);
    expect(messages('shell', 'make -C xen mneuconfig')).toEqual(['`make -C xen mneuconfig`: `mneuconfig` is no Kconfig target of xen/Makefile in 4.7.0; did you mean menuconfig?']);
    expect(messages('shell', 'make menuconfig')).toEqual([
      '`make menuconfig` runs in the top of the tree, but the Kconfig targets are those of xen/Makefile; expected `make -C xen menuconfig`',
    ]);
  });

  it('checks xen-livepatch subcommands', () => {
    expect(messages('shell', 'xen-livepatch upload p1 p1.livepatch && xen-livepatch apply p1')).toEqual([]);
    expect(messages('shell', 'xen-livepatch aply p1')).toEqual(['`xen-livepatch aply` is no xen-livepatch subcommand of 4.7.0; did you mean apply?']);
  });
});

describe('checkTokens against 4.6.3', () => {
  it('knows what 4.6.3 does not have', () => {
    expect(messages('shell', 'xl usbctrl-attach 1', release463)).toEqual(['`xl usbctrl-attach` is no xl subcommand of 4.6.3']);
    expect(messages('kconfig', 'CONFIG_LIVEPATCH=y', release463)).toEqual(['`CONFIG_LIVEPATCH` is no Kconfig symbol of 4.6.3: Xen 4.6.3 has no Kconfig']);
    expect(messages('shell', 'xen-livepatch list', release463)).toEqual(['`xen-livepatch list`: Xen 4.6.3 has no xen-livepatch (tools/misc/xen-livepatch.c)']);
    expect(messages('shell', 'make -C xen menuconfig', release463)).toEqual(['`make -C xen menuconfig`: Xen 4.6.3 has no Kconfig, so no Kconfig target `menuconfig`']);
  });
});
