// A small static file server for the built site, as a static host would serve
// it: directory index files, 301 to the trailing-slash URL, and 404.html for
// anything missing. Used by `npm run preview` and by the browser tests.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

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
 */
export function startStaticServer({ root, port = 0, base = '/' }) {
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
    response.writeHead(status, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
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
