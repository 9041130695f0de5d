// A static server for dist/ with the SPA fallback a deep link needs: any path that is
// not a file gets index.html. Text and wasm go gzipped to a browser that accepts it, as
// any production host sends them (Lighthouse times the bytes sent). Loopback only; port 0
// picks a free one.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg', '.txt']);
/** Gzipped bodies by file, size and time of change: compressed once per file. */
const gzipped = new Map();

function gzip(file, info, body) {
  const key = `${file}:${info.size}:${info.mtimeMs}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
  return gzipped.get(key);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Trunk's hashed file names (`ssp-56cfb8d3e7458878_bg.wasm`): their content never changes. */
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(wasm|js|css|svg)$/;

/** The headers a release build asks its host to send with every file (`_headers`, the
 * format of Netlify and Cloudflare Pages: a path line, then indented `Name: value` lines);
 * only the `/*` block, the one the build writes. None for a build without the file. */
async function readHeadersFile(path) {
  const text = await readFile(path, 'utf8').catch(() => '');
  const headers = {};
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (!/^\s/.test(line)) inBlock = line.trim() === '/*';
    else if (inBlock && line.includes(':')) {
      const at = line.indexOf(':');
      headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return headers;
}

/** `caching`: headers as a host serves a Trunk build (hashed assets cached for a year,
 * everything else revalidated with an ETag); without it, nothing is cached (tests). */
export async function serve(root, port = 0, { caching = false } = {}) {
  root = resolve(root);
  const hostHeaders = await readHeadersFile(join(root, '_headers'));
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    let info;
    try {
      info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
    } catch {
      // Unknown paths are routes of the app, except missing assets, which stay 404s.
      if (extname(path)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      file = join(root, 'index.html');
      info = await stat(file);
    }
    const headers = { ...hostHeaders, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', vary: 'accept-encoding' };
    if (caching) {
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      headers['cache-control'] = HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
    }
    // A precompressed file beside it (scripts/build/precompress.mjs) goes as it is: brotli where
    // the browser asks for it (Chromium does only over HTTPS), else gzip.
    const accepts = req.headers['accept-encoding'] ?? '';
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!new RegExp(`\\b${encoding}\\b`).test(accepts)) continue;
      // Only a sibling at least as new as the file: an edited file never goes out stale.
      const fresh = await stat(file + suffix).then((p) => p.mtimeMs >= info.mtimeMs).catch(() => false);
      const packed = fresh ? await readFile(file + suffix).catch(() => null) : null;
      if (packed) {
        res.writeHead(200, { ...headers, 'content-encoding': encoding });
        res.end(packed);
        return;
      }
    }
    const body = await readFile(file);
    if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(accepts)) {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
      res.end(gzip(file, info, body));
      return;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  // Browsers keep connections alive: close them, or close() waits for them forever.
  const close = () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); });
  return { url, close };
}

// `node server.mjs DIR [PORT]` serves until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2] ?? '../../dist', Number(process.argv[3] ?? 0));
  console.log(url);
}
