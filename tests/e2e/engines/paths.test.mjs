// The main paths in one engine (SSP_ENGINE: chromium, firefox or webkit), with the same
// outcomes asserted in each: the Chinese texts fetched when chosen, buy with and without a
// card, a purchaser's assign, unassign and cancel, an admin's take-over and policy (panel and
// console), the planner, the demo clock, export and import, and two tabs buying at once. Each
// test has a site of its own (its own port, so its own origin and storage) in one browser
// session.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { By } from 'selenium-webdriver';
import { DIST } from '../harness.mjs';
import { serve } from '../server.mjs';
import { ENGINE, startDriver } from './driver.mjs';
import { buy, captureDownloads, downloaded, signIn, consoleRun } from './flows.mjs';

let driver, b;
const sites = [];
before(async () => {
  driver = await startDriver();
  b = await driver.session();
});
after(async () => {
  await b?.quit();
  driver?.stop();
  await Promise.all(sites.map((s) => s.close()));
});
afterEach(async () => {
  assert.deepEqual(await b.finish(), [], `nothing went wrong in the page (${ENGINE})`);
});

/** A new origin for the test: nothing stored from another test. */
async function site() {
  const s = await serve(DIST);
  sites.push(s);
  return s.url;
}

test('the store, the instant verdict for an education address, 2 licenses bought with a card and kept after a reload', async () => {
  const url = await site();
  await b.goto(url + '/');
  assert.equal(await b.count('#products-microsoft .product-card'), 18);
  // A window that keeps data has nothing to say about it (WebKitGTK's sessions are
  // ephemeral, but as shipped it has no Storage API to tell a page so).
  assert.equal(await b.count('#not-kept'), 0);
  assert.equal(await b.count('#products-third-party .product-card'), 4);
  await b.goto(url + '/checkout/CFQ7TTC0H9MP');
  await b.fill('#checkout-email', 'ana@northwind.edu');
  assert.match(await b.text('#verdict[data-decision="verdict.education"]'), /education organizations/);
  const order = await buy(b, { email: 'adele@contoso.com', licenses: '2', total: '$28.00' });
  assert.match(order, /^sub-\d+$/);
  await b.reload();
  assert.equal(await b.text('#order-number'), order, 'the confirmation survives a reload');
  await b.goto(url + '/admin/billing/products');
  const row = await b.text('#purchases tbody tr', /Power BI Pro/);
  assert.match(row, /Active/);
  assert.match(row, /\b2\b/);
});

test('choosing 中文 fetches the Chinese texts (a file of their own) and keeps them after a reload', async () => {
  const url = await site();
  await b.goto(url + '/');
  assert.equal(await b.run("return performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/i18n/zh-CN.txt')).length"), 0,
    'an English page does not download Chinese');
  await b.select('#lang-switch', 'zh-CN');
  await b.find('main h1', '为工作购买 Microsoft 365 产品');
  assert.match(await b.text('header.top-bar'), /Microsoft 365 管理中心/);
  await b.reload();
  await b.find('main h1', '为工作购买 Microsoft 365 产品');
  assert.equal(await b.run('return document.documentElement.lang'), 'zh-CN');
  await b.select('#lang-switch', 'en-US');
  await b.find('main h1', 'Buy Microsoft 365 products for your work');
});

test('a free trial without a card', async () => {
  const url = await site();
  await b.goto(url + '/checkout/CFQ7TTC0HDB1?trial=1');
  assert.equal(await b.count('.stepper li'), 5, 'no payment step');
  const order = await buy(b, { email: 'johanna@contoso.com', card: false, trial: true, review: /without a payment method/ });
  assert.match(order, /^sub-\d+$/);
  await b.goto(url + '/admin/billing/products');
  assert.match(await b.text('#purchases tbody tr', /Planner Plan 1/), /Trial|trial/);
});

test('a purchaser assigns, unassigns and cancels', async () => {
  const url = await site();
  await signIn(b, url, 'adele@contoso.com', '/admin');
  await b.goto(url + '/checkout/CFQ7TTC0LH2H');
  const order = await buy(b, { email: 'adele@contoso.com', licenses: '3', signedIn: true });
  await b.goto(`${url}/admin/subscriptions/${order}`);
  const assigned = Number(await b.text('#sub-assigned'));
  await b.fill('#people-search', 'aiden.abbott');
  await b.click('#people-results button', /Aiden Abbott/);
  await b.click('#assign-button', /Assign 1 license/);
  await b.find('[role=status]', /Assigned 1 license/);
  assert.equal(await b.text('#sub-assigned'), String(assigned + 1));

  await b.clickIn('#assigned li', /Aiden Abbott/, 'button', /^Unassign$/);
  assert.match(await b.text('#assigned'), /Aiden Abbott loses access to Power Apps per user now/);
  await b.click('button', /^Confirm$/);
  await b.waitFor('Aiden Abbott unassigned', "return ![...document.querySelectorAll('#assigned li')].some((li) => li.innerText.includes('Aiden Abbott'))");
  assert.equal(await b.text('#sub-assigned'), String(assigned));

  const reason = await b.run("return [...document.querySelectorAll('#cancel-reason option')].find((o) => o.value).value");
  await b.select('#cancel-reason', reason);
  await b.click('#cancel-subscription');
  await b.click('#cancel-confirm');
  await b.find('#sub-status', /Disabled/);
});

test('an admin takes over a purchase, and sets a policy in the panel and in the console', async () => {
  const url = await site();
  await signIn(b, url, 'patti@contoso.com', '/admin/billing/products');
  await b.select('#products-filter', 'include');
  await b.clickIn('#products-grid tbody tr.grid-row', /Power Automate per user[\s\S]*Self-service/, 'th', null);
  await b.click('#centralize');
  await b.find('#take-over-outcome', /asked to cancel/);
  await b.select('#products-filter', 'central');
  assert.match(await b.text('#products-grid tbody tr.grid-row', /Power Automate per user/), /3\s+3\s+0/);

  await b.goto(url + '/admin/settings/self-service');
  const cell = '#policy-grid tr[data-product="CFQ7TTC0H9MP"] .policy-value';
  assert.equal(await b.text(cell), 'Allow');
  await b.click('#policy-grid tr[data-product="CFQ7TTC0H9MP"] button');
  await b.find('#policy-panel-title', /Power BI Pro/);
  await b.click('label[for="policy-Disabled"]');
  await b.click('#policy-panel button[type=submit]', /^Save$/);
  await b.find('#policy-outcome', 'Power BI Pro is now set to “Do not allow”.');
  assert.equal(await b.text(cell), 'Do not allow');

  assert.match(await consoleRun(b, 'Connect-MSCommerce'), /Connection established successfully/);
  const got = await consoleRun(b, 'Get-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP');
  assert.match(got, /Disabled\s+CFQ7TTC0H9MP\s+AllowSelfServicePurchase\s+Power BI Pro/);
  await consoleRun(b, 'Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value OnlyTrialsWithoutPaymentMethod');
  await b.find(cell, /^Allow for trials only$/);
});

const TABLE = `PolicyId                 ProductName                                ProductId    PolicyValue
--------                 -----------                                ---------    -----------
AllowSelfServicePurchase Power BI Pro                               CFQ7TTC0H9MP Disabled
AllowSelfServicePurchase Power Apps per user                        CFQ7TTC0KP0P OnlyTrialsWithoutPaymentMethod`;

test('the planner takes a pasted table and exports the script', async () => {
  const url = await site();
  await signIn(b, url, 'patti@contoso.com', '/admin/settings/self-service');
  await b.fill('#plan-paste', TABLE);
  await b.click('#plan-make');
  assert.equal(await b.text('#plan-outcome'), 'Read 2 rows from a pasted Get-MSCommerceProductPolicies table. Products in the plan: 2.');
  assert.equal(await b.value('#plan-0-CFQ7TTC0LH2H'), 'OnlyTrialsWithoutPaymentMethod');
  await b.click('#plan-show-script');
  const shown = await b.text('#plan-preview');
  await captureDownloads(b);
  await b.click('#plan-download');
  const [file] = await downloaded(b, 1);
  assert.equal(file.name, 'self-service-purchase-plan.ps1');
  assert.equal(file.text.trim(), shown.trim());
  assert.deepEqual(file.text.split('\n').filter((l) => l.startsWith('Update-')), [
    'Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled',
    'Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0LH2H -Value OnlyTrialsWithoutPaymentMethod',
  ]);
});

test('the demo clock moves a month on, renews with bills, and keeps the date after a reload', async () => {
  const url = await site();
  await b.goto(url + '/demo');
  assert.equal(await b.text('#demo-clock'), '2026-11-26');
  await b.click('button', /^Advance one month$/);
  await b.find('#demo-clock', '2026-12-26');
  await b.find('#demo-outcome', /Renewals, trial conversions and expiries: [1-9]\d*/);
  await b.reload();
  assert.equal(await b.text('#demo-clock'), '2026-12-26');
  await captureDownloads(b);
  await b.click('button', /^Export as JSON$/);
  const [file] = await downloaded(b, 1);
  const { state } = JSON.parse(file.text);
  const renewed = state.bills.filter((bill) => bill.status === 'Paid' && bill.period_start >= '2026-11-27');
  assert.ok(renewed.length >= 3, `self-service renewals were charged: ${renewed.length}`);
});

test('export, change the file, import it back', async () => {
  const url = await site();
  await b.goto(url + '/demo');
  const count = Number(await b.text('#demo-subscription-count'));
  await captureDownloads(b);
  await b.click('button', /^Export as JSON$/);
  const [file] = await downloaded(b, 1);
  assert.equal(file.name, 'ssp-state.json');
  const saved = JSON.parse(file.text);
  saved.state.subscriptions = saved.state.subscriptions.filter((s) => s.tenant !== 'proseware-jp');
  saved.state.bills = saved.state.bills.filter((bill) => saved.state.subscriptions.some((s) => s.id === bill.subscription));
  const dir = await mkdtemp(join(tmpdir(), 'ssp-engines-'));
  try {
    await writeFile(join(dir, 'state.json'), JSON.stringify(saved));
    // A file input takes a path typed into it (WebDriver's way of choosing a file).
    await b.driver.findElement(By.css('#demo-import')).sendKeys(join(dir, 'state.json'));
    await b.find('#demo-outcome', /^Imported/);
  } finally {
    await rm(dir, { recursive: true });
  }
  assert.equal(await b.text('#demo-subscription-count'), String(count - 1));
  await b.reload();
  assert.equal(await b.text('#demo-subscription-count'), String(count - 1), 'kept after a reload');
});

test('two tabs buy at once, and both purchases are kept', async () => {
  const url = await site();
  await signIn(b, url, 'adele@contoso.com', '/admin');
  // A sign-in lasts for its tab: the second tab signs in on the checkout's sign-in step.
  const toReview = async (signedIn) => {
    await b.goto(url + '/checkout/CFQ7TTC0H9MP');
    await buy(b, { email: 'adele@contoso.com', licenses: '1', signedIn, stopAtReview: true });
  };
  await toReview(true);
  const first = await b.newTab();
  await toReview(false);
  const second = await b.driver.getWindowHandle();
  // Pay in both, one right after the other, before either has finished.
  const pay = async () => (await b.find('button', /^Pay /)).click();
  await pay();
  await b.switchTo(first);
  await pay();
  const orders = [];
  for (const tab of [first, second]) {
    await b.switchTo(tab);
    await b.waitUrl(/step=done/);
    orders.push(await b.text('#order-number'));
  }
  assert.notEqual(orders[0], orders[1]);
  await b.goto(url + '/admin/billing/products');
  const rows = await b.run("return [...document.querySelectorAll('#purchases tbody tr')].map((tr) => tr.innerText)");
  for (const order of orders) assert.ok(rows.some((r) => r.includes('Power BI Pro')), `${order} is listed`);
  const kept = await b.run(`return [...document.querySelectorAll('#purchases tbody tr a')].map((a) => a.getAttribute('href'))`);
  for (const order of orders) assert.ok(kept.some((href) => href.endsWith(order)), `${order} kept: ${kept.join(', ')}`);
});
