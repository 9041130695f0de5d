// Step 3 of the release build: what the page may run. Every link to a hashed file carries
// its `integrity`, the main module is fetched with its own, an import map gives the two JS
// modules theirs; then the Content Security Policy (README, "Security headers"), worked out
// last from the page as it ships — it names the inline scripts by hash — goes into a
// `<meta>` and, with what a meta cannot carry, into the host's `_headers`; and
// `integrity.json` lists it all for a host or CI to check. `trunk serve` gets no meta: its
// live reload adds a script of its own.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CHARSET = '<meta charset=utf-8>';
/** The headers a static host sends with every file (Netlify's and Cloudflare Pages' format). */
export const HEADERS = '_headers';
/** This build's script, wasm and style hashes and its policy, for a host or CI to check. */
export const MANIFEST = 'integrity.json';

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

/** The page's policy: nothing but this origin's own files and this build's inline scripts
 * (their hashes); wasm compiles, nothing is evaluated from a string. */
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

/** Writes index.html as it ships, `_headers` and `integrity.json`. */
export function harden(build) {
  let page = withIntegrity(build.page, build.integrity, build.names);
  const inlineScripts = inlineScriptHashes(page);
  const policy = contentSecurityPolicy(inlineScripts);
  if (!build.underTrunkServe) page = page.replace(CHARSET, `${CHARSET}<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  writeFileSync(join(build.dist, 'index.html'), page);
  writeFileSync(join(build.dist, HEADERS), headersFile(policy));
  writeFileSync(join(build.dist, MANIFEST), `${JSON.stringify({ build: build.hash, policy, inlineScripts, files: build.integrity }, null, 2)}\n`);
}
