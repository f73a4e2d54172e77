import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gitBlobId } from '../../src/lib/git-blob';
import { extractInterface, type XenTree } from '../../src/lib/xen-interface';

/** A Xen tree in memory, its files taken from the excerpts in tests/fixtures/xen-files/. */
function tree(files: Record<string, string>, label = 'a fixture tree'): XenTree {
  const contents = new Map(Object.entries(files).map(([path, text]) => [path, Buffer.from(text)]));
  return { label, paths: [...contents.keys()], read: (path) => contents.get(path)! };
}

const excerpt = (name: string) => readFileSync(`tests/fixtures/xen-files/${name}`, 'utf8');
const documents = {
  'docs/man/xl.pod.1': excerpt('xl.pod.1'),
  'docs/man/xl.cfg.pod.5': excerpt('xl.cfg.pod.5'),
  'docs/misc/xen-command-line.markdown': excerpt('xen-command-line.markdown'),
};
const withKconfig = {
  ...documents,
  'xen/common/Kconfig': excerpt('Kconfig'),
  'xen/drivers/Kconfig': 'config HAS_PCI\n\tbool\n',
  'xen/Makefile': excerpt('Makefile'),
  'tools/misc/xen-livepatch.c': excerpt('xen-livepatch.c'),
};

describe('extractInterface', () => {
  it('names the release, its tag, and every file read with its blob id and length', () => {
    const data = extractInterface(tree(withKconfig), '4.7.0');
    expect(data).toMatchObject({ release: '4.7', version: '4.7.0', tag: 'RELEASE-4.7.0' });
    expect(data.files.map((file) => file.path)).toEqual([
      'docs/man/xl.cfg.pod.5',
      'docs/man/xl.pod.1',
      'docs/misc/xen-command-line.markdown',
      'tools/misc/xen-livepatch.c',
      'xen/Makefile',
      'xen/common/Kconfig',
      'xen/drivers/Kconfig',
    ]);
    const xl = data.files.find((file) => file.path === 'docs/man/xl.pod.1');
    expect(xl).toEqual({ path: 'docs/man/xl.pod.1', blob: gitBlobId(Buffer.from(documents['docs/man/xl.pod.1'])), lines: documents['docs/man/xl.pod.1'].split('\n').length - 1 });
  });

  it('gives every entry the file, line and blob it was read from', () => {
    const data = extractInterface(tree(withKconfig), '4.7.0');
    const blobOf = (path: string) => data.files.find((file) => file.path === path)?.blob;
    expect(data.xl.subcommands.find((entry) => entry.name === 'usbctrl-attach')).toMatchObject({ file: 'docs/man/xl.pod.1', line: 84, blob: blobOf('docs/man/xl.pod.1') });
    expect(data.xlCfg.find((entry) => entry.name === 'on_soft_reset')).toMatchObject({ file: 'docs/man/xl.cfg.pod.5', line: 29 });
    expect(data.bootOptions.find((entry) => entry.name === 'iommu')?.subOptions[2]).toMatchObject({ name: 'intpost', file: 'docs/misc/xen-command-line.markdown', line: 48 });
    expect(data.kconfig?.symbols.map((symbol) => `${symbol.file}:${symbol.name}`)).toContain('xen/drivers/Kconfig:HAS_PCI');
    expect(data.kconfig?.makeTargets.find((target) => target.name === 'menuconfig')).toMatchObject({ file: 'xen/Makefile', line: 4, blob: blobOf('xen/Makefile') });
    expect(data.xenLivepatch?.map((command) => command.name)).toEqual(['help', 'list', 'load', 'apply']);
    expect(data.booleanWords).toMatchObject({ true: ['yes', 'on', '1'], file: 'docs/misc/xen-command-line.markdown' });
  });

  it('records no Kconfig and no xen-livepatch for a tree that has neither', () => {
    const data = extractInterface(tree(documents), '4.6.3');
    expect(data.release).toBe('4.6.3');
    expect(data.kconfig).toBeNull();
    expect(data.xenLivepatch).toBeNull();
  });

  it('stops when a Kconfig file sources one the tree lacks, so that a partial copy cannot pass for the tag', () => {
    const partial = { ...withKconfig } as Record<string, string>;
    delete partial['xen/drivers/Kconfig'];
    expect(() => extractInterface(tree(partial, 'RELEASE-4.7.0/'), '4.7.0')).toThrow(
      'RELEASE-4.7.0/: xen/common/Kconfig line 30 sources xen/drivers/Kconfig, which is missing',
    );
  });

  it('stops when a document is missing, naming it', () => {
    const missing = { ...documents } as Record<string, string>;
    delete missing['docs/man/xl.cfg.pod.5'];
    expect(() => extractInterface(tree(missing, 'a checkout'), '4.7.0')).toThrow('a checkout: docs/man/xl.cfg.pod.5 is missing');
  });

  it('names the file when a parser stops', () => {
    const broken = { ...documents, 'docs/man/xl.pod.1': '=head1 DOMAIN SUBCOMMANDS\n\n=over 4\n\n=item I<create>\n\n=back\n' };
    expect(() => extractInterface(tree(broken, 'a checkout'), '4.7.0')).toThrow('a checkout: docs/man/xl.pod.1: line 5:');
  });
});
