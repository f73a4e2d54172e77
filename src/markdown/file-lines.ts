import { readFileSync } from 'node:fs';
import type { VFile } from 'vfile';

/**
 * How many lines of the file come before the text the processor parsed: the
 * content layer hands Markdown bodies over without their frontmatter, while
 * MDX keeps every line in place. Problems are reported at lines of the file.
 */
export function lineOffset(file: VFile): number {
  const parsed = String(file.value);
  if (!file.path) return 0;
  let whole: string;
  try {
    whole = readFileSync(file.path, 'utf8');
  } catch {
    return 0;
  }
  // The content layer trims the body; MDX blanks the frontmatter out and keeps its length.
  const start = whole.length === parsed.length ? 0 : whole.indexOf(parsed);
  return start <= 0 ? 0 : whole.slice(0, start).split('\n').length - 1;
}
