// Shared set-up: the release build served on loopback, and Debian's Chromium.
import { chromium } from 'playwright-core';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { serve } from './server.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.SSP_DIST ?? join(here, '..', '..', 'dist');

// The flags Chromium needs as root on a machine with no network but loopback.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

export async function start() {
  const server = await serve(DIST);
  // Every page of the current test, for `checkErrors` after it.
  let pages = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    url: server.url,
    browser,
    // A fresh profile per page: no storage carries over between tests.
    async page(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options });
      // Errors of every tab of the context (a test may open a second) count against it.
      const errors = [];
      const watch = (tab) => {
        tab.on('pageerror', (e) => errors.push(e.message));
        tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      };
      context.on('page', watch);
      // Every policy violation is an error of the test unless it says it expects it.
      await context.exposeFunction('sspViolation', (v) => errors.push(`CSP violation: ${v}`));
      await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) =>
        window.sspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`)));
      const page = await context.newPage();
      page.errors = errors;
      // A test that provokes an error says which it expects.
      page.expected = [];
      page.expectError = (pattern) => page.expected.push(pattern);
      pages.push(page);
      return page;
    },
    /** Fails on any page error or console error a test did not expect (a panic, a
     * failed request it did not cause); called after every test. */
    checkErrors() {
      const unexpected = pages.flatMap((p) => p.errors.filter((e) => !p.expected.some((re) => re.test(e))));
      pages = [];
      if (unexpected.length) throw new Error(`unexpected errors in the page:\n${unexpected.join('\n')}`);
    },
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the world is loaded and the shell has painted its page. */
export async function ready(page) {
  await page.waitForSelector('header.top-bar');
  await page.waitForSelector('main h1');
}

/** Signs `email` in with the demo password on `page`, and waits for `path` to be shown. */
export async function signIn(page, url, email, path) {
  await page.goto(`${url}/signin?next=${encodeURIComponent(path)}`);
  await ready(page);
  await page.fill('#signin-email', email);
  await page.fill('#signin-password', 'Demo-2026!');
  await page.click('form button[type=submit]');
  await page.waitForURL(`**${path}`);
  await ready(page);
  return page;
}

/** Runs `input` in the policy console as a person types it, Enter at the end, and waits
 * until the console has run it (or shows `>>` for more). Returns what the transcript
 * added after the echo, and this app's notes on it. */
export async function consoleRun(page, input) {
  const runs = Number(await page.locator('section.console').getAttribute('data-runs'));
  const before = await page.locator('#console-output .console__line').count();
  await page.fill('#console-input', input);
  await page.press('#console-input', 'Enter');
  await consoleSettled(page, runs);
  const lines = await page.locator('#console-output .console__line').allInnerTexts();
  return {
    // Each line ends in its own line break; blank lines around a table are dropped.
    out: lines.slice(before + 1).join('').replace(/^\n+/, '').trimEnd(),
    notes: await page.locator('#console-notes').innerText(),
  };
}

/** Waits until the console has run more than `runs` inputs, or asks for more with `>>`. */
export async function consoleSettled(page, runs) {
  await page.waitForFunction((n) => Number(document.querySelector('section.console').dataset.runs) > n
    || document.querySelector('.console__ps').textContent.includes('>>'), runs);
}

/** Pastes `text` into the console as the clipboard would (a paste of several lines runs
 * them) and waits for `count` runs. */
export async function consolePaste(page, text, count) {
  const runs = Number(await page.locator('section.console').getAttribute('data-runs'));
  await page.locator('#console-input').evaluate((input, t) => {
    const data = new DataTransfer();
    data.setData('text', t);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction(([n, k]) => Number(document.querySelector('section.console').dataset.runs) >= n + k, [runs, count]);
  return page.locator('#console-output').innerText();
}

/** Exports the stored world on /demo, lets `change` edit its state, and imports it back. */
export async function importState(page, url, change) {
  await page.goto(url + '/demo');
  await ready(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as JSON' }).click()]);
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  change(saved.state);
  const dir = await mkdtemp(join(tmpdir(), 'ssp-import-'));
  try {
    await writeFile(join(dir, 'state.json'), JSON.stringify(saved));
    await page.setInputFiles('#demo-import', join(dir, 'state.json'));
    // Either outcome ends the wait; a refusal is thrown with its words.
    const outcome = page.locator('#demo-outcome', { hasText: /^(Imported:|That file was not imported)/ });
    await outcome.waitFor();
    if ((await outcome.getAttribute('class')).includes('outcome--error')) throw new Error(await outcome.innerText());
  } finally {
    await rm(dir, { recursive: true });
  }
}

/** Through a checkout from the email step to the review step, as `email`; `visit` is
 * called on each step once it shows (the accessibility test checks each). */
export async function toReview(page, email, { licenses = '3', card = '4242424242424242', code = '123' } = {}, visit = async () => {}) {
  await page.fill('#checkout-email', email);
  await page.locator('#verdict.verdict--ok').waitFor();
  await visit('email');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL('**step=signin**');
  await visit('signin');
  await page.fill('#checkout-password', 'Demo-2026!');
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await page.locator('#verdict.verdict--ok').waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL('**step=licenses**');
  await visit('licenses');
  await page.fill('#licenses', licenses);
  await page.fill('#billing-name', 'Test Buyer');
  await page.fill('#billing-address', '1 Main Street');
  await page.fill('#billing-city', 'Redmond');
  await page.fill('#billing-postal', '98052');
  await page.selectOption('#billing-country', 'US');
  await page.getByRole('button', { name: 'Next' }).click();
  if (card) {
    await page.waitForURL('**step=card**');
    await visit('card');
    await page.fill('#card-number', card);
    await page.fill('#card-expiry', '10/29');
    await page.fill('#card-code', code);
    await page.getByRole('button', { name: 'Review' }).click();
  }
  await page.waitForURL('**step=review**');
  await visit('review');
}


/** The stored records (key → JSON) and the revision; the seed's subscriptions and bills
 * when nothing was saved yet (`seed` is then true). */
export async function storedRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('ssp');
    req.onsuccess = () => {
      const tx = req.result.transaction(['kv', 'records']);
      const rev = tx.objectStore('kv').get('rev');
      const keys = tx.objectStore('records').getAllKeys();
      const values = tx.objectStore('records').getAll();
      tx.oncomplete = () => {
        req.result.close();
        if (rev.result === undefined) {
          fetch('/data/seed.json').then((r) => r.json()).then((seed) => {
            const records = {};
            seed.subscriptions.forEach((s, i) => { records[`s:${i}`] = JSON.stringify(s); });
            seed.bills.forEach((b, i) => { records[`b:${i}`] = JSON.stringify(b); });
            resolve({ rev: 0, seed: true, records });
          }, reject);
          return;
        }
        const records = {};
        keys.result.forEach((key, i) => { records[key] = values.result[i]; });
        resolve({ rev: rev.result, seed: false, records });
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }));
}

/** What is stored, counted: subscriptions, bills and the revision. "Nothing stored or
 * charged" is these three unchanged. */
export async function storedCounts(page) {
  const { rev, records } = await storedRecords(page);
  const count = (prefix) => Object.keys(records).filter((k) => k.startsWith(prefix + ':')).length;
  return { rev, subscriptions: count('s'), bills: count('b') };
}
