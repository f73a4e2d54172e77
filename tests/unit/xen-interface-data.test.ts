import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderTree } from '../../scripts/xen-trees';
import { BLOB_ID_PATTERN, gitBlobId } from '../../src/lib/git-blob';
import { parseKconfig } from '../../src/lib/xen-kconfig';
import { extractInterface, isKconfigFile, xenInterfaceSchema, type XenInterface } from '../../src/lib/xen-interface';

/**
 * The committed data files against Xen's own files. The site builds from the
 * data files alone; the comparison needs Xen's files of each release in
 * ../shared/xen/RELEASE-<version>/ (see its README), and says so when they are
 * absent rather than passing as if it had compared them.
 */

const DATA = 'src/data/xen-interface';
// XEN_FILES_DIR points the comparison at another copy of Xen's files (or at none, to see the test without them).
const SHARED_SHOWN = process.env.XEN_FILES_DIR ?? '../shared/xen';
const SHARED = resolve(SHARED_SHOWN);
const sharedPresent = existsSync(SHARED);
const dataFiles = readdirSync(DATA).filter((name) => name.endsWith('.json')).sort();
const load = (name: string) => xenInterfaceSchema.parse(JSON.parse(readFileSync(join(DATA, name), 'utf8')));

interface Located {
  what: string;
  name: string;
  file: string;
  line: number;
  blob: string;
  defaultLine?: number | undefined;
}

/** Every entry of a data file, each with what it is. */
function entries(data: XenInterface): Located[] {
  return [
    { what: 'boolean words', name: 'yes', ...data.booleanWords },
    ...data.xl.globalOptions.map((option) => ({ what: 'xl global option', ...option })),
    ...data.xl.subcommands.flatMap((subcommand) => [{ what: 'xl subcommand', ...subcommand }, ...subcommand.options.map((option) => ({ what: `option of xl ${subcommand.name}`, ...option }))]),
    ...data.xlCfg.map((key) => ({ what: 'xl.cfg key', ...key })),
    ...data.bootOptions.flatMap((option) => [{ what: 'boot option', ...option }, ...option.subOptions.map((sub) => ({ what: `sub-option of ${option.name}`, ...sub }))]),
    ...(data.kconfig?.symbols ?? []).map((symbol) => ({ what: 'Kconfig symbol', ...symbol })),
    ...(data.kconfig?.makeTargets ?? []).map((target) => ({ what: 'make target', ...target })),
    ...(data.xenLivepatch ?? []).map((command) => ({ what: 'xen-livepatch subcommand', ...command })),
  ];
}

/** What the line an entry points at must say: its name as the file writes it. */
function lineNames(entry: Located, text: string): boolean {
  const unescaped = text.replace(/\\(.)/g, '$1');
  if (entry.what === 'boot option') return unescaped.startsWith('### ');
  if (entry.what.startsWith('sub-option')) return unescaped.includes(`\`${entry.name}`);
  return unescaped.includes(entry.name);
}

it('there is a data file for 4.7 and for 4.6.3', () => {
  expect(dataFiles).toEqual(['4.6.3.json', '4.7.json']);
});

describe.each(dataFiles)('%s', (name) => {
  const data = load(name);
  const files = new Map(data.files.map((file) => [file.path, file]));

  it('names its release, version and tag consistently', () => {
    expect(`${data.release}.json`).toBe(name);
    expect(data.tag).toBe(`RELEASE-${data.version}`);
    expect(data.version.replace(/\.0$/, '')).toBe(data.release);
  });

  it('gives every entry a file it lists, a line within that file and that file’s blob id', () => {
    const all = entries(data);
    expect(all.length).toBeGreaterThan(300);
    for (const file of data.files) expect(file.blob).toMatch(BLOB_ID_PATTERN);
    for (const entry of all) {
      const file = files.get(entry.file);
      expect(file, `${entry.what} ${entry.name}: ${entry.file}`).toBeDefined();
      expect(entry.blob, `${entry.what} ${entry.name}`).toBe(file!.blob);
      expect(entry.line).toBeLessThanOrEqual(file!.lines);
      if (entry.defaultLine !== undefined) expect(entry.defaultLine).toBeLessThanOrEqual(file!.lines);
    }
    // A file no entry points at can only be a Kconfig file that sources others and defines nothing.
    const pointedAt = new Set(all.map((entry) => entry.file));
    expect([...files.keys()].filter((path) => !pointedAt.has(path) && !isKconfigFile(path))).toEqual([]);
  });

  const folder = join(SHARED, data.tag);
  const copied = data.files.filter((file) => existsSync(join(folder, file.path))).map((file) => file.path);
  const notCopied = data.files.map((file) => file.path).filter((path) => !copied.includes(path));

  it(
    sharedPresent
      ? `matches Xen's files in ${SHARED_SHOWN}/${data.tag}/: blob ids, lines and entries${notCopied.length > 0 ? ` (the folder has no copy of ${notCopied.join(', ')}: those are not compared)` : ''}`
      : `compares nothing with Xen's files: ${SHARED_SHOWN} is absent, so only the form of the provenance is checked`,
    () => {
      if (!sharedPresent) {
        expect(existsSync(SHARED)).toBe(false);
        return;
      }
      // The folder is there: it must hold this release and at least its three documents.
      expect(existsSync(folder), `${folder} is missing`).toBe(true);
      expect(copied).toEqual(expect.arrayContaining(['docs/man/xl.pod.1', 'docs/man/xl.cfg.pod.5', 'docs/misc/xen-command-line.markdown']));
      for (const path of copied) {
        const content = readFileSync(join(folder, path));
        expect(gitBlobId(content), path).toBe(files.get(path)?.blob);
        const lines = content.toString('utf8').split('\n');
        for (const entry of entries(data).filter((candidate) => candidate.file === path)) {
          expect(lineNames(entry, lines[entry.line - 1] ?? ''), `${path} line ${entry.line} should name the ${entry.what} ${entry.name}`).toBe(true);
          if (entry.defaultLine !== undefined) expect(lines[entry.defaultLine - 1]).toMatch(/^>\s*Default:/);
        }
      }
      // Read again from the copies, the entries are the same. The folder may lack some
      // Kconfig files, so its Kconfig files are compared one by one.
      const tree = folderTree(folder);
      const again = extractInterface({ ...tree, paths: tree.paths.filter((path) => !isKconfigFile(path)) }, data.version);
      expect(again.xl).toEqual(data.xl);
      expect(again.xlCfg).toEqual(data.xlCfg);
      expect(again.bootOptions).toEqual(data.bootOptions);
      expect(again.booleanWords).toEqual(data.booleanWords);
      expect(again.xenLivepatch).toEqual(data.xenLivepatch);
      for (const path of copied.filter(isKconfigFile)) {
        const symbols = parseKconfig(readFileSync(join(folder, path), 'utf8')).symbols;
        expect(data.kconfig?.symbols.filter((symbol) => symbol.file === path).map(({ name, line }) => ({ name, line }))).toEqual(
          symbols.map(({ name, line }) => ({ name, line })),
        );
      }
    },
  );
});
