// Trunk's post_build hook for release builds: a `.gz` (gzip -9) and a `.br` (brotli 11)
// beside each text and wasm file, for hosts that serve precompressed assets (the test
// server does). Node's own zlib: nothing to install. Debug builds are left alone.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg']);
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('usage: node scripts/precompress.mjs DIR (or run as a Trunk hook)');
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

function walk(d) {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (COMPRESSIBLE.has(extname(name))) {
      const body = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }));
    }
  }
}
walk(dir);
