// Storage that will not keep things, in each engine that can be put in that state: a
// private window (Firefox private browsing; a WebKit ephemeral session with Safari's
// Storage API) and a full quota (Chromium by DevTools, Firefox by its quota pref). The app
// says that this browser will not keep the purchase, goes on working in memory, and loses
// nothing silently: the notice stays, leaving asks first, and the state can be exported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from '../harness.mjs';
import { serve } from '../server.mjs';
import { ENGINE, SAFARI_FEATURES, startDriver } from './driver.mjs';
import { buy, captureDownloads, downloaded, signIn } from './flows.mjs';

let driver;
const sites = [];
before(async () => { driver = await startDriver(); });
after(async () => {
  driver?.stop();
  await Promise.all(sites.map((s) => s.close()));
});

async function site() {
  const s = await serve(DIST);
  sites.push(s);
  return s.url;
}

/** A session whose windows are private, in the engine's own way; none for Chromium,
 * whose incognito windows keep the origin private file system (in memory) and so show
 * a page nothing to tell them by. */
const PRIVATE = {
  firefox: { prefs: { 'browser.privatebrowsing.autostart': true } },
  // WebKitWebDriver's sessions are ephemeral already; Safari's Storage API lets a page see it.
  webkit: { features: SAFARI_FEATURES },
};

/** A session with a small quota to fill; none for WebKit, whose ephemeral sessions took
 * 8 GB of IndexedDB here without a QuotaExceededError. Chromium's is set per origin. */
const SMALL_QUOTA = {
  chromium: {},
  firefox: { prefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': 20000 } },
};

/** Writes random bytes to a database of the test's own until the origin's quota refuses
 * even 512 bytes more. */
const FILL = `const done = arguments[arguments.length - 1];
(async () => {
  const open = () => new Promise((resolve, reject) => { const r = indexedDB.open('filler');
    r.onupgradeneeded = () => r.result.createObjectStore('s'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  let db = await open(), key = 0, refusal = null;
  const put = (size) => new Promise((resolve, reject) => {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
    const tx = db.transaction('s', 'readwrite');
    tx.objectStore('s').put(bytes, key++);
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
  for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 9]) {
    for (;;) {
      try { await put(size); } catch (e) { refusal = e?.name; db.close(); db = await open(); break; }
    }
  }
  db.close();
  done(refusal);
})();`;

/** Whether a `beforeunload` now would ask the person before leaving. */
const ASKS_BEFORE_LEAVING = "const e = new Event('beforeunload', { cancelable: true }); dispatchEvent(e); return e.defaultPrevented;";

test('a private window: the app says the purchase will not be kept, and works on', { skip: !PRIVATE[ENGINE] && `${ENGINE} gives a page no sign of a private window` }, async () => {
  const b = await driver.session(PRIVATE[ENGINE]);
  try {
    const url = await site();
    await b.goto(url + '/');
    assert.match(await b.text('#not-kept'), /This looks like a private window: this browser will not keep your purchases and changes after you close it\./);
    await b.goto(url + '/checkout/CFQ7TTC0H9MP');
    const order = await buy(b, { email: 'adele@contoso.com', licenses: '2' });
    // The window keeps it until it closes: a reload still has it.
    await b.goto(url + '/admin/billing/products');
    assert.match(await b.text('#purchases tbody tr', /Power BI Pro/), /Active/);
    assert.ok((await b.run("return [...document.querySelectorAll('#purchases a')].map((a) => a.href).join(' ')")).includes(order));
    assert.match(await b.text('#not-kept'), /private window/, 'the notice stays');
    assert.deepEqual(await b.finish(), []);
  } finally {
    await b.quit();
  }
});

test('a full quota: the purchase happens in memory, the app says so, leaving asks first, and the export has it', { skip: !SMALL_QUOTA[ENGINE] && `${ENGINE}'s quota could not be filled here` }, async () => {
  const b = await driver.session(SMALL_QUOTA[ENGINE]);
  try {
    const url = await site();
    await signIn(b, url, 'adele@contoso.com', '/admin');
    if (ENGINE === 'chromium') {
      const { usage } = await b.runAsync('navigator.storage.estimate().then(arguments[0])');
      await b.driver.sendAndGetDevToolsCommand('Storage.overrideQuotaForOrigin', { origin: url, quotaSize: usage + 5 * 1024 * 1024 });
    }
    assert.equal(await b.runAsync(FILL), 'QuotaExceededError');
    assert.equal(await b.count('#not-kept'), 0, 'nothing to say before a write fails');
    assert.equal(await b.run(ASKS_BEFORE_LEAVING), false);

    await b.goto(url + '/checkout/CFQ7TTC0H9MP');
    const order = await buy(b, { email: 'adele@contoso.com', licenses: '2', signedIn: true });
    assert.match(await b.text('#not-kept'), /This browser's storage for this site is full, so it will not keep your last change or the ones after it/);
    assert.match(await b.text('#not-kept'), /QuotaExceededError/, 'in the browser\'s words too');
    // It works on, in memory: the purchase is on Your products (reached by links, not a reload).
    await b.click('a', /^Assign licenses$/);
    await b.waitUrl(/\/admin\/billing\/licenses$/);
    await b.click('nav a', /^Your products$/);
    await b.waitUrl(/\/admin\/billing\/products$/);
    assert.ok((await b.run("return [...document.querySelectorAll('#purchases a')].map((a) => a.href).join(' ')")).includes(order));
    // Nothing lost without a word: leaving asks, and the notice's export holds the purchase.
    assert.equal(await b.run(ASKS_BEFORE_LEAVING), true);
    await captureDownloads(b);
    await b.click('#not-kept button', /^Export as JSON$/);
    const [file] = await downloaded(b, 1);
    assert.ok(JSON.parse(file.text).state.subscriptions.some((s) => s.id === order), 'the export has the purchase');
    assert.deepEqual(await b.finish(), []);
  } finally {
    await b.quit();
  }
});
