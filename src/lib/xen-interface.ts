import { z } from 'astro/zod';
import { BLOB_ID_PATTERN, gitBlobId } from './git-blob.ts';
import { releaseSlug } from './releases.ts';
import { parseBooleanWords, parseCommandLineDoc } from './xen-cmdline-doc.ts';
import { parseKconfig, parseKconfigTargets } from './xen-kconfig.ts';
import { parseLivepatchTool } from './xen-livepatch-tool.ts';
import { parseXlCfgManPage, parseXlManPage } from './xen-man-pages.ts';

/**
 * Xen's documented interface at one release tag, as the data files under
 * src/data/xen-interface/ hold it: every entry names the file it was read
 * from, its line, and the git blob id of that file.
 */

/** The files each part is read from, relative to the root of a Xen tree. */
export const XEN_FILES = {
  xl: 'docs/man/xl.pod.1',
  xlCfg: 'docs/man/xl.cfg.pod.5',
  commandLine: 'docs/misc/xen-command-line.markdown',
  makefile: 'xen/Makefile',
  livepatch: 'tools/misc/xen-livepatch.c',
} as const;

/** Whether a path in a Xen tree is a Kconfig file. */
export function isKconfigFile(path: string): boolean {
  return /(^|\/)Kconfig$/.test(path);
}

const provenance = {
  file: z.string().min(1),
  line: z.int().positive(),
  blob: z.string().regex(BLOB_ID_PATTERN, { error: 'expected a git blob id: 40 lowercase hex digits' }),
};
const optionSchema = z.strictObject({ name: z.string().regex(/^--?[A-Za-z]/), ...provenance });
const subcommandSchema = z.strictObject({
  name: z.string().min(1),
  synopsis: z.string(),
  section: z.string(),
  ...provenance,
  options: z.array(optionSchema),
});
const configKeySchema = z.strictObject({ name: z.string().min(1), synopsis: z.string(), section: z.string(), ...provenance });
const subOptionSchema = z.strictObject({
  name: z.string().min(1),
  default: z.string().optional(),
  ...provenance,
  defaultLine: z.int().positive().optional(),
});
const bootOptionSchema = z.strictObject({
  name: z.string().min(1),
  heading: z.string(),
  qualifier: z.string().optional(),
  syntax: z.string().optional(),
  boolean: z.boolean(),
  default: z.string().optional(),
  ...provenance,
  defaultLine: z.int().positive().optional(),
  subOptions: z.array(subOptionSchema),
});
const kconfigSymbolSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_]+$/),
  type: z.string().optional(),
  prompt: z.string().optional(),
  env: z.string().optional(),
  ...provenance,
});
const makeTargetSchema = z.strictObject({ name: z.string().min(1), ...provenance });
const livepatchCommandSchema = z.strictObject({ name: z.string().min(1), usage: z.string(), description: z.string(), ...provenance });

export const xenInterfaceSchema = z.strictObject({
  /** The site's release id: "4.7", "4.6.3". */
  release: z.string(),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  tag: z.string().regex(/^RELEASE-\d+\.\d+\.\d+$/),
  /** Every file read, with its blob id and its number of lines. */
  files: z.array(z.strictObject({ path: z.string(), blob: z.string().regex(BLOB_ID_PATTERN), lines: z.int().nonnegative() })),
  /** The words a boolean boot option accepts, from the command line document. */
  booleanWords: z.strictObject({ true: z.array(z.string()), false: z.array(z.string()), ...provenance }),
  xl: z.strictObject({ globalOptions: z.array(optionSchema), subcommands: z.array(subcommandSchema) }),
  xlCfg: z.array(configKeySchema),
  bootOptions: z.array(bootOptionSchema),
  /** Null where the tag has no Kconfig file (Kconfig is new in Xen 4.7). */
  kconfig: z.strictObject({ symbols: z.array(kconfigSymbolSchema), makeTargets: z.array(makeTargetSchema) }).nullable(),
  /** Null where the tag has no tools/misc/xen-livepatch.c (new in Xen 4.7). */
  xenLivepatch: z.array(livepatchCommandSchema).nullable(),
});

export type XenInterface = z.output<typeof xenInterfaceSchema>;
export type XlSubcommand = XenInterface['xl']['subcommands'][number];
export type XlOption = XlSubcommand['options'][number];
export type XlCfgKey = XenInterface['xlCfg'][number];
export type BootOption = XenInterface['bootOptions'][number];
export type BootSubOption = BootOption['subOptions'][number];
export type KconfigSymbol = NonNullable<XenInterface['kconfig']>['symbols'][number];
export type MakeTarget = NonNullable<XenInterface['kconfig']>['makeTargets'][number];
export type LivepatchCommand = NonNullable<XenInterface['xenLivepatch']>[number];

/** A Xen tree at one tag: the paths it holds and their contents. */
export interface XenTree {
  /** Where the files come from, for error messages: "../shared/xen/RELEASE-4.7.0", "RELEASE-4.7.0 in xen.git". */
  label: string;
  paths: readonly string[];
  read(path: string): Uint8Array;
}

/** The path a Kconfig `source` line names, relative to the tree's root, for each architecture. */
function sourcedPaths(path: string, architectures: readonly string[]): string[] {
  const relative = `xen/${path}`;
  return relative.includes('$SRCARCH') ? architectures.map((arch) => relative.replace('$SRCARCH', arch)) : [relative];
}

/**
 * Reads Xen's documented interface from a tree at one release tag. The man
 * pages and the command line document must be there; Kconfig and
 * xen-livepatch are read when the tree has them, and every file a Kconfig
 * file sources must be there too, so that a partial copy of a tree cannot
 * pass for the whole of its Kconfig.
 */
export function extractInterface(tree: XenTree, version: string): XenInterface {
  const present = new Set(tree.paths);
  const files: XenInterface['files'] = [];
  const opened = new Map<string, { text: string; blob: string }>();
  const open = (path: string) => {
    let file = opened.get(path);
    if (!file) {
      if (!present.has(path)) throw new Error(`${tree.label}: ${path} is missing; expected it in every Xen tree this script reads`);
      const content = tree.read(path);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
      file = { text, blob: gitBlobId(content) };
      opened.set(path, file);
      files.push({ path, blob: file.blob, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) });
    }
    return file;
  };
  const parsed = <Result>(path: string, parse: (text: string) => Result): { result: Result; at: { file: string; blob: string } } => {
    const { text, blob } = open(path);
    try {
      return { result: parse(text), at: { file: path, blob } };
    } catch (error) {
      throw new Error(`${tree.label}: ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const xl = parsed(XEN_FILES.xl, parseXlManPage);
  const withXl = <Entry extends { line: number }>(entry: Entry) => ({ ...entry, ...xl.at });
  const xlCfg = parsed(XEN_FILES.xlCfg, parseXlCfgManPage);
  const commandLine = parsed(XEN_FILES.commandLine, parseCommandLineDoc);
  const booleanWords = parsed(XEN_FILES.commandLine, parseBooleanWords);

  const kconfigFiles = tree.paths.filter(isKconfigFile).sort();
  let kconfig: XenInterface['kconfig'] = null;
  if (kconfigFiles.length > 0) {
    const architectures = kconfigFiles.map((path) => /^xen\/arch\/([^/]+)\/Kconfig$/.exec(path)?.[1]).filter((arch) => arch !== undefined);
    const symbols: KconfigSymbol[] = [];
    for (const path of kconfigFiles) {
      const { result, at } = parsed(path, parseKconfig);
      for (const source of result.sources) {
        const missing = sourcedPaths(source.path, architectures).filter((sourced) => !present.has(sourced));
        if (missing.length > 0) {
          throw new Error(
            `${tree.label}: ${path} line ${source.line} sources ${missing.join(', ')}, which is missing; expected every Kconfig file of the tag (a copy of a few files cannot stand for the tag's Kconfig: read the tag from a git mirror with --git)`,
          );
        }
      }
      symbols.push(...result.symbols.map((symbol) => ({ ...symbol, ...at })));
    }
    const targets = parsed(XEN_FILES.makefile, parseKconfigTargets);
    kconfig = { symbols, makeTargets: targets.result.map((target) => ({ ...target, ...targets.at })) };
  }

  let xenLivepatch: XenInterface['xenLivepatch'] = null;
  if (present.has(XEN_FILES.livepatch)) {
    const tool = parsed(XEN_FILES.livepatch, parseLivepatchTool);
    xenLivepatch = tool.result.map((command) => ({ ...command, ...tool.at }));
  }

  return xenInterfaceSchema.parse({
    release: releaseSlug(version),
    version,
    tag: `RELEASE-${version}`,
    files: files.sort((left, right) => (left.path < right.path ? -1 : 1)),
    booleanWords: { ...booleanWords.result, ...booleanWords.at },
    xl: {
      globalOptions: xl.result.globalOptions.map(withXl),
      subcommands: xl.result.subcommands.map((subcommand) => ({ ...withXl(subcommand), options: subcommand.options.map(withXl) })),
    },
    xlCfg: xlCfg.result.map((key) => ({ ...key, ...xlCfg.at })),
    bootOptions: commandLine.result.map((option) => ({
      ...option,
      ...commandLine.at,
      subOptions: option.subOptions.map((subOption) => ({ ...subOption, ...commandLine.at })),
    })),
    kconfig,
    xenLivepatch,
  });
}

