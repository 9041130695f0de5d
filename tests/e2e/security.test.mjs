// The pages that take a card, hardened: a strict Content Security Policy (a <meta> in
// index.html, and the host's `_headers` for what a meta cannot carry), Subresource Integrity
// on every script, wasm module and stylesheet, nothing from another origin, and a manifest
// of the build's hashes checked against the rules (not against fixed hashes).
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, ready, signIn, DIST } from './harness.mjs';
import { serve } from './server.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

const sha = (algorithm, body) => `${algorithm}-${createHash(algorithm).update(body).digest('base64')}`;
const directives = (policy) => Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
const inlineScripts = (html) => [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
  .filter(([, attrs = '']) => !/\bsrc=/.test(attrs) && !/\btype=["']?application\/json/.test(attrs))
  .map(([, attrs = '', body]) => ({ attrs, body }));
const metaPolicy = (html) => html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];

test('the page ships a strict policy: no inline script but the build\'s own, no eval, nothing from elsewhere', async () => {
  const response = await fetch(app.url + '/checkout/CFQ7TTC0H9MP');
  const html = await response.text();
  const policy = metaPolicy(html);
  assert.ok(policy, 'index.html carries the policy as a meta tag');
  assert.ok(html.indexOf('http-equiv="Content-Security-Policy"') < html.indexOf('<script'), 'the policy comes before any script');
  const d = directives(policy);
  assert.deepEqual(d['default-src'], ["'none'"]);
  assert.deepEqual(d['script-src'].filter((s) => !s.startsWith("'sha256-")), ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(d['script-src'].filter((s) => s.startsWith("'sha256-")).sort(),
    inlineScripts(html).map(({ body }) => `'${sha('sha256', body)}'`).sort(), 'every inline script is named by its hash, and only those');
  for (const [k, v] of Object.entries({ 'style-src': ["'self'"], 'connect-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'worker-src': ["'self'"], 'manifest-src': ["'self'"], 'base-uri': ["'none'"], 'form-action': ["'self'"], 'object-src': ["'none'"] })) {
    assert.deepEqual(d[k], v, k);
  }
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  // What a meta tag cannot carry comes from the host's headers file.
  const headers = Object.fromEntries(response.headers);
  assert.equal(headers['content-security-policy'], `${policy}; frame-ancestors 'none'`);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'no-referrer');
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.match(headers['permissions-policy'], /camera=\(\), microphone=\(\), geolocation=\(\)/);
  assert.match(headers['strict-transport-security'], /^max-age=\d{8,}; includeSubDomains$/);
});

test('an injected inline script and an onerror attribute do not run; the page goes on', async () => {
  const page = await app.page();
  await page.goto(app.url + '/checkout/CFQ7TTC0H9MP');
  await ready(page);
  page.expectError(/CSP violation: script-src-(elem|attr)|Executing inline (script|event handler) violates/);
  // Injected as an attacker would, with the page's own DOM; the page reports each refusal.
  const refused = await page.evaluate(() => new Promise((resolve) => {
    const seen = new Set();
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.add(e.effectiveDirective);
      if (seen.has('script-src-elem') && seen.has('script-src-attr')) resolve([...seen].sort());
    });
    const script = document.createElement('script');
    script.textContent = 'window.injected = "script"';
    document.body.append(script);
    const box = document.createElement('div');
    box.innerHTML = '<img alt="" src="data:," onerror="window.injected = \'onerror\'">';
    document.body.append(box);
  }));
  assert.deepEqual(refused, ['script-src-attr', 'script-src-elem']);
  assert.equal(await page.evaluate(() => window.injected), undefined, 'nothing injected ran');
  // The app itself is untouched: the email still gets its verdict.
  await page.fill('#checkout-email', 'adele@contoso.com');
  await page.locator('#verdict.verdict--ok').waitFor();
});

test('nothing comes from another origin: every request of a visit, every script and style', async () => {
  const page = await app.page();
  const origins = new Set();
  page.on('request', (r) => { if (!r.url().startsWith('data:')) origins.add(new URL(r.url()).origin); });
  await page.goto(app.url + '/');
  await ready(page);
  await page.goto(app.url + '/checkout/CFQ7TTC0H9MP');
  await page.fill('#checkout-email', 'adele@contoso.com');
  await page.locator('#verdict.verdict--ok').waitFor();
  await signIn(page, app.url, 'patti@contoso.com', '/admin/billing/products');
  assert.deepEqual([...origins], [app.url]);
  const foreign = await page.evaluate(() => [...document.querySelectorAll('script[src], link[href], img[src], iframe, object, embed')]
    .map((el) => el.src || el.href || el.tagName)
    .filter((u) => !u.startsWith(location.origin) && !u.startsWith('data:')));
  assert.deepEqual(foreign, []);
});

test('the build keeps the rules: every file it runs is in its manifest with its true hash, every link and fetch checks it', async () => {
  const manifest = JSON.parse(await readFile(join(DIST, 'integrity.json'), 'utf8'));
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const executable = (await readdir(DIST)).filter((f) => /\.(js|wasm|css|svg)$/.test(f) && f !== 'sw.js');
  assert.deepEqual(Object.keys(manifest.files).sort(), executable.map((f) => `/${f}`).sort(), 'the manifest lists every script, module and style');
  for (const f of executable) assert.equal(manifest.files[`/${f}`], sha('sha384', await readFile(join(DIST, f))), f);
  // Each link to one of them carries its hash; the main module is fetched with its own.
  for (const [, href] of html.matchAll(/<link\b[^>]*\bhref="?([^"\s>]+)/g)) {
    if (!manifest.files[href]) continue;
    const tag = html.match(new RegExp(`<link\\b[^>]*${href.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^>]*>`))[0];
    assert.ok(tag.includes(`integrity="${manifest.files[href]}"`), `${href} is linked with its integrity`);
  }
  const main = executable.find((f) => f.endsWith('_bg.wasm'));
  assert.ok(html.includes(`fetch("/${main}",{integrity:"${manifest.files[`/${main}`]}"})`), 'the main module is fetched with its integrity');
  // The import map gives both JS modules their hashes.
  const importMap = JSON.parse(html.match(/<script type="importmap">([^<]+)<\/script>/)[1]);
  for (const [url, hash] of Object.entries(importMap.integrity)) assert.equal(hash, manifest.files[url], url);
  assert.equal(Object.keys(importMap.integrity).length, executable.filter((f) => f.endsWith('.js')).length);
  // The loader fetches each part with its hash.
  const loader = await readFile(join(DIST, executable.find((f) => f.includes('-split-') && f.endsWith('.js'))), 'utf8');
  const parts = [...loader.matchAll(/fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\), \{ integrity: "([^"]+)" \}\)/g)];
  assert.equal(parts.length, executable.filter((f) => f.endsWith('.wasm') && f !== main).length, 'every part is fetched with an integrity');
  for (const [, f, hash] of parts) assert.equal(hash, manifest.files[`/${f}`], f);
  // The inline scripts are the policy's and the manifest's, and the host's header agrees.
  const hashes = inlineScripts(html).map(({ body }) => `'${sha('sha256', body)}'`);
  assert.deepEqual(manifest.inlineScripts, hashes);
  assert.equal(metaPolicy(html), manifest.policy);
  assert.match(await readFile(join(DIST, '_headers'), 'utf8'), new RegExp(`Content-Security-Policy: ${manifest.policy.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}; frame-ancestors 'none'`));
  // The worker caches each hashed file with its integrity.
  const worker = await readFile(join(DIST, 'sw.js'), 'utf8');
  for (const [url, hash] of Object.entries(manifest.files)) assert.ok(worker.includes(JSON.stringify([url, hash])), `the worker checks ${url}`);
});

/** A copy of the build with one byte of `file` changed (its size kept), served on its own. */
async function tampered(file, use) {
  const dir = await mkdtemp(join(tmpdir(), 'ssp-tampered-'));
  await cp(DIST, dir, { recursive: true, preserveTimestamps: true });
  for (const packed of [`${file}.gz`, `${file}.br`]) await rm(join(dir, packed), { force: true });
  const changed = await readFile(join(DIST, file));
  changed[changed.length - 8] ^= 0x01;
  await writeFile(join(dir, file), changed);
  const server = await serve(dir);
  const page = await app.page({ serviceWorkers: 'block' });
  try {
    await use(page, server.url);
  } finally {
    await page.context().close();
    await server.close();
    await rm(dir, { recursive: true });
  }
}

test('a changed byte in the checkout\'s module stops that page with a way to try again, not the app', async () => {
  const part = (await readdir(DIST)).find((f) => /-splitcheckout-[0-9a-f]+\.wasm$/.test(f));
  await tampered(part, async (page, url) => {
    page.expectError(/integrity|Failed to fetch|digest|SRI/i);
    await page.goto(url + '/checkout/CFQ7TTC0H9MP');
    await page.getByRole('alert').filter({ hasText: 'This page could not be loaded' }).waitFor();
    // The rest of the app runs: the store's own page opens.
    await page.goto(url + '/');
    await ready(page);
    assert.ok(page.errors.some((e) => /integrity|digest/i.test(e)), `the browser refused the module: ${page.errors.join(' | ')}`);
  });
});

test('a changed byte in the main module: the browser refuses it and nothing of it runs', async () => {
  const main = (await readdir(DIST)).find((f) => f.endsWith('_bg.wasm'));
  await tampered(main, async (page, url) => {
    page.expectError(/integrity|digest|SRI|Failed to fetch|TypeError/i);
    const refused = page.waitForEvent('console', (m) => /integrity|digest/i.test(m.text()));
    await page.goto(url + '/');
    await refused;
    assert.equal(await page.locator('#boot').count(), 1, 'the boot page stays: no app code ran');
  });
});
