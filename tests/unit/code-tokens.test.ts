import { describe, expect, it } from 'vitest';
import { isCheckedLanguage, readCodeBlock, shellWords, tokenLabel, type CodeToken } from '../../src/lib/code-tokens';

const names = (tokens: readonly CodeToken[]) => tokens.map((token) => `${token.line}:${tokenLabel(token)}`);

describe('shellWords', () => {
  it('splits as a shell does: quotes and escapes removed, comments dropped, operators kept apart', () => {
    expect(shellWords(`xl create 'a b.cfg' "x\\"y" c\\ d # a comment`).map((word) => word.text)).toEqual(['xl', 'create', 'a b.cfg', 'x"y', 'c d']);
    expect(shellWords('cd xen && make menuconfig; xl list | less').map((word) => word.text)).toEqual(['cd', 'xen', '&&', 'make', 'menuconfig', ';', 'xl', 'list', '|', 'less']);
    expect(shellWords('echo a#b').map((word) => word.text)).toEqual(['echo', 'a#b']);
  });
});

describe('readCodeBlock', () => {
  it('reads xl commands: global options, the subcommand and its options, after sudo and assignments', () => {
    const { tokens, problems } = readCodeBlock('shell', 'xl -v vcpu-pin --force 1 all 0-3\nsudo LANG=C xl sched-credit2 -d 1 --weight=512 -- -x\n/usr/sbin/xl usb-list 1');
    expect(problems).toEqual([]);
    expect(names(tokens)).toEqual(['0:xl -v', '0:xl vcpu-pin', '0:xl vcpu-pin --force', '1:xl sched-credit2', '1:xl sched-credit2 -d', '1:xl sched-credit2 --weight', '2:xl usb-list']);
  });

  it('reads commands joined on one line and lines continued with a backslash, at their first line', () => {
    const { tokens } = readCodeBlock('sh', 'xl list && xen-livepatch list\nxl remus -c \\\n  1 backup-host');
    expect(names(tokens)).toEqual(['0:xl list', '0:xen-livepatch list', '1:xl remus', '1:xl remus -c']);
  });

  it('reads a Kconfig make target with the folder it runs in', () => {
    const { tokens } = readCodeBlock('shell', 'make -C xen menuconfig\ncd xen\nmake XEN_CONFIG_EXPERT=y olddefconfig\nmake -j4 dist-xen\nmake -C tools menuconfig');
    expect(tokens.filter((token) => token.kind === 'make-target').map((token) => [token.line, token.name, token.kind === 'make-target' && token.directory])).toEqual([
      [0, 'menuconfig', 'xen'],
      [2, 'olddefconfig', 'xen'],
      [4, 'menuconfig', 'xen/tools'],
    ]);
  });

  it('reads only prompted lines of a shell session', () => {
    expect(names(readCodeBlock('shellsession', '$ xl usb-list 1\nDevid  Type\n# xl list').tokens)).toEqual(['0:xl usb-list', '2:xl list']);
  });

  it('reports an xl or xen-livepatch command without a subcommand', () => {
    expect(readCodeBlock('shell', 'xl -v').problems).toEqual([{ line: 0, message: '`xl -v` names no subcommand; expected `xl <subcommand> …`' }]);
    expect(readCodeBlock('shell', 'xen-livepatch').problems[0]?.message).toContain('names no subcommand');
  });

  it('reads every key of an xl.cfg block, not the lines a bracketed value continues on', () => {
    const { tokens, problems } = readCodeBlock('ini', '# a comment\nname = "guest"\nusbdev = [ "hostbus=1, hostaddr=2",\n           "hostbus=3" ]\non_soft_reset="soft-reset" # [!code highlight]');
    expect(problems).toEqual([]);
    expect(names(tokens)).toEqual(['1:name', '2:usbdev', '4:on_soft_reset']);
  });

  it('reports an xl.cfg line that is no key = value', () => {
    expect(readCodeBlock('ini', 'usbctrl version=2').problems).toEqual([
      { line: 0, message: '`usbctrl version=2` is no line of a domain configuration; expected `key = value`' },
    ]);
  });

  it('reads every word of a boot command line as an option, its value apart, a comment left out', () => {
    const { tokens } = readCodeBlock('xen-cmdline', 'sched=credit2 credit2_runqueue=socket # [!code highlight]\nno-hap iommu=no-intremap,intpost');
    expect(tokens.map((token) => (token.kind === 'boot-option' ? [token.line, token.name, token.value] : []))).toEqual([
      [0, 'sched', 'credit2'],
      [0, 'credit2_runqueue', 'socket'],
      [1, 'no-hap', undefined],
      [1, 'iommu', 'no-intremap,intpost'],
    ]);
  });

  it('reads set and unset Kconfig symbols, and reports other lines', () => {
    const { tokens, problems } = readCodeBlock('kconfig', 'CONFIG_LIVEPATCH=y\n# CONFIG_XSM is not set\n# a comment\nLIVEPATCH=y');
    expect(names(tokens)).toEqual(['0:CONFIG_LIVEPATCH', '1:CONFIG_XSM']);
    expect(problems).toEqual([{ line: 3, message: '`LIVEPATCH=y` is no line of a Kconfig .config; expected `CONFIG_<SYMBOL>=value` or `# CONFIG_<SYMBOL> is not set`' }]);
  });

  it('leaves other fence kinds and other commands alone', () => {
    expect(isCheckedLanguage('text')).toBe(false);
    expect(readCodeBlock('text', 'xl nonsense')).toEqual({ tokens: [], problems: [] });
    expect(readCodeBlock('shell', 'cat /var/log/xen/xl-guest.log\ngrub-mkconfig -o /boot/grub/grub.cfg')).toEqual({ tokens: [], problems: [] });
  });
});
