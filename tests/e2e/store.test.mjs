// The demo world and the store end to end: sign-in, the demo controls, persistence,
// a second tab, corrupt data, and a world file that is missing or malformed.
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

async function open(path, page) {
  page ??= await app.page();
  await page.goto(app.url + path);
  await ready(page);
  return page;
}

async function signIn(page, email, password = 'Demo-2026!') {
  await page.fill('#signin-email', email);
  await page.fill('#signin-password', password);
  await page.click('form button[type=submit]');
}

const text = (page, selector) => page.locator(selector).innerText();

test('sign-in refuses a wrong password and an unknown account, then signs in and survives a reload', async () => {
  const page = await open('/signin?next=/admin');
  assert.match(await text(page, 'main'), /demo directory/i, 'the page says the directory is a demo');
  await signIn(page, 'megan@contoso.com', 'not-the-password');
  await page.locator('#signin-error', { hasText: 'incorrect' }).waitFor();
  await signIn(page, 'nobody@contoso.com');
  await page.locator('#signin-error', { hasText: "couldn't find" }).waitFor();
  await signIn(page, 'grady@contoso.com');
  await page.locator('#signin-error', { hasText: 'disabled' }).waitFor();
  await signIn(page, 'megan@contoso.com');
  await page.waitForURL('**/admin');
  const bar = await text(page, 'header.top-bar');
  assert.match(bar, /Megan Bowen/);
  assert.match(bar, /Contoso Ltd\./);
  await page.reload();
  await ready(page);
  assert.match(await text(page, 'header.top-bar'), /Megan Bowen/, 'the session survives a reload');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  // The refused sign-ins are in the audit log.
  const exported = await exportState(page);
  const refused = exported.state.audit.filter((e) => e.action === 'sign_in' && e.outcome === 'Refused');
  assert.equal(refused.length, 3);
  assert.ok(refused.some((e) => e.subject === 'megan@contoso.com' && e.detail === 'WrongPassword'));
});

async function exportState(page) {
  await open('/demo', page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('the demo clock moves on, renews with a bill, and persists across a reload', async () => {
  const page = await open('/demo');
  assert.equal(await text(page, '#demo-clock'), '2026-11-26');
  await page.getByRole('button', { name: 'Advance one day' }).click();
  await page.locator('#demo-clock', { hasText: '2026-11-27' }).waitFor();
  await page.getByRole('button', { name: 'Advance one month' }).click();
  await page.locator('#demo-clock', { hasText: '2026-12-27' }).waitFor();
  assert.match(await text(page, '#demo-outcome'), /Renewals, trial conversions and expiries: \d+/);
  await page.reload();
  await ready(page);
  assert.equal(await text(page, '#demo-clock'), '2026-12-27');
  const state = await exportState(page);
  const renewed = state.state.bills.filter((b) => b.status === 'Paid' && b.period_start >= '2026-11-27');
  assert.ok(renewed.length >= 3, `self-service renewals were charged: ${renewed.length}`);
});

test('a second tab sees a change at once', async () => {
  const first = await open('/demo');
  const second = await first.context().newPage();
  await open('/demo', second);
  const before = await text(second, '#demo-clock');
  await first.getByRole('button', { name: 'Advance one day' }).click();
  await first.locator('#demo-clock', { hasText: nextDay(before) }).waitFor();
  await second.locator('#demo-clock', { hasText: nextDay(before) }).waitFor({ timeout: 5000 });
});

function nextDay(iso) {
  const d = new Date(iso + 'T12:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test('import refuses a bad file and keeps the state; an exported file imports; reset restores the seed', async () => {
  const page = await open('/demo');
  const count = await text(page, '#demo-subscription-count');
  const dir = await mkdtemp(join(tmpdir(), 'ssp-import-'));
  try {
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"schema": 1, "clock": "2026-11-26T09:00:00Z", "state": {"subscriptions": "nope"}}');
    await page.setInputFiles('#demo-import', bad);
    await page.locator('#demo-outcome', { hasText: 'nothing changed' }).waitFor();
    assert.equal(await text(page, '#demo-subscription-count'), count);

    const exported = await exportState(page);
    exported.state.subscriptions = exported.state.subscriptions.filter((s) => s.tenant !== 'proseware-jp');
    exported.state.bills = exported.state.bills.filter((b) => exported.state.subscriptions.some((s) => s.id === b.subscription));
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify(exported));
    await page.setInputFiles('#demo-import', good);
    await page.locator('#demo-outcome', { hasText: 'Imported' }).waitFor();
    assert.equal(await text(page, '#demo-subscription-count'), String(Number(count) - 1));

    await page.getByRole('button', { name: 'Reset the demo world' }).click();
    await page.getByRole('group').getByRole('button', { name: 'Reset the demo world' }).click();
    await page.locator('#demo-outcome', { hasText: 'as shipped' }).waitFor();
    assert.equal(await text(page, '#demo-subscription-count'), '14');
    assert.equal(await text(page, '#demo-clock'), '2026-11-26');
  } finally {
    await rm(dir, { recursive: true });
  }
});

test('10,000 extra subscriptions: seeded, stored, and a save measured', async () => {
  const page = await open('/demo');
  await page.fill('#seed-count', '10000');
  await page.getByRole('button', { name: 'Add subscriptions' }).click();
  await page.locator('#demo-outcome', { hasText: 'Added 10000' }).waitFor({ timeout: 30000 });
  assert.ok(Number(await text(page, '#demo-subscription-count')) >= 10014);
  const timings = [];
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Advance one day' }).click();
    await page.locator('#demo-outcome', { hasText: 'clock moved' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.demo button[disabled]'));
    timings.push(await text(page, '#demo-last-save'));
  }
  console.log(`# saving the state with 10,014 subscriptions (advance one day): ${timings.join(', ')}`);
  await page.reload();
  await ready(page);
  assert.ok(Number(await text(page, '#demo-subscription-count')) >= 10014, 'they survive a reload');
  await page.getByRole('button', { name: 'Reset the demo world' }).click();
  await page.getByRole('group').getByRole('button', { name: 'Reset the demo world' }).click();
  await page.locator('#demo-outcome', { hasText: 'as shipped' }).waitFor();
});

test('corrupt stored data is kept as a backup, exported on request, and reset', async () => {
  const page = await open('/demo');
  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('ssp');
    req.onsuccess = () => {
      const tx = req.result.transaction(['kv', 'records'], 'readwrite');
      tx.objectStore('kv').put(99, 'rev');
      tx.objectStore('records').put('{"schema": 1, "clock": [garbage', 'head');
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }));
  await page.reload();
  await ready(page);
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await alert.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Export the backup' }).click()]);
  const backup = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(backup.head, '{"schema": 1, "clock": [garbage', 'the unreadable record, kept whole');
  await alert.getByRole('button', { name: 'Reset the demo world' }).click();
  await alert.waitFor({ state: 'detached' });
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole('alert').count(), 0, 'after the reset the data reads fine');
});

async function withBrokenWorld(breakIt, check) {
  const dir = await mkdtemp(join(tmpdir(), 'ssp-dist-'));
  await cp(DIST, dir, { recursive: true });
  await breakIt(dir);
  const server = await serve(dir);
  // No service worker: it would still be caching from this server when the test closes it.
  const page = await app.page({ serviceWorkers: 'block' });
  try {
    await page.goto(server.url + '/');
    await page.getByRole('alert').waitFor();
    await check(page);
  } finally {
    // The page closes before its server: whatever it still fetches (the other world files,
    // a part's preload) must not meet a closed port.
    await page.context().close();
    await server.close();
    await rm(dir, { recursive: true });
  }
}

test('a missing world file shows an error page naming it', async () => {
  await withBrokenWorld((dir) => rm(join(dir, 'data', 'seed.json')), async (page) => {
    page.expectError(/status of 404/);
    const alert = await page.getByRole('alert').innerText();
    assert.match(alert, /data\/seed\.json/);
    assert.match(alert, /404/);
  });
});

test('a malformed world file shows an error page naming it and what is wrong', async () => {
  await withBrokenWorld((dir) => writeFile(join(dir, 'data', 'catalog.json'), '{"products": [}'), async (page) => {
    const alert = await page.getByRole('alert').innerText();
    assert.match(alert, /data\/catalog\.json/);
    assert.match(alert, /line 1 column/);
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 1);
  });
});
