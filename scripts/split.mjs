// Trunk's post_build hook for release builds: cuts the app into the parts of
// `src/areas.rs` (the store, the checkout, the admin center, the demo's controls), so a
// first visit downloads only what its route needs.
//
// Trunk builds one module; this redoes its last steps from cargo's output:
//   cargo's wasm (with relocations, see build.rs) → wasm-split-cli → wasm-bindgen on the
//   main module → wasm-opt -Oz on every module → names carrying one hash of the build
// and rewrites index.html: Trunk's names become the split main's, and a line of inline
// script preloads the parts of the route the visit starts on, beside the main module.
// Last, it fills in the service worker (public/sw.js) with the build's files and adds the
// line that registers it. SSP_NAMES=1 keeps the functions' names in every module (for a
// profiler; the modules grow by half).
import { execFileSync, execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Every file under `dir`, as paths relative to it with `/`. */
function listFiles(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}
const dist = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dist) throw new Error('usage: node scripts/split.mjs DIST (or run as a Trunk hook)');
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

/** Whether this hook runs under `trunk serve`: Trunk tells its hooks the profile, not the
 * command, but the command line of the process that started this one says it. */
function servedByTrunk() {
  try {
    const args = execFileSync('ps', ['-o', 'args=', '-p', String(process.ppid)], { encoding: 'utf8' });
    return /\btrunk\b.*\bserve\b/.test(args);
  } catch {
    return false;
  }
}

/** `sha384-…` of a file, as an `integrity` attribute takes it. */
function sri(file) {
  return `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
}

const CHARSET = '<meta charset=utf-8>';
/** The headers a static host sends with every file (Netlify's and Cloudflare Pages' format). */
const HEADERS = '_headers';
/** This build's script, wasm and style hashes and its policy, for a host or CI to check. */
const MANIFEST = 'integrity.json';

/** index.html with its module checks: an import map gives the two JS modules their hashes
 * (before any module loads), every link to a hashed file carries its `integrity`, and the
 * main module is fetched with its own. */
function withIntegrity(page, integrity, names) {
  let fetchesMain = false;
  page = page.replace(/module_or_path:\s*([`'"])(\/[^`'"]+_bg\.wasm)\1/, (_, q, url) => {
    fetchesMain = true;
    return `module_or_path:fetch(${JSON.stringify(url)},{integrity:${JSON.stringify(integrity[url])}})`;
  });
  if (!fetchesMain) throw new Error('index.html does not start the main module as expected');
  page = page.replace(/<link\b[^>]*>/g, (tag) => {
    const href = tag.match(/\bhref=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/);
    const want = href && integrity[href[1] ?? href[2] ?? href[3]];
    if (!want) return tag;
    return tag.replace(/\s+integrity=(?:"[^"]*"|'[^']*'|[^\s>]+)/, '').replace(/\s*\/?>$/, ` integrity="${want}">`);
  });
  const modules = { [`/${names.glue}`]: integrity[`/${names.glue}`], [`/${names.loader}`]: integrity[`/${names.loader}`] };
  if (!page.includes(CHARSET)) throw new Error('index.html has no charset meta to put the policy after');
  return page.replace(CHARSET, `${CHARSET}<script type="importmap">${JSON.stringify({ integrity: modules })}</script>`);
}

/** `'sha256-…'` of every inline script the page runs (a JSON data block runs nothing). */
function inlineScriptHashes(page) {
  return [...page.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs = '']) => !/\bsrc=/.test(attrs) && !/\btype=["']?application\/json/.test(attrs))
    .map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
}

/** The page's policy (README, "Security headers"): nothing but this origin's own files and
 * this build's inline scripts (their hashes); wasm compiles, nothing is evaluated from a
 * string. */
function contentSecurityPolicy(inlineScripts) {
  return [
    "default-src 'none'",
    `script-src 'self' ${inlineScripts.join(' ')} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** What a `<meta>` cannot carry goes in the host's headers file, with the policy itself. */
function headersFile(policy) {
  return [
    '/*',
    `  Content-Security-Policy: ${policy}; frame-ancestors 'none'`,
    '  X-Frame-Options: DENY',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), usb=(), payment=()',
    '  Strict-Transport-Security: max-age=63072000; includeSubDomains',
    '  Cross-Origin-Opener-Policy: same-origin',
    '',
  ].join('\n');
}

const NAME = 'ssp';
/** Which parts a route needs, by path prefix; the rest of the routes are the store's. */
const ROUTES = [
  ['/checkout/', 'checkout'],
  ['/admin', 'admin'],
  ['/demo', 'demo'],
];

const { target_directory: target } = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { encoding: 'utf8' }),
);
const input = join(target, 'wasm32-unknown-unknown', 'wasm-release', `${NAME}.wasm`);
const work = mkdtempSync(join(tmpdir(), 'ssp-split-'));
try {
  execFileSync('wasm-split-cli', [input, work, '--out-name', NAME], { stdio: 'inherit' });
  const bindgen = join(work, 'bindgen');
  execFileSync('wasm-bindgen', [join(work, `${NAME}.wasm`), '--target', 'web', '--no-typescript', '--keep-lld-exports',
    '--out-dir', bindgen, '--out-name', NAME], { stdio: 'inherit' });

  // Every module, optimised as Trunk would have: main (bindgen's), the parts, the chunks
  // they share. Two at a time (the machine has two cores).
  const parts = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
  const wasm = [join(bindgen, `${NAME}_bg.wasm`), ...parts.map((f) => join(work, f))];
  for (let i = 0; i < wasm.length; i += 2) {
    await Promise.all(wasm.slice(i, i + 2).map((f) => run('wasm-opt', ['-Oz', ...(process.env.SSP_NAMES ? ['-g'] : []), f, '-o', f])));
  }

  // One hash names the whole build: the main glue imports the loader, which imports the
  // glue back, so no file's name can hash its own content alone.
  // This script's own rewriting is part of what the names stand for.
  const hash = createHash('sha256').update(readFileSync(new URL(import.meta.url)));
  for (const f of [...wasm, join(bindgen, `${NAME}.js`), join(work, '__wasm_split.js')]) {
    hash.update(readFileSync(f));
  }
  const h = hash.digest('hex').slice(0, 16);
  const names = {
    glue: `${NAME}-${h}.js`,
    main: `${NAME}-${h}_bg.wasm`,
    loader: `${NAME}-split-${h}.js`,
    part: (f) => `${NAME}-${f.replace(/\.wasm$/, '').replace(/[^a-z0-9]+/gi, '')}-${h}.wasm`,
  };

  // Trunk's unsplit build goes; the split one takes its place.
  for (const f of readdirSync(dist)) {
    if (new RegExp(`^${NAME}-[0-9a-f]+(_bg\\.wasm|\\.js)$`).test(f)) rmSync(join(dist, f));
  }
  const glue = readFileSync(join(bindgen, `${NAME}.js`), 'utf8');
  // Only the module specifier is renamed: the wasm still imports from "./__wasm_split.js".
  const importing = /from "\.\/__wasm_split\.js"/g;
  if (!importing.test(glue)) throw new Error('the glue does not import the split loader');
  writeFileSync(join(dist, names.glue), glue.replace(importing, `from "./${names.loader}"`));
  renameSync(join(bindgen, `${NAME}_bg.wasm`), join(dist, names.main));
  let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8')
    .replace(`from "./${NAME}.js"`, `from "./${names.glue}"`);
  for (const f of parts) {
    loader = loader.replaceAll(`"./${f}"`, `"./${names.part(f)}"`);
    renameSync(join(work, f), join(dist, names.part(f)));
  }
  // Subresource Integrity: every file the page runs is checked against the hash this build
  // gives it — index.html's links and fetches, the loader's fetches, the worker's cache.
  const integrity = {};
  for (const f of [names.main, ...parts.map(names.part)]) integrity[`/${f}`] = sri(join(dist, f));
  let fetches = 0;
  loader = loader.replace(/fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\)/g, (_, f) => {
    fetches += 1;
    return `fetch(new URL("./${f}", import.meta.url), { integrity: ${JSON.stringify(integrity[`/${f}`])} })`;
  });
  if (fetches !== parts.length) throw new Error(`the loader fetches ${fetches} modules; the split made ${parts.length}`);
  writeFileSync(join(dist, names.loader), loader);
  for (const f of [names.glue, names.loader, ...readdirSync(dist).filter((f) => /\.(css|svg)$/.test(f))]) {
    integrity[`/${f}`] = sri(join(dist, f));
  }

  // What each part needs: its own module and the chunks it shares with others, named in
  // the loader as `/* admin, checkout */ const __chunk_4 = … "./chunk_4.wasm"`.
  const needs = {};
  for (const [, split] of ROUTES) needs[split] = [names.part(`split_${split}.wasm`)];
  for (const m of loader.matchAll(/\/\* ([a-z_, ]+) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    for (const split of m[1].split(', ')) needs[split]?.push(m[2]);
  }

  // index.html: Trunk's names → the split main's; then the route's parts start at once.
  const html = join(dist, 'index.html');
  let page = readFileSync(html, 'utf8');
  page = page.replace(new RegExp(`${NAME}-[0-9a-f]+_bg\\.wasm`, 'g'), names.main)
    .replace(new RegExp(`${NAME}-[0-9a-f]+\\.js`, 'g'), names.glue);
  const routes = ROUTES.map(([prefix, split]) => [prefix, needs[split].map((f) => [f, integrity[`/${f}`]])]);
  const preload = `<script>(function(){var r=${JSON.stringify(routes)},p=location.pathname;` +
    'for(var i=0;i<r.length;i++)if(p.indexOf(r[i][0])===0){r[i][1].forEach(function(f){' +
    "var l=document.createElement('link');l.rel='preload';l.as='fetch';l.crossOrigin='anonymous';" +
    "l.href='/'+f[0];l.integrity=f[1];document.head.appendChild(l)});break}})()</script>";
  const anchor = page.match(new RegExp(`<link[^>]*/${names.main}[^>]*>`));
  if (!anchor) throw new Error('index.html has no preload of the main module');
  // The service worker (public/sw.js, copied by Trunk) learns this build and its files,
  // and the page registers it once loaded: a return visit is served from its cache.
  const sw = join(dist, 'sw.js');
  const precache = ['/index.html', ...listFiles(dist)
    .filter((f) => !/\.(gz|br)$/.test(f) && !['sw.js', 'index.html', HEADERS, MANIFEST].includes(f))
    .map((f) => `/${f}`)];
  const worker = readFileSync(sw, 'utf8');
  if (!worker.includes("'__SSP_BUILD__'")) throw new Error('sw.js has no build to fill in');
  // `trunk serve` (scripts/serve.sh or not, even --release) gets no worker: a page it
  // serves is always the build just made, and no worker outlives it on its origin.
  const underTrunkServe = servedByTrunk();
  const withWorker = process.env.SSP_SERVICE_WORKER !== 'off' && !underTrunkServe;
  writeFileSync(sw, worker.replace("'__SSP_BUILD__'", `'${h}'`)
    .replace('/* __SSP_PRECACHE__ */', precache.map((f) => JSON.stringify(integrity[f] ? [f, integrity[f]] : [f])).join(', ')));
  const register = '<script>(function(){if(!(\'serviceWorker\' in navigator))return;' +
    'var sw=navigator.serviceWorker,waiting=null,reloading=false,had=!!sw.controller;' +
    // A worker installed while another controls the page is a new version: say so. Another:
    // WebKit may tell of the first worker's install after that worker took the page over.
    'function ready(w){if(sw.controller===w)return;waiting=w;window.sspUpdate=true;dispatchEvent(new Event(\'ssp:update\'))}' +
    // Registered once the app's first page is up (`ssp:ready`), not at `load`: on a phone its
    // download of the whole build would share the line with the page's own wasm.
    "addEventListener('ssp:ready',function(){sw.register('/sw.js',{updateViaCache:'none'}).then(function(r){" +
    'if(!r)return;if(r.waiting&&sw.controller)ready(r.waiting);' +
    "r.addEventListener('updatefound',function(){var w=r.installing;if(w)w.addEventListener('statechange',function(){" +
    // No worker (blocked, a private window): the app works as before, from the network.
    "if(w.state==='installed'&&sw.controller)ready(w)})})},function(){})});" +
    // Another worker took over a page that had one (Reload, or a worker removing itself):
    // reload once, so the page and its files are of one version.
    "sw.addEventListener('controllerchange',function(){if((had||waiting)&&!reloading){reloading=true;location.reload()}});" +
    "addEventListener('ssp:reload',function(){if(waiting)waiting.postMessage('skip-waiting');else location.reload()})" +

    '})()</script>';
  // The loader is the glue's import: fetched with it, not once the glue has been parsed.
  const loaderPreload = `<link rel="modulepreload" href="/${names.loader}" crossorigin="anonymous">`;
  page = page.replace(anchor[0], `${anchor[0]}${loaderPreload}${preload}${withWorker ? register : ''}`);
  page = withIntegrity(page, integrity, names);
  // The policy names the inline scripts by hash, so it is worked out last, from the page as
  // it ships. `trunk serve` gets none: its live reload adds a script of its own.
  const inlineScripts = inlineScriptHashes(page);
  const policy = contentSecurityPolicy(inlineScripts);
  if (!underTrunkServe) page = page.replace(CHARSET, `${CHARSET}<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  writeFileSync(html, page);
  writeFileSync(join(dist, HEADERS), headersFile(policy));
  writeFileSync(join(dist, MANIFEST), `${JSON.stringify({ build: h, policy, inlineScripts, files: integrity }, null, 2)}\n`);
  for (const [split, files] of Object.entries(needs)) console.log(`split: ${split} needs ${files.join(' ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
