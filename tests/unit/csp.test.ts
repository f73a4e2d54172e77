import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { trimPolicyHashes } from '../../src/lib/csp';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const boot = 'document.documentElement.dataset.ready = ""';
const styles = 'body{margin:0}';
const elsewhere = hash('an inline script of another page');
const page = (policy: string, body = `<script>${boot}</script><style>${styles}</style>`) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}">${body}</head><body><script type="module" src="/_astro/site.js"></script></body></html>`;

describe('trimPolicyHashes', () => {
  it('keeps the hashes of the page’s own inline script and style, and drops the others', () => {
    const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${elsewhere} ${hash(boot)}; style-src 'self' ${hash(styles)} ${hash('p{}')}; style-src-attr 'unsafe-inline';`;
    expect(trimPolicyHashes(page(policy), 'releases/4.7/index.html')).toBe(
      page(`default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash(boot)}; style-src 'self' ${hash(styles)}; style-src-attr 'unsafe-inline';`),
    );
  });

  it('stops at an inline script the policy has no hash for, naming the file', () => {
    const policy = `script-src 'self' ${elsewhere}; style-src 'self' ${hash(styles)};`;
    expect(() => trimPolicyHashes(page(policy), 'search/index.html')).toThrow(
      `search/index.html: an inline script or style has no hash in the page's content security policy (expected ${hash(boot)})`,
    );
  });

  it('leaves a page without a policy as it is', () => {
    const html = `<html><head><script>${boot}</script></head></html>`;
    expect(trimPolicyHashes(html, '404.html')).toBe(html);
  });
});
