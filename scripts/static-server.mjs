// A small static file server for the built site, as a static host would serve
// it: directory index files, 301 to the trailing-slash URL, 404.html for
// anything missing, and gzip for text to clients that accept it. Used by
// `npm run preview`, the browser tests and the benchmark.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Text types a static host compresses; Pagefind's index files are gzip already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml']);

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves `root` on 127.0.0.1 under `base` (e.g. "/" or "/docs/xen/").
 * Resolves to { url, close } once listening; port 0 picks a free port.
 * `onServe({ path, contentType, bytes })`, if given, hears of every file sent
 * with the bytes of its body as sent (after gzip): the benchmark's byte counts.
 */
/** @param {{ root: string, port?: number, base?: string, onServe?: (file: { path: string, contentType: string, bytes: number }) => void }} options */
export function startStaticServer({ root, port = 0, base = '/', onServe = undefined }) {
  const rootDir = resolve(root);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/';
    }
    let file;
    if (pathname.startsWith(base)) {
      const relative = normalize(pathname.slice(base.length));
      const candidate = join(rootDir, relative);
      if (candidate === rootDir || candidate.startsWith(rootDir + sep)) {
        if (pathname.endsWith('/')) {
          file = await fileAt(join(candidate, 'index.html'));
        } else {
          file = await fileAt(candidate);
          if (!file && (await fileAt(join(candidate, 'index.html')))) {
            response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
            response.end();
            return;
          }
        }
      }
    }
    const status = file ? 200 : 404;
    file ??= await fileAt(join(rootDir, '404.html'));
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    const extension = extname(file);
    const compress = COMPRESSIBLE.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const body = compress ? await gzipAsync(await readFile(file)) : await readFile(file);
    response.writeHead(status, {
      'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'X-Content-Type-Options': 'nosniff',
      ...(COMPRESSIBLE.has(extension) && { Vary: 'Accept-Encoding' }),
      ...(compress && { 'Content-Encoding': 'gzip' }),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
    onServe?.({ path: url.pathname, contentType: CONTENT_TYPES[extension] ?? '', bytes: body.length });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://127.0.0.1:${actualPort}${base}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
