import { createHash } from 'node:crypto';

/**
 * The id git gives a file's content: the SHA-1 of `blob <size>\0<content>`,
 * as `git hash-object` prints it and `git rev-parse <tag>:<path>` resolves it.
 * @example gitBlobId(Buffer.from('')) // 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'
 */
export function gitBlobId(content: Uint8Array): string {
  return createHash('sha1').update(`blob ${content.byteLength}\0`).update(content).digest('hex');
}

/** A blob id as git writes it: 40 lowercase hex digits. */
export const BLOB_ID_PATTERN = /^[0-9a-f]{40}$/;
