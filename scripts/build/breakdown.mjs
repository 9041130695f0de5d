// Where a wasm module's bytes are: its sections, then its code by crate and by function,
// read from the module's "name" section. Names survive only in a build made with
// SSP_NAMES=1 (scripts/build/split.mjs keeps them through wasm-opt), or in cargo's own
// output before the split:
//
//   SSP_NAMES=1 trunk build --release && node scripts/build/breakdown.mjs dist/ssp-*_bg.wasm
//   node scripts/build/breakdown.mjs target/wasm32-unknown-unknown/wasm-release/ssp.wasm
//
// Prints plain text (the README's breakdown tables are copied from it); `--top N` sets how
// many crates and functions are listed (default 15); `--modules CRATE` adds that crate's
// code by module (two levels: `ssp::domain::console`).
import { readFileSync } from 'node:fs';

const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
  'start', 'element', 'code', 'data', 'data count'];

/** An unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** The module's sections, its functions' body sizes and names, and how many are imported. */
export function read(bytes) {
  const sections = [];
  const bodies = [];
  const names = new Map();
  let imported = 0;
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    let label = SECTIONS[id] ?? `#${id}`;
    if (id === 0) {
      const [len, p] = leb(bytes, start);
      const name = new TextDecoder().decode(bytes.subarray(p, p + len));
      label = `custom "${name}"`;
      if (name === 'name') readNames(bytes, p + len, end, names);
    } else if (id === 2) {
      imported = countFunctionImports(bytes, start);
    } else if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (; count > 0; count--) {
        const [len, body] = leb(bytes, p);
        bodies.push(body - p + len);
        p = body + len;
      }
    }
    sections.push({ label, size: end - at });
    at = end;
  }
  return { sections, bodies, names, imported, total: bytes.length };
}

function readNames(bytes, at, end, names) {
  while (at < end) {
    const kind = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    if (kind === 1) {
      let [count, p] = leb(bytes, start);
      for (; count > 0; count--) {
        const [index, q] = leb(bytes, p);
        const [len, r] = leb(bytes, q);
        names.set(index, new TextDecoder().decode(bytes.subarray(r, r + len)));
        p = r + len;
      }
    }
    at = start + size;
  }
}

function countFunctionImports(bytes, at) {
  let [count, p] = leb(bytes, at);
  let functions = 0;
  for (; count > 0; count--) {
    for (let s = 0; s < 2; s++) {
      const [len, q] = leb(bytes, p);
      p = q + len;
    }
    const kind = bytes[p++];
    if (kind === 0) {
      functions++;
      [, p] = leb(bytes, p);
    } else if (kind === 1) {
      p++;
      let flags;
      [flags, p] = leb(bytes, p);
      [, p] = leb(bytes, p);
      if (flags & 1) [, p] = leb(bytes, p);
    } else if (kind === 2) {
      let flags;
      [flags, p] = leb(bytes, p);
      [, p] = leb(bytes, p);
      if (flags & 1) [, p] = leb(bytes, p);
    } else if (kind === 3) {
      p += 2;
    } else {
      [, p] = leb(bytes, p);
    }
  }
  return functions;
}

const ESCAPES = [['$LT$', '<'], ['$GT$', '>'], ['$u20$', ' '], ['$RF$', '&'], ['$u7b$', '{'],
  ['$u7d$', '}'], ['$C$', ','], ['$BP$', '*'], ['$u27$', "'"], ['$LP$', '('], ['$RP$', ')'],
  ['$u5b$', '['], ['$u5d$', ']'], ['$u3b$', ';'], ['$u2b$', '+'], ['$u22$', '"'], ['..', '::']];

/** A legacy-mangled Rust name (`_ZN…E`) as a path, without its hash; others as they are. */
export function demangle(name) {
  if (!name.startsWith('_ZN')) return name.replace(/::h[0-9a-f]{16}$/, '');
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== 'E') {
    const digits = /^\d+/.exec(name.slice(i));
    if (!digits) break;
    i += digits[0].length;
    const n = Number(digits[0]);
    let part = name.slice(i, i + n);
    i += n;
    if (part.startsWith('_$')) part = part.slice(1);
    for (const [from, to] of ESCAPES) part = part.replaceAll(from, to);
    parts.push(part);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts.join('::');
}

/** The crate a function belongs to: the implementing type's for `<T as Trait>::f`, the
 * trait's where the type is generic (`<T as tachys::view::Render>::build` is tachys'). A
 * v0-mangled name (`_R…`, the standard library's) names its first crate. */
export function crateOf(path) {
  const v0 = /^_R.*?C(?:s[0-9A-Za-z]*_)?(\d+)/.exec(path);
  if (v0) {
    const at = v0.index + v0[0].length;
    return path.slice(at, at + Number(v0[1]));
  }
  const crate = (text) => text.replace(/^(&|mut |\[|\(|dyn |\*const |\*mut )+/, '').split('::')[0].split('<')[0];
  const named = (c) => /^[a-z_][a-z0-9_]*$/.test(c);
  if (path.startsWith('<')) {
    const [type, trait = ''] = path.slice(1).split(' as ');
    const c = crate(type);
    if (named(c) && type.includes('::')) return c;
    if (named(crate(trait))) return crate(trait);
    return named(c) ? c : '(generic)';
  }
  const c = crate(path);
  return named(c) && path.includes('::') ? c : '(unnamed)';
}

function main() {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 15;
  const modulesAt = args.indexOf('--modules');
  const within = modulesAt >= 0 ? args.splice(modulesAt, 2)[1] : null;
  if (args.length !== 1) {
    console.error('usage: node scripts/build/breakdown.mjs MODULE.wasm [--top N]');
    process.exit(2);
  }
  const m = read(readFileSync(args[0]));
  const pct = (n, of) => `${((100 * n) / of).toFixed(1).padStart(5)} %`;
  const row = (n, of, what) => console.log(`${String(n).padStart(10)}  ${pct(n, of)}  ${what}`);
  console.log(`${args[0]}: ${m.total} B`);
  for (const s of m.sections.sort((a, b) => b.size - a.size)) row(s.size, m.total, s.label);
  const code = m.bodies.reduce((a, b) => a + b, 0);
  if (m.names.size === 0) {
    console.log('no "name" section: build with SSP_NAMES=1 for the code by crate and function');
    return;
  }
  const byCrate = new Map();
  const functions = m.bodies.map((size, i) => {
    const path = demangle(m.names.get(m.imported + i) ?? `func${m.imported + i}`);
    const crate = crateOf(path);
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
    return { size, path };
  });
  console.log(`\ncode: ${code} B in ${m.bodies.length} functions, by crate`);
  for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    row(size, code, crate);
  }
  if (within) {
    const byModule = new Map();
    for (const f of functions.filter((f) => crateOf(f.path) === within)) {
      const path = f.path.startsWith('<') ? f.path.slice(1).split(' as ')[0] : f.path;
      const module = path.split('::').slice(0, 3).filter((p) => /^[a-z_][a-z0-9_]*$/.test(p)).join('::');
      byModule.set(module, (byModule.get(module) ?? 0) + f.size);
    }
    console.log(`\n${within} by module`);
    for (const [module, size] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      row(size, code, module);
    }
  }
  console.log('\nbiggest functions');
  for (const f of functions.sort((a, b) => b.size - a.size).slice(0, top)) {
    row(f.size, code, f.path.length > 110 ? `${f.path.slice(0, 107)}…` : f.path);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
