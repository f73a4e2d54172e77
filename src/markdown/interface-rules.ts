import { relative } from 'node:path';
import type { Code, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { interfaceDataFile, xenInterfaceOf } from '../data/xen-interface.ts';
import { isCheckedLanguage, readCodeBlock, tokenLabel } from '../lib/code-tokens.ts';
import { checkTokens, type CheckedToken } from '../lib/interface-check.ts';
import { releaseSlug } from '../lib/releases.ts';
import { upstreamFileUrl } from '../lib/urls.ts';
import { codeNodes } from './code-rules.ts';
import { lineOffset } from './file-lines.ts';
import { frontmatterOf } from './frontmatter.ts';

/** The URLs of every link inside the body's footnote definitions. */
function footnoteLinks(node: Nodes, inFootnote = false): string[] {
  const here = inFootnote && node.type === 'link' ? [node.url] : [];
  const within = node.type === 'footnoteDefinition' || inFootnote;
  return 'children' in node ? [...here, ...node.children.flatMap((child) => footnoteLinks(child, within))] : here;
}

/** The links of a body's frontmatter `sources`. */
function sourceLinks(sources: unknown): string[] {
  if (!Array.isArray(sources)) return [];
  return sources.flatMap((source: unknown) => {
    const url = (source as { url?: unknown } | null)?.url;
    return typeof url === 'string' ? [url] : [];
  });
}

/** Whether a URL is a link to the file at the tag, or to a line of it. */
function linksFile(url: string, tag: string, file: string): boolean {
  const base = upstreamFileUrl(tag, file);
  return url === base || url.startsWith(`${base}#`) || url.startsWith(`${base}?`);
}

/**
 * Stops the build on a command, configuration key, boot option or Kconfig
 * line that a code block shows but that the body's release does not
 * document (see src/lib/code-tokens.ts for what each fence kind holds), and
 * on one whose documentation the body does not link: a reader runs what a
 * note shows, so each must be in Xen's own files of that release, linked at
 * its tag in `sources` or a footnote. Every problem of the file is listed,
 * each with the file's line.
 */
export function remarkCheckInterface() {
  return (tree: Root, file: VFile) => {
    const blocks = codeNodes(tree).filter((code) => isCheckedLanguage(code.lang));
    if (blocks.length === 0) return;
    const frontmatter = frontmatterOf(file) ?? {};
    const releaseId =
      typeof frontmatter['release'] === 'string'
        ? frontmatter['release']
        : typeof frontmatter['version'] === 'string'
          ? releaseSlug(frontmatter['version'])
          : undefined;
    const data = releaseId === undefined ? undefined : xenInterfaceOf(releaseId);
    const offset = lineOffset(file);
    const where = file.path ? relative(process.cwd(), file.path) : '(a body without a file)';
    const problems: { line: number; message: string }[] = [];
    const checked: { code: Code; token: CheckedToken }[] = [];

    for (const code of blocks) {
      const fenceLine = (code.position?.start.line ?? 1) + offset;
      const { tokens, problems: malformed } = readCodeBlock(code.lang, code.value);
      for (const problem of malformed) problems.push({ line: fenceLine + 1 + problem.line, message: problem.message });
      if (tokens.length === 0) continue;
      if (!data) {
        problems.push({
          line: fenceLine + 1 + (tokens[0]?.line ?? 0),
          message: `\`${tokenLabel(tokens[0]!)}\` cannot be checked: release ${releaseId ?? '(none named)'} has no data of Xen's documented interface; expected ${interfaceDataFile(releaseId ?? '<release>')} (npm run xen-interface)`,
        });
        continue;
      }
      const result = checkTokens(tokens, data);
      for (const problem of result.problems) problems.push({ line: fenceLine + 1 + problem.line, message: problem.message });
      for (const token of result.checked) checked.push({ code, token });
    }

    if (data) {
      const links = [...sourceLinks(frontmatter['sources']), ...footnoteLinks(tree)];
      const reported = new Set<string>();
      for (const { code, token } of checked) {
        if (token.documentedAt.some((place) => links.some((url) => linksFile(url, data.tag, place.file)))) continue;
        const [place] = token.documentedAt;
        if (!place || reported.has(place.file)) continue;
        reported.add(place.file);
        problems.push({
          line: (code.position?.start.line ?? 1) + offset + 1 + token.token.line,
          message: `\`${tokenLabel(token.token)}\` is documented in ${place.file} at ${data.tag} (line ${place.line}), which the note does not link; expected a link to ${upstreamFileUrl(data.tag, place.file)} (or its line, ${upstreamFileUrl(data.tag, place.file, place.line)}) in "sources" or a footnote`,
        });
      }
    }

    if (problems.length > 0) {
      const first = blocks[0]!;
      file.fail(
        `checked against Xen ${data?.version ?? `release ${releaseId ?? '(none named)'}`}'s own documentation, the code ${problems.length === 1 ? 'has 1 problem' : `has ${problems.length} problems`}:\n${problems
          .sort((left, right) => left.line - right.line)
          .map((problem) => `${where}:${problem.line}: ${problem.message}`)
          .join('\n')}`,
        first,
      );
    }
  };
}
