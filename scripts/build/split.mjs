// Step 1 of the release build: cuts the app into the parts of src/areas.rs (the store,
// the checkout, the admin center, the demo's controls), so that a first visit downloads
// only what its route needs.
//
// Trunk builds one module; this redoes its last steps from cargo's output:
//   cargo's wasm (with relocations, see build.rs) → wasm-split-cli → wasm-bindgen on the
//   main module → wasm-opt -Oz on every module → names carrying one hash of the build
// and rewrites index.html: Trunk's names become the split main's, and a line of inline
// script preloads the parts of the route the visit starts on. Every file the page runs
// gets its Subresource Integrity hash here (the loader's fetches carry theirs); the other
// steps use them. SSP_NAMES=1 keeps the functions' names in every module (for a profiler;
// the modules grow by half).
import { execFileSync, execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROUTES } from './routes.mjs';

const run = promisify(execFile);
const NAME = 'ssp';

/** `sha384-…` of a file, as an `integrity` attribute takes it. */
export function sri(file) {
  return `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
}

/** Splits the build in `dist`; returns what the next steps need: the build's hash, its
 * files' names and integrity, and index.html as rewritten so far. */
export async function split(dist) {
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
    // glue back, so no file's name can hash its own content alone. This step's own
    // rewriting, and the route table, are part of what the names stand for.
    const hash = createHash('sha256').update(readFileSync(new URL(import.meta.url)))
      .update(JSON.stringify(ROUTES));
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
    // Subresource Integrity: every file the page runs is checked against the hash this
    // build gives it — index.html's links and fetches, the loader's fetches, the worker's
    // cache.
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
    for (const [, part] of ROUTES) needs[part] = [names.part(`split_${part}.wasm`)];
    for (const m of loader.matchAll(/\/\* ([a-z_, ]+) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
      for (const part of m[1].split(', ')) needs[part]?.push(m[2]);
    }

    // index.html: Trunk's names → the split main's; then the route's parts start at once.
    let page = readFileSync(join(dist, 'index.html'), 'utf8');
    page = page.replace(new RegExp(`${NAME}-[0-9a-f]+_bg\\.wasm`, 'g'), names.main)
      .replace(new RegExp(`${NAME}-[0-9a-f]+\\.js`, 'g'), names.glue);
    const routes = ROUTES.map(([prefix, part]) => [prefix, needs[part].map((f) => [f, integrity[`/${f}`]])]);
    const preload = `<script>(function(){var r=${JSON.stringify(routes)},p=location.pathname;` +
      'for(var i=0;i<r.length;i++)if(p.indexOf(r[i][0])===0){r[i][1].forEach(function(f){' +
      "var l=document.createElement('link');l.rel='preload';l.as='fetch';l.crossOrigin='anonymous';" +
      "l.href='/'+f[0];l.integrity=f[1];document.head.appendChild(l)});break}})()</script>";
    const anchor = page.match(new RegExp(`<link[^>]*/${names.main}[^>]*>`));
    if (!anchor) throw new Error('index.html has no preload of the main module');
    // The loader is the glue's import: fetched with it, not once the glue has been parsed.
    const loaderPreload = `<link rel="modulepreload" href="/${names.loader}" crossorigin="anonymous">`;
    page = page.replace(anchor[0], `${anchor[0]}${loaderPreload}${preload}`);
    for (const [part, files] of Object.entries(needs)) console.log(`split: ${part} needs ${files.join(' ')}`);
    return { dist, hash: h, names, integrity, page, anchor: `${anchor[0]}${loaderPreload}${preload}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
