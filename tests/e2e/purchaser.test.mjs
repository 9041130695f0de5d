// The purchaser's limited admin view end to end: licenses, assignments, bills, the
// card, cancellation, and what a purchaser may not see.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, signIn } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

const FIRST = ['aiden', 'bianca', 'carlos', 'dana', 'elif', 'farah', 'gustavo', 'hana', 'ivan', 'jun', 'keira', 'luca', 'maya', 'nikhil', 'olga', 'priya', 'quinn', 'rosa', 'sven', 'tomas'];

async function signedIn(email, path = '/admin') {
  return signIn(await app.page(), app.url, email, path);
}

async function buy(page, product, licenses) {
  await page.goto(`${app.url}/checkout/${product}`);
  await ready(page);
  await page.fill('#checkout-email', 'adele@contoso.com');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.fill('#licenses', String(licenses));
  // Every license goes to others here: the buyer unticks their own.
  await page.uncheck('#assign-to-me');
  for (const [id, v] of [['#billing-name', 'Adele Vance'], ['#billing-address', '1 Microsoft Way'], ['#billing-city', 'Redmond'], ['#billing-postal', '98052']]) await page.fill(id, v);
  await page.selectOption('#billing-country', 'US');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.fill('#card-number', '4242424242424242');
  await page.fill('#card-expiry', '12/29');
  await page.fill('#card-code', '123');
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.waitForURL('**step=done**');
  return page.locator('#order-number').innerText();
}

async function addByEmail(page, email) {
  await page.fill('#people-search', email);
  await page.press('#people-search', 'Enter');
}

const text = (page, sel) => page.locator(sel).innerText();

test('a member who bought nothing is told how to buy', async () => {
  const page = await signedIn('isaiah@contoso.com');
  assert.match(await text(page, '#nothing-bought'), /no self-service purchases/);
  await page.getByRole('link', { name: 'Browse products' }).click();
  await page.waitForURL(app.url + '/');
});

test('buy, assign, the limits on assigning and on removing, add licenses, pay, replace the card, cancel', async () => {
  const page = await signedIn('adele@contoso.com');
  const order = await buy(page, 'CFQ7TTC0LH2H', 5);
  // The confirmation leads to Billing > Licenses; the subscription is on Billing > Your products.
  await page.getByRole('link', { name: 'Assign licenses' }).click();
  await page.waitForURL('**/admin/billing/licenses');
  await page.locator('#people-search').waitFor();
  await page.getByRole('link', { name: 'Your products' }).click();
  await page.waitForURL('**/admin/billing/products');
  const row = page.locator('#purchases tbody tr', { hasText: 'Power Apps per user' });
  assert.match(await row.innerText(), /Active\s+5\s+0\s+5/);
  await row.getByRole('link').click();
  await page.waitForURL(`**/admin/subscriptions/${order}`);

  // Assign three people found by searching.
  for (const name of ['Aiden Abbott', 'Bianca Abbott', 'Carlos Abbott']) {
    await page.fill('#people-search', name.split(' ')[0].toLowerCase() + '.abbott');
    await page.locator('#people-results button', { hasText: name }).click();
  }
  await page.locator('#assign-button', { hasText: 'Assign 3 licenses' }).click();
  await page.locator('[role=status]', { hasText: 'Assigned 3 licenses' }).waitFor();
  assert.equal(await text(page, '#sub-assigned'), '3');
  assert.equal(await page.locator('#assigned li').count(), 3);

  // Twenty-one people in one go are refused, and nobody is assigned.
  for (const first of FIRST) await addByEmail(page, `${first}.becker@contoso.com`);
  await addByEmail(page, 'aiden.chen@contoso.com');
  assert.equal(await page.locator('#chosen li').count(), 21);
  await page.locator('#assign-button').click();
  await page.locator('[role=alert]', { hasText: 'at most 20 people at a time (21 chosen)' }).waitFor();
  assert.equal(await text(page, '#sub-assigned'), '3');
  for (let i = 0; i < 21; i++) await page.locator('#chosen li button').first().click();

  // Someone of another organization, a guest, and a disabled account are refused, with reasons.
  await addByEmail(page, 'kai@fabrikam.com');
  await addByEmail(page, 'kai_fabrikam.com#EXT#@contoso.onmicrosoft.com');
  await addByEmail(page, 'grady@contoso.com');
  await page.locator('#assign-button').click();
  const refusals = await text(page, '#assign-refusals');
  assert.match(refusals, /kai@fabrikam\.com — not in your organization/);
  assert.match(refusals, /a guest account/);
  assert.match(refusals, /account disabled or deleted/);
  assert.equal(await text(page, '#sub-assigned'), '3');

  // Removing licenses below the assigned count is refused, with how many to unassign.
  await page.fill('#license-total', '2');
  assert.match(await text(page, '#license-preview'), /Licenses assigned: 3\. Unassign 1 person before/);
  assert.ok(await page.getByRole('button', { name: 'Save' }).first().isDisabled());
  // Adding licenses shows the charge first, then bills it.
  await page.fill('#license-total', '8');
  assert.match(await text(page, '#license-preview'), /3 more licenses: \$60\.00 is charged/);
  await page.getByRole('button', { name: 'Save' }).first().click();
  await page.locator('#license-outcome', { hasText: 'Saved' }).waitFor();
  assert.equal(await text(page, '#sub-licenses'), '8');

  // Unassign with a confirmation.
  await page.locator('#assigned li', { hasText: 'Carlos Abbott' }).getByRole('button', { name: 'Unassign' }).click();
  assert.match(await text(page, '#assigned'), /Carlos Abbott loses access to Power Apps per user now/);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.locator('#assigned li', { hasText: 'Carlos Abbott' }).waitFor({ state: 'detached' });
  assert.equal(await text(page, '#sub-assigned'), '2');

  // Replace the card; a declined one is refused.
  await page.getByRole('button', { name: 'Replace payment method' }).click();
  await page.fill('#card-number', '4000000000000002');
  await page.fill('#card-expiry', '11/30');
  await page.fill('#card-code', '321');
  await page.fill('#card-holder', 'Adele Vance');
  await page.selectOption('#card-country', 'US');
  await page.locator('#replace-card-save').click();
  await page.locator('#payment-outcome', { hasText: 'declined' }).waitFor();
  await page.fill('#card-number', '5555555555554444');
  await page.locator('#replace-card-save').click();
  await page.locator('#payment-outcome', { hasText: 'updated' }).waitFor();
  assert.match(await text(page, '#card-on-file'), /Mastercard ending in 4444, expires 11\/30/);

  // Bills: the purchase and the added licenses, paid; a month on, a renewal is due and paid.
  await page.goto(`${app.url}/demo`);
  await ready(page);
  await page.getByRole('button', { name: 'Advance one month' }).click();
  await page.locator('#demo-outcome', { hasText: 'clock moved' }).waitFor();
  await page.goto(`${app.url}/admin/billing/bills`);
  await ready(page);
  // The renewal charges the card on file by itself: no bill waits for a click.
  const renewal = page.locator('#bills tbody tr', { hasText: 'Power Apps per user' }).filter({ hasText: '$160.00' });
  assert.match(await renewal.innerText(), /Paid/, '8 licenses at $20.00, charged');
  assert.equal(await page.locator('#bills tbody tr', { hasText: 'Power Apps per user' }).count(), 3, 'purchase, added licenses, renewal');
  await page.selectOption('#bill-range', 'custom');
  await page.fill('#bill-from', '2027-01-01');
  await page.locator('#bill-from').dispatchEvent('change');
  await page.getByText('No bills in this period.').waitFor();
  await page.goto(`${app.url}/admin`);
  await ready(page);
  assert.match(await text(page, '#notifications'), /Power Apps per user renews on .*: your card on file will be charged/);

  // Cancel, after a confirmation that says what happens to the people.
  await page.goto(`${app.url}/admin/subscriptions/${order}`);
  await ready(page);
  await page.selectOption('#cancel-reason', { label: 'We don\'t use it enough' });
  await page.fill('#cancel-feedback', 'Trying it centrally');
  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  assert.match(await text(page, '#cancel-text'), /the 2 people with a license lose access at once/);
  await page.locator('#cancel-confirm').click();
  // Inside the window after the renewal: Disabled at once.
  await page.locator('#sub-status', { hasText: 'Disabled' }).waitFor();
  assert.equal(await page.locator('#people-search').count(), 0, 'a canceled subscription takes no assignments');
  assert.deepEqual(page.errors, []);
});

test('a purchaser is refused the admin pages, also by typing their address', async () => {
  const page = await signedIn('megan@contoso.com');
  assert.deepEqual(await page.locator('.admin-nav a').allInnerTexts(), ['Home', 'Your products', 'Licenses', 'Bills & payments', 'Contact support'], 'Billing only, in the limited view');
  for (const path of ['/admin/users', '/admin/settings/self-service', '/admin/audit']) {
    await page.goto(app.url + path);
    await ready(page);
    assert.equal(await text(page, 'main h1'), "You don't have access to this page", path);
  }
  // An admin sees them.
  const admin = await signedIn('patti@contoso.com', '/admin/billing/products');
  assert.equal(await text(admin, 'main h1'), 'Your products');
});

test('purchaser A never sees purchaser B\'s subscriptions', async () => {
  const megan = await signedIn('megan@contoso.com', '/admin/billing/products');
  const mine = await megan.locator('#purchases tbody tr').allInnerTexts();
  assert.equal(mine.length, 1);
  assert.match(mine[0], /Power BI Pro/);
  // Diego's Visio Plan 2, by address: not found for Megan.
  const diego = await signedIn('diego@contoso.com', '/admin/billing/products');
  const href = await diego.locator('#purchases tbody tr', { hasText: 'Visio Plan 2' }).getByRole('link').getAttribute('href');
  await megan.goto(app.url + href);
  await ready(megan);
  assert.match(await text(megan, 'main'), /You have no self-service subscription sub-/);
  assert.equal(await megan.locator('#people-search').count(), 0);
});
