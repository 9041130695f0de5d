#!/usr/bin/env node
// The shape of the UI code, in figures: every `#[component]` in src/ with its length in
// lines (from the attribute to the closing brace of its function), then the median, the
// 90th percentile and the ones over 150 lines. `node scripts/shape.mjs [--all]` lists every
// component with --all, the longest twenty without.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const LIMIT = 150;

function* rustFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* rustFiles(path);
    else if (name.endsWith('.rs')) yield path;
  }
}

/** The index just past the brace that closes the one at `open`, skipping strings,
 * character literals and comments (a lifetime's quote opens nothing). */
function closing(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i);
    else if (c === '/' && text[i + 1] === '*') i = text.indexOf('*/', i) + 1;
    else if (c === 'r' && /^r#*"/.test(text.slice(i, i + 8)) && !/\w/.test(text[i - 1])) {
      const hashes = text.slice(i + 1).match(/^#*/)[0];
      i = text.indexOf(`"${hashes}`, i + hashes.length + 2) + hashes.length;
    } else if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '\'') {
      if (text[i + 1] === '\\') i = text.indexOf('\'', i + 2);
      else if (text[i + 2] === '\'') i += 2;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  throw new Error('unbalanced braces');
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

export function components() {
  const found = [];
  for (const file of rustFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/#\[component\][\s\S]*?fn\s+(\w+)/g)) {
      const body = text.indexOf('{', text.indexOf(')', m.index + m[0].length));
      const end = closing(text, body);
      found.push({ name: m[1], file: relative(ROOT, file), lines: lineOf(text, end) - lineOf(text, m.index) + 1 });
    }
  }
  return found.sort((a, b) => b.lines - a.lines);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const all = components();
  const lengths = all.map((c) => c.lines).sort((a, b) => a - b);
  const over = all.filter((c) => c.lines > LIMIT);
  console.log(`components: ${all.length}; lines: median ${percentile(lengths, 0.5)}, p90 ${percentile(lengths, 0.9)}, longest ${lengths.at(-1)}; over ${LIMIT}: ${over.length}`);
  for (const c of process.argv.includes('--all') ? all : all.slice(0, 20)) console.log(`${String(c.lines).padStart(5)}  ${c.name}  ${c.file}`);
}
