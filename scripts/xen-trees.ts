// The file-system and git side of reading Xen's files: a folder (a checkout,
// or one RELEASE-<version>/ folder of Xen's files) or a tag of a git repository.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { XenTree } from '../src/lib/xen-interface.ts';

function filesUnder(root: string, folder = root): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === '.git') return [];
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(root, path);
    return entry.isFile() ? [relative(root, path).split('\\').join('/')] : [];
  });
}

/** The files of a folder, each path relative to it. */
export function folderTree(folder: string): XenTree {
  return { label: folder, paths: filesUnder(folder), read: (path) => readFileSync(join(folder, path)) };
}

/** The files of a tag in a git repository (a clone or a bare mirror), read without a checkout. */
export function gitTree(repository: string, tag: string): XenTree {
  const git = (...args: string[]) => execFileSync('git', ['-C', repository, ...args], { maxBuffer: 1 << 28 });
  const paths = git('ls-tree', '-r', '--name-only', '-z', tag).toString('utf8').split('\0').filter(Boolean);
  return { label: `${tag} in ${repository}`, paths, read: (path) => git('cat-file', 'blob', `${tag}:${path}`) };
}
