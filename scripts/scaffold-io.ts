// File-system side of the scaffolding commands: what exists, and writing a new file.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { noteAnchor } from '../src/lib/anchors.ts';
import { ScaffoldError, type ExistingNote, type ScaffoldedFile } from '../src/lib/scaffold.ts';

export const CONTENT = process.env.XEN_CONTENT_DIR ?? 'content';

export function releaseIds(): string[] {
  return readdirSync(join(CONTENT, 'releases'))
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => name.replace(/\.mdx?$/, ''));
}

export function notesOf(release: string): ExistingNote[] {
  const folder = join(CONTENT, 'notes', release);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => {
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(folder, name), 'utf8'))?.[1] ?? '';
      const data = parse(frontmatter) as { category: string; order: number; feature: string; anchor?: string };
      return { category: data.category, order: data.order, anchor: noteAnchor(data) };
    });
}

/** Writes a scaffolded file under the content folder, never over an existing one. */
export function writeNew(file: ScaffoldedFile): string {
  const path = join(CONTENT, file.path.replace(/^content\//, ''));
  if (existsSync(path)) throw new ScaffoldError(`${path} exists already`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.text);
  return path;
}

/** Runs a command body, turning argument mistakes into one clear line and exit code 1. */
export function run(body: () => string): void {
  try {
    console.log(`wrote ${body()}`);
  } catch (error) {
    if (error instanceof ScaffoldError || (error instanceof TypeError && 'code' in error)) {
      console.error(`error: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
