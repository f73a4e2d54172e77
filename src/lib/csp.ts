import { createHash } from 'node:crypto';

const POLICY = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;
const HASH_SOURCE = /'sha256-[A-Za-z0-9+/=]+'/g;

function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/**
 * Keeps in a page's content security policy only the hashes of the inline
 * scripts and styles that page holds. Astro lists every hash of the site in
 * every page: about 1 kB of gzip that cannot compress, on each page.
 * A page whose inline script or style has no hash in the policy would be
 * broken in a browser, so it is an error, named.
 * @example trimPolicyHashes(html, 'releases/4.7/index.html')
 */
export function trimPolicyHashes(html: string, file: string): string {
  const policy = POLICY.exec(html);
  if (!policy) return html;
  const listed = new Set(policy[2]!.match(HASH_SOURCE) ?? []);
  const scripts = [...html.matchAll(INLINE_SCRIPT)].map((match) => hashSource(match[1]!));
  const styles = [...html.matchAll(INLINE_STYLE)].map((match) => hashSource(match[1]!));
  const needed = new Set([...scripts, ...styles]);
  const missing = [...needed].filter((hash) => !listed.has(hash));
  if (missing.length > 0) {
    throw new Error(`${file}: an inline script or style has no hash in the page's content security policy (expected ${missing.join(', ')})`);
  }
  const trimmed = policy[2]!.replace(/ ?'sha256-[A-Za-z0-9+/=]+'/g, (source) => (needed.has(source.trim()) ? source : ''));
  return html.replace(POLICY, (_, start: string, _content: string, end: string) => `${start}${trimmed}${end}`);
}
