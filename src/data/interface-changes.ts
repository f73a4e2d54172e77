import { readFileSync } from 'node:fs';
import type { Code, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { readCodeBlock, type CodeToken } from '../lib/code-tokens';
import { explainingNotes, interfaceChanges, type ExplainingNote, type InterfaceChanges } from '../lib/interface-changes';
import { anchorPath } from '../lib/urls';
import { compareVersions } from '../lib/versions';
import type { XenInterface } from '../lib/xen-interface';
import { getReleases } from './catalog';
import { interfaceReleases, xenInterfaceOf } from './xen-interface';

/** A release's interface changes, with the notes that explain each entry (keyed by anchor). */
export interface ReleaseInterfaceChanges extends InterfaceChanges {
  explainedBy: Map<string, ExplainingNote[]>;
}

/**
 * The release a release's interface is compared with: the newest earlier
 * version the site has interface data for (4.6.3 for 4.7.0).
 */
function earlierInterface(data: XenInterface): XenInterface | undefined {
  return interfaceReleases()
    .map((id) => xenInterfaceOf(id))
    .filter((candidate): candidate is XenInterface => candidate !== undefined && compareVersions(candidate.version, data.version) < 0)
    .sort((left, right) => compareVersions(right.version, left.version))[0];
}

/** The id of the release a release's interface changes are shown against, if it has interface data and an earlier release has too. */
export function interfaceComparedWith(releaseId: string): string | undefined {
  const data = xenInterfaceOf(releaseId);
  return data && earlierInterface(data)?.release;
}

function codeBlocks(node: Nodes): Code[] {
  if (node.type === 'code') return [node];
  return 'children' in node ? node.children.flatMap(codeBlocks) : [];
}

/** The interface tokens a note's code blocks show, read from its file (the content store keeps no raw bodies). */
function tokensOfFile(path: string): CodeToken[] {
  const tree = fromMarkdown(readFileSync(path, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  return codeBlocks(tree).flatMap((code) => readCodeBlock(code.lang, code.value).tokens);
}

const computed = new Map<string, Promise<ReleaseInterfaceChanges | undefined>>();

async function compute(releaseId: string, base: string): Promise<ReleaseInterfaceChanges | undefined> {
  const after = xenInterfaceOf(releaseId);
  const before = after && earlierInterface(after);
  // A site built from other content (a test fixture) may not have the release the data is for.
  const release = (await getReleases()).find((candidate) => candidate.id === releaseId);
  if (!after || !before || !release) return undefined;
  const changes = interfaceChanges(before, after);
  const notes = release.notes.map((note) => ({
    feature: note.feature,
    path: anchorPath(base, releaseId, note.anchor),
    tokens: note.entry.filePath ? tokensOfFile(note.entry.filePath) : [],
  }));
  return { ...changes, explainedBy: explainingNotes(changes, notes) };
}

/**
 * What changed in a release's documented interface since the release it is
 * compared with, or undefined when there is no such pair of data files.
 */
export function getInterfaceChanges(releaseId: string, base: string): Promise<ReleaseInterfaceChanges | undefined> {
  const cacheKey = `${releaseId} ${base}`;
  let changes = computed.get(cacheKey);
  if (!changes) {
    changes = compute(releaseId, base);
    computed.set(cacheKey, changes);
  }
  return changes;
}
