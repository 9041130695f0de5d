// The service worker (public/sw.js, filled in by scripts/build/worker.mjs): a return visit and
// every part of the app come from its cache, offline too; a new build is announced and
// taken on Reload, never mixed with the old.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, ready, DIST } from './harness.mjs';
import { serve } from './server.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

/** Until this build's worker has cached every file and controls the page. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller
    ? null
    : new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }))));
}

/** A copy of the release build on its own server: a deployment the test can change. The
 * page's context closes before the server, so its worker never fetches from a closed one. */
async function deployment(use) {
  const dir = await mkdtemp(join(tmpdir(), 'ssp-deploy-'));
  await cp(DIST, dir, { recursive: true });
  const server = await serve(dir);
  const page = await app.page();
  try {
    await use(page, dir, server.url);
  } finally {
    await page.context().close();
    await server.close();
    await rm(dir, { recursive: true });
  }
}

test('the worker is registered only once the app has put up its page, so its download never shares the line with the first page', async () => {
  const page = await app.page();
  await page.addInitScript(() => {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      window.registeredWithBootPaint = !!document.getElementById('boot');
      window.registeredWithPage = !!document.querySelector('main h1#page-title');
      return register(...args);
    };
  });
  await page.goto(app.url + '/checkout/CFQ7TTC0H9MP');
  await ready(page);
  await controlled(page);
  assert.deepEqual(await page.evaluate(() => [window.registeredWithBootPaint, window.registeredWithPage]), [false, true]);
});

test('a return visit comes from the worker, offline too: the store, the checkout part, the admin center', async () => {
  const page = await app.page();
  await page.goto(app.url + '/');
  await ready(page);
  await controlled(page);
  await page.context().setOffline(true);
  page.expectError(/ERR_INTERNET_DISCONNECTED|Failed to fetch/);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('main h1').innerText(), 'Buy Microsoft 365 products for your work');
  await page.goto(app.url + '/checkout/CFQ7TTC0H9MP');
  await page.locator('#checkout-email').fill('adele@contoso.com');
  await page.locator('#verdict.verdict--ok').waitFor();
  await page.goto(`${app.url}/signin?next=${encodeURIComponent('/admin/billing/products')}`);
  await ready(page);
  await page.fill('#signin-email', 'patti@contoso.com');
  await page.fill('#signin-password', 'Demo-2026!');
  await page.click('form button[type=submit]');
  await page.locator('main h1#page-title', { hasText: 'Your products' }).waitFor();
  await page.context().setOffline(false);
});

test('a new build is announced, and Reload moves the page to it at once', async () => {
  await deployment(async (page, dir, url) => {
    await page.goto(url + '/');
    await ready(page);
    await controlled(page);
    assert.equal(await page.locator('#update-notice').count(), 0, 'nothing to announce on the first visit');
    const build = await page.evaluate(() => caches.keys());
    // Deploy: the worker names another build.
    const sw = join(dir, 'sw.js');
    const worker = await readFile(sw, 'utf8');
    const next = worker.replace(/const BUILD = '([0-9a-f]+)'/, "const BUILD = '$1next'");
    assert.notEqual(next, worker);
    await writeFile(sw, next);
    await page.reload();
    await ready(page);
    const notice = page.locator('#update-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /^A new version of this app is available\.\s+Reload$/);
    assert.equal(await notice.getAttribute('role'), 'status');
    await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
    await ready(page);
    await page.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old[0]), build);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`${build[0]}next`]);
    assert.equal(await page.locator('#update-notice').count(), 0);
  });
});
