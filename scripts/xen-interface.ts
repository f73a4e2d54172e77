// npm run xen-interface -- [--git <xen.git> | --xen <folder>] [--release 4.7.0 …] [--out <folder>]
//
// Reads Xen's documented interface at each release tag and writes one data
// file per release, src/data/xen-interface/<release>.json. The files are read
// from a tag of a git repository of Xen (--git), or from a folder: one that
// holds a RELEASE-<version>/ folder per release (the default, ../shared/xen),
// or a checkout of a single release.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractInterface, type XenTree } from '../src/lib/xen-interface.ts';
import { folderTree, gitTree } from './xen-trees.ts';

/** The releases whose interface the site shows: 4.7.0, and 4.6.3 to compare it with. */
const RELEASES = ['4.7.0', '4.6.3'];

const { values } = parseArgs({
  options: {
    git: { type: 'string' },
    xen: { type: 'string' },
    release: { type: 'string', multiple: true },
    out: { type: 'string', default: 'src/data/xen-interface' },
  },
});

function treeOf(version: string, releases: readonly string[]): XenTree {
  const tag = `RELEASE-${version}`;
  if (values.git) return gitTree(values.git, tag);
  const folder = values.xen ?? '../shared/xen';
  if (existsSync(join(folder, tag))) return folderTree(join(folder, tag));
  if (releases.length === 1 && existsSync(join(folder, 'docs'))) return folderTree(folder);
  throw new Error(`${folder} has no ${tag}/ folder; expected Xen's files of ${version} there (or pass --git <xen.git>)`);
}

try {
  if (values.git && values.xen) throw new Error('pass --git or --xen, not both');
  const releases = values.release ?? RELEASES;
  mkdirSync(values.out, { recursive: true });
  for (const version of releases) {
    if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`--release ${version}: expected a full version number, like 4.7.0`);
    const data = extractInterface(treeOf(version, releases), version);
    const path = join(values.out, `${data.release}.json`);
    writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
    const count = (kind: string, entries: readonly unknown[] | undefined) => (entries ? `${entries.length} ${kind}` : `no ${kind}`);
    console.log(
      `wrote ${path}: ${[
        count('xl subcommands', data.xl.subcommands),
        count('xl.cfg keys', data.xlCfg),
        count('boot options', data.bootOptions),
        count('Kconfig symbols', data.kconfig?.symbols),
        count('xen-livepatch subcommands', data.xenLivepatch ?? undefined),
      ].join(', ')} from ${data.files.length} files`,
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
