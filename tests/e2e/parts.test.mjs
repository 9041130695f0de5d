// The release build comes in parts (src/areas.rs, scripts/build/split.mjs): the store's first
// visit downloads the store alone, a route's parts start with the page, and a part that
// fails to arrive says so and loads on "Try again" — the app never dies of it.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, signIn } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

// These pages run without the service worker: it would download every part after the
// first load (by design, for offline use) and serve them from its cache, past the network
// these tests watch and fail. tests/e2e/offline.test.mjs tests the worker.
const NO_WORKER = { serviceWorkers: 'block' };

/** The wasm files `page` requests, by name without the build's hash. */
function wasmRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const m = r.url().match(/\/(ssp-(?:[a-z0-9]+-)?)[0-9a-f]{16}(_bg)?\.wasm$/);
    if (m) seen.push((m[1] + (m[2] ? 'main' : '')).replace(/-$/, ''));
  });
  return seen;
}

test('the store alone on a first visit; the checkout part comes with a click, and the page works', async () => {
  const page = await app.page(NO_WORKER);
  const wasm = wasmRequests(page);
  await page.goto(app.url + '/');
  await ready(page);
  await page.locator('a[href="/products/CFQ7TTC0H9MP"]').first().click();
  await page.locator('main h1#page-title', { hasText: 'Power BI Pro' }).waitFor();
  assert.deepEqual(wasm, ['ssp-main'], 'only the main module for the store and a product page');
  await page.locator('a[href="/checkout/CFQ7TTC0H9MP"]').first().click();
  await page.locator('#checkout-email').waitFor();
  assert.ok(wasm.includes('ssp-splitcheckout'), `the checkout part arrived: ${wasm}`);
  assert.ok(!wasm.some((w) => w.includes('admin') || w.includes('demo')), `nothing of the admin center: ${wasm}`);
  await page.fill('#checkout-email', 'adele@contoso.com');
  await page.locator('#verdict.verdict--ok').waitFor();
});

test('a cold visit to a checkout or an admin page starts its parts with the page (preloaded), not after the app', async () => {
  for (const [path, part] of [['/checkout/CFQ7TTC0H9MP', 'splitcheckout'], ['/admin', 'splitadmin']]) {
    const page = await app.page(NO_WORKER);
    await page.goto(app.url + path);
    await ready(page);
    const how = await page.evaluate((part) => performance.getEntriesByType('resource')
      .filter((e) => e.name.includes(`/ssp-${part}-`)).map((e) => e.initiatorType), part);
    assert.deepEqual(how, ['link'], `${path}: ${part} fetched once, by the preload in index.html`);
  }
});

test('a part that fails to arrive: the page says so, the bar still works, and Try again loads it', async () => {
  const page = await app.page(NO_WORKER);
  page.expectError(/Failed to load resource|Failed to fetch|TypeError|net::ERR/);
  let failing = true;
  await page.route(/\/ssp-splitadmin-[0-9a-f]+\.wasm$/, (route) => (failing ? route.abort('internetdisconnected') : route.continue()));
  // Signed in on the store's sign-in page (main module), then sent to the admin center.
  await page.goto(`${app.url}/signin?next=${encodeURIComponent('/admin')}`);
  await ready(page);
  await page.fill('#signin-email', 'megan@contoso.com');
  await page.fill('#signin-password', 'Demo-2026!');
  await page.click('form button[type=submit]');
  await page.waitForURL('**/admin');
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Check your connection, then try again/);
  assert.equal(await page.title(), 'This page could not be loaded - Microsoft 365 admin center');
  // The rest of the app is alive: the bar's language menu still answers.
  assert.ok(await page.locator('header.top-bar').isVisible());
  // Still failing: another try says the same, nothing breaks.
  await page.getByRole('button', { name: 'Try again' }).click();
  await alert.waitFor();
  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('main h1#page-title', { hasText: 'Your self-service purchases' }).waitFor();
  assert.equal(await alert.count(), 0);
  // Loaded once, the part stays: another admin page comes at once.
  await page.locator('a[href="/admin/billing/products"]').first().click();
  await page.locator('main h1#page-title', { hasText: 'Your products' }).waitFor();
});

test('a failed checkout part, reached from the store by a click, recovers the same way', async () => {
  const page = await app.page(NO_WORKER);
  page.expectError(/Failed to load resource|Failed to fetch|TypeError|net::ERR/);
  let failing = true;
  await page.route(/\/ssp-splitcheckout-[0-9a-f]+\.wasm$/, (route) => (failing ? route.abort('failed') : route.continue()));
  await page.goto(app.url + '/products/CFQ7TTC0H9MP');
  await ready(page);
  await page.locator('a[href="/checkout/CFQ7TTC0H9MP"]').first().click();
  await page.getByRole('alert').filter({ hasText: 'This page could not be loaded' }).waitFor();
  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('#checkout-email').waitFor();
  await page.fill('#checkout-email', 'adele@contoso.com');
  await page.locator('#verdict.verdict--ok').waitFor();
});

test('while a part is on its way, its page says Loading…, then the page takes its place and focus', async () => {
  const page = await app.page(NO_WORKER);
  let release;
  const arrived = new Promise((r) => { release = r; });
  await page.route(/\/ssp-splitcheckout-[0-9a-f]+\.wasm$/, async (route) => { await arrived; await route.continue(); });
  await page.goto(app.url + '/products/CFQ7TTC0H9MP');
  await ready(page);
  await page.locator('a[href="/checkout/CFQ7TTC0H9MP"]').first().click();
  await page.locator('main #part-loading', { hasText: 'Loading…' }).waitFor();
  release();
  await page.locator('#checkout-email').waitFor();
  assert.equal(await page.locator('#part-loading').count(), 0);
  await page.waitForFunction(() => document.activeElement?.id === 'page-title');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Buy Power BI Pro');
});
