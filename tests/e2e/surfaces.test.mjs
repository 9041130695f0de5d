// Where Microsoft's docs put each thing, with the same rules: the catalog as the current
// AllowSelfServicePurchase table names it, markets and clouds known before any email, the
// signed-in organization's policy on product pages, and organizations without self-service.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, signIn } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

const text = (page, sel) => page.locator(sel).innerText();

async function product(page, id) {
  await page.goto(`${app.url}/products/${id}`);
  await ready(page);
}

test('the catalog names products as the current MSCommerce table does, the newer ones included', async () => {
  const page = await app.page();
  await page.goto(app.url + '/');
  await ready(page);
  const names = await page.locator('.product-card h2').allInnerTexts();
  for (const name of ['Power BI Premium (standalone)', 'Planner Plan 1', 'Clipchamp Premium', 'Microsoft 365 F3', 'Microsoft Purview Discovery', 'Python in Excel', 'Viva Goals']) {
    assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  }
  assert.ok(!names.includes('Project Plan 1 / Planner Plan 1'), 'the old name is gone');
  // Viva Goals is a self-service trial only: no Buy now.
  await product(page, 'CFQ7TTC0PW0V');
  assert.equal(await page.locator('#buy-now').count(), 0);
  assert.equal(await page.locator('#try-free').count(), 1);
  assert.match(await text(page, '#offer-why'), /Viva Goals is offered through self-service as a free trial only/);
  await product(page, 'CFQ7TTC0N8SS');
  assert.equal(await page.locator('#buy-now').count(), 1);
  assert.equal(await page.locator('#try-free').count(), 0, 'Clipchamp Premium has no trial');
});

test('markets and the sovereign cloud are known before any email: India, Project and Visio in Brazil and DR Congo, China', async () => {
  const page = await app.page();
  for (const [market, id, expected] of [
    ['IN', 'CFQ7TTC0H9MP', /Not available in India/],
    ['BR', 'CFQ7TTC0HD33', /Not available in Brazil/],
    ['CD', 'CFQ7TTC0HDB0', /Not available in Congo \(DRC\)/],
    ['CN', 'CFQ7TTC0H9MP', /Not available in China/],
  ]) {
    await product(page, id);
    await page.selectOption('#market', market);
    await page.locator('#product-price', { hasText: expected }).waitFor();
    assert.equal(await page.locator('#buy-now').count(), 0, `${market} ${id}: no Buy now`);
    assert.equal(await page.locator('#try-free').count(), 0, `${market} ${id}: no Try free`);
    assert.ok((await text(page, '#offer-why')).length > 0, 'the reason is given');
    // The catalog card and the checkout entry say the same.
    await page.goto(app.url + '/');
    await ready(page);
    const card = page.locator('.product-card', { has: page.locator(`#product-${id}`) });
    assert.match(await card.locator('.price').innerText(), expected);
    await page.goto(`${app.url}/checkout/${id}`);
    await ready(page);
    assert.match(await text(page, '#not-available'), expected);
    assert.equal(await page.locator('#checkout-email').count(), 0, 'no email is asked for');
  }
  // Signed out, China's reason names its cloud, not an organization.
  await product(page, 'CFQ7TTC0H9MP');
  await page.selectOption('#market', 'CN');
  await page.locator('#offer-why', { hasText: /served by a sovereign cloud \(operated by 21Vianet in China\)/ }).waitFor();
  // Power BI Pro is sold in Brazil.
  await product(page, 'CFQ7TTC0H9MP');
  await page.selectOption('#market', 'BR');
  await page.locator('#product-price', { hasText: /R\$/ }).waitFor();
  assert.equal(await page.locator('#buy-now').count(), 1);
});

test('signed in, product pages follow the organization\'s policy', async () => {
  // Contoso allows only trials without a payment method on Visio Plan 1.
  const page = await signIn(await app.page(), app.url, 'adele@contoso.com', '/');
  await product(page, 'CFQ7TTC0HD33');
  assert.equal(await page.locator('#buy-now').count(), 0, 'no Buy now under trials only');
  assert.equal(await page.locator('#try-free').count(), 1);
  assert.match(await text(page, '#offer-why'), /Contoso Ltd\. allows a free trial of Visio Plan 1, without a payment method/);
  // Power Automate RPA is not allowed at Contoso: neither button.
  await product(page, 'CFQ7TTC0LSGZ');
  assert.equal(await page.locator('#buy-now').count(), 0);
  assert.equal(await page.locator('#try-free').count(), 0);
  assert.match(await text(page, '#offer-why'), /turned off self-service purchase of Power Automate RPA/);
  // Power Apps per user is allowed: both.
  await product(page, 'CFQ7TTC0LH2H');
  assert.equal(await page.locator('#buy-now').count(), 1);
  assert.equal(await page.locator('#try-free').count(), 1);
  assert.equal(await page.locator('#offer-why').count(), 0);
});

test('an education, government or India organization\'s policy page says no action is needed', async () => {
  for (const email of ['ana@northwind.edu', 'cecil@adatum.gov', 'arjun@tailspintoys.in']) {
    const page = await signIn(await app.page(), app.url, email, '/admin/settings/self-service');
    assert.match(await text(page, '#policy-not-applicable'), /isn't available to your organization.*no action is needed/s, email);
    assert.equal(await page.locator('#policy-grid').isHidden(), true, `${email}: no list of "Allow"`);
  }
  const contoso = await signIn(await app.page(), app.url, 'patti@contoso.com', '/admin/settings/self-service');
  assert.equal(await contoso.locator('#policy-not-applicable').count(), 0);
  assert.equal(await contoso.locator('#policy-grid').isVisible(), true);
});

test('"Allow for trials only" on a product without a no-card trial says it blocks everything, in the panel and the console', async () => {
  // Fourth Coffee allows only trials of Microsoft 365 Copilot, which has no trial at all.
  const page = await signIn(await app.page(), app.url, 'lena@fourthcoffee.de', '/admin/settings/self-service');
  await page.getByRole('button', { name: 'Microsoft 365 Copilot', exact: true }).click();
  await page.locator('#policy-panel').waitFor();
  assert.match(await text(page, '#policy-blocks-everything'), /Microsoft 365 Copilot has no trial without a payment method: “Allow for trials only” blocks every purchase and every trial of it/);
  await page.getByRole('radio', { name: 'Allow', exact: true }).check();
  assert.equal(await page.locator('#policy-blocks-everything').count(), 0);
  await page.getByRole('radio', { name: 'Allow for trials only', exact: true }).check();
  assert.equal(await page.locator('#policy-blocks-everything').count(), 1);
  await page.keyboard.press('Escape');
  // The console takes the value as the module does; the module warns of nothing, this
  // app's note does, apart from the transcript.
  await page.fill('#console-input', 'Connect-MSCommerce');
  await page.press('#console-input', 'Enter');
  await page.fill('#console-input', 'Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value OnlyTrialsWithoutPaymentMethod');
  await page.press('#console-input', 'Enter');
  await page.locator('#console-output', { hasText: /OnlyTrialsWithoutPaymentMethod CFQ7TTC0H9MP AllowSelfServicePurchase Power BI Pro/ }).waitFor();
  await page.locator('#console-notes', { hasText: 'Power BI Pro has no trial without a payment method' }).waitFor();
  assert.equal(await page.locator('#console-output', { hasText: 'WARNING' }).count(), 0);
});

test('Export users works for several subscriptions selected at once', async () => {
  const { readFile } = await import('node:fs/promises');
  const page = await signIn(await app.page(), app.url, 'nestor@contoso.com', '/admin/billing/products');
  await page.selectOption('#products-filter', 'include');
  await page.locator('#products-grid tbody tr.grid-row', { hasText: 'Power BI Pro' }).filter({ hasText: 'Self-service' }).click();
  const exportButton = page.locator('#export-selected');
  assert.ok(await exportButton.isDisabled(), 'nothing selected yet');
  await page.check('#export-sub-000006');
  await page.check('#export-sub-000012');
  assert.equal(await exportButton.innerText(), 'Export users of 2 selected subscriptions');
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
  assert.equal(lines.length, 1 + 6 + 4, "a header, Megan's 6 users and Diego's 4");
  assert.ok(lines.some((l) => l.includes('sub-000006')) && lines.some((l) => l.includes('sub-000012')));
});

test('a purchaser gets the admin center\'s shell, limited to Billing: Your products, Licenses, Bills & payments, and support', async () => {
  const page = await signIn(await app.page(), app.url, 'megan@contoso.com', '/admin');
  const nav = await page.locator('.admin-nav').innerText();
  for (const item of ['Home', 'Billing', 'Your products', 'Licenses', 'Bills & payments', 'Contact support']) {
    assert.match(nav, new RegExp(item.replace('&', '\\&')), item);
  }
  assert.doesNotMatch(nav, /Active users|Self-service trials|Audit log/);
  for (const [link, heading, check] of [
    ['Your products', 'Your products', '#purchases'],
    ['Licenses', 'Licenses', '#people-search'],
    ['Bills & payments', 'Bills & payments', '#bills'],
  ]) {
    await page.locator('.admin-nav').getByRole('link', { name: link, exact: true }).click();
    await page.locator('main h1', { hasText: heading }).waitFor();
    await page.locator(check).waitFor();
    // Every purchaser page names Microsoft's support, not the IT department.
    assert.match(await text(page, '#support-title ~ p'), /Microsoft provides standard support for self-service purchases, not your IT department/);
    assert.equal(await page.locator('#contact-support').getAttribute('href'), '/admin/support');
  }
  // Billing > Licenses: the subscription is chosen, then the Assign licenses pane.
  await page.locator('.admin-nav').getByRole('link', { name: 'Licenses', exact: true }).click();
  await page.locator('#licenses-subscription').waitFor();
  assert.match(await page.locator('#licenses-subscription').innerText(), /Power BI Pro · sub-000006/);
  // Bills & payments: the payment method of a chosen subscription, with Edit and Replace.
  await page.locator('.admin-nav').getByRole('link', { name: 'Bills & payments', exact: true }).click();
  await page.getByRole('button', { name: 'Edit payment method' }).waitFor();
  await page.getByRole('button', { name: 'Replace payment method' }).waitFor();
  await page.locator('#contact-support').click();
  await page.waitForURL('**/admin/support');
  assert.match(await text(page, '#support-steps'), /Microsoft standard support/);
  // The admin's own pages stay closed.
  await page.goto(app.url + '/admin/users');
  await page.getByRole('heading', { name: "You don't have access to this page" }).waitFor();
});

test('someone who bought nothing has no Admin tile, and /admin says there is nothing to manage', async () => {
  const page = await signIn(await app.page(), app.url, 'isaiah@contoso.com', '/admin');
  assert.equal(await text(page, 'main h1'), "There's nothing for you to manage here");
  await page.getByRole('button', { name: 'App launcher' }).click();
  await page.locator('#launcher-menu').waitFor();
  assert.equal(await page.locator('#launcher-menu a.tile--admin').count(), 0, 'no Admin tile');
  await page.keyboard.press('Escape');
  await page.goto(app.url + '/admin/billing/licenses');
  await ready(page);
  assert.equal(await text(page, 'main h1'), "There's nothing for you to manage here");
  // A purchaser does see the tile.
  const megan = await signIn(await app.page(), app.url, 'megan@contoso.com', '/');
  await megan.getByRole('button', { name: 'App launcher' }).click();
  assert.equal(await megan.locator('#launcher-menu a.tile--admin').count(), 1);
});

test('at 390 px the admin navigation folds into a menu button, and Your products and Active users fit without sideways scrolling', async () => {
  const page = await signIn(await app.page({ viewport: { width: 390, height: 844 } }), app.url, 'patti@contoso.com', '/admin/billing/products');
  const toggle = page.locator('.admin-nav__toggle');
  assert.ok(await toggle.isVisible(), 'a menu button');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.ok(await page.locator('#admin-nav-list').isHidden(), 'the navigation is folded');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.locator('#admin-nav-list').getByRole('link', { name: 'Active users' }).click();
  await page.waitForURL('**/admin/users');
  assert.ok(await page.locator('#admin-nav-list').isHidden(), 'going to a page folds it again');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.locator('#users tbody tr').first().waitFor();
  assert.equal(await overflow(), 0, 'Active users: no sideways scrolling');
  // Each cell names its column in the card (generated content, read by screen readers too).
  const labels = (row) => row.evaluate((tr) => [...tr.querySelectorAll('td')].map((td) => getComputedStyle(td, '::before').content).join(' '));
  assert.match(await labels(page.locator('#users tbody tr').first()), /"Username: "/);
  await page.goto(app.url + '/admin/billing/products');
  await ready(page);
  await page.selectOption('#products-filter', 'include');
  await page.locator('#products-grid tbody tr.grid-row').first().waitFor();
  assert.equal(await overflow(), 0, 'Your products: no sideways scrolling');
  const card = await labels(page.locator('#products-grid tbody tr.grid-row', { hasText: 'Power BI Pro' }).filter({ hasText: 'Self-service' }));
  for (const label of ['Source', 'Licenses', 'Assigned', 'Available', 'Status']) {
    assert.match(card, new RegExp(`"${label}: "`), `${label} named in the card`);
  }
  // The wide layout keeps the table.
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.ok(await page.locator('.admin-nav__toggle').isHidden());
  assert.ok(await page.locator('#admin-nav-list').isVisible());
});

test('Bills & payments: a payment method\'s Edit covers the billing address, shown in the billing profile', async () => {
  const page = await signIn(await app.page(), app.url, 'megan@contoso.com', '/admin/billing/bills');
  await page.locator('#billing-profile').waitFor();
  assert.match(await text(page, '#billing-profile'), /Megan Bowen/);
  await page.getByRole('button', { name: 'Edit payment method' }).click();
  // Part of an address is refused, with what is missing; nothing changes.
  await page.fill('#edit-street', '1 Microsoft Way');
  await page.fill('#edit-code', '321');
  await page.locator('#edit-card form button[type=submit]').first().click();
  await page.locator('#payment-outcome', { hasText: 'Enter the street, the city and the postal code' }).waitFor();
  await page.fill('#edit-city', 'Redmond');
  await page.fill('#edit-postal', '98052');
  await page.locator('#edit-card form button[type=submit]').first().click();
  await page.locator('#payment-outcome', { hasText: 'updated' }).waitFor();
  await page.locator('#billing-profile', { hasText: '1 Microsoft Way, 98052 Redmond' }).waitFor();
  // Edit again: the address is there to change.
  await page.getByRole('button', { name: 'Edit payment method' }).click();
  assert.equal(await page.inputValue('#edit-city'), 'Redmond');
});
