import type { VFile } from 'vfile';

/** The raw frontmatter Astro's Markdown and MDX processors put on the file, before the schema parses it. */
export function frontmatterOf(file: VFile): Record<string, unknown> | undefined {
  const astro = file.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined;
  return astro?.frontmatter;
}
