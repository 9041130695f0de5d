// Step 2 of the release build: the service worker (public/sw.js, copied by Trunk) learns
// this build and its files, with their integrity, and the page gets the script that
// registers it (register-worker.js, inlined): a return visit is served from its cache.
// `trunk serve` (scripts/serve.sh or not, even --release) and SSP_SERVICE_WORKER=off get no
// worker: a page it serves is always the build just made, and no worker outlives it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, as paths relative to it with `/`. */
function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

/** Whether this hook runs under `trunk serve`: Trunk tells its hooks the profile, not the
 * command, but the command line of the process that started this one says it. */
export function servedByTrunk() {
  try {
    const args = execFileSync('ps', ['-o', 'args=', '-p', String(process.ppid)], { encoding: 'utf8' });
    return /\btrunk\b.*\bserve\b/.test(args);
  } catch {
    return false;
  }
}

/** register-worker.js as the page inlines it: without its comments and indentation. */
function registration() {
  const source = readFileSync(new URL('./register-worker.js', import.meta.url), 'utf8');
  const code = source.split('\n').map((l) => l.replace(/^\s*\/\/.*$/, '').trim()).filter(Boolean).join('\n');
  return `<script>${code}</script>`;
}

/** Fills in sw.js and, unless the worker is off, adds its registration after `build.anchor`.
 * `build.skip` lists the files the worker leaves out of its cache (written later). */
export function worker(build, { skip }) {
  const sw = join(build.dist, 'sw.js');
  const precache = ['/index.html', ...listFiles(build.dist)
    .filter((f) => !/\.(gz|br)$/.test(f) && !['sw.js', 'index.html', ...skip].includes(f))
    .map((f) => `/${f}`)];
  const source = readFileSync(sw, 'utf8');
  if (!source.includes("'__SSP_BUILD__'")) throw new Error('sw.js has no build to fill in');
  writeFileSync(sw, source.replace("'__SSP_BUILD__'", `'${build.hash}'`)
    .replace('/* __SSP_PRECACHE__ */', precache.map((f) => JSON.stringify(build.integrity[f] ? [f, build.integrity[f]] : [f])).join(', ')));
  if (process.env.SSP_SERVICE_WORKER === 'off' || build.underTrunkServe) return;
  build.page = build.page.replace(build.anchor, `${build.anchor}${registration()}`);
}
