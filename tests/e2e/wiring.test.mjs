// Pages only wire: what a form shows before its command runs is the domain's answer, and
// the command then does exactly that; keyed rows keep their own state through commands.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, signIn, importState } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

const text = (page, sel) => page.locator(sel).innerText();
const dollars = (s) => Number(s.replace(/[^0-9.]/g, ''));

test('the license preview is what Save then does: the charge, the bill and the total', async () => {
  const page = await signIn(await app.page(), app.url, 'megan@contoso.com', '/admin/subscriptions/sub-000006');
  assert.equal(await text(page, '#sub-licenses'), '10');
  assert.equal(await text(page, '#sub-assigned'), '6');

  // Below the people assigned: the preview refuses, and Save stays off.
  await page.fill('#license-total', '4');
  await page.locator('#license-preview.field-error', { hasText: 'Licenses assigned: 6' }).waitFor();
  assert.ok(await page.locator('#licenses-title ~ form button[type=submit]').isDisabled());

  // Fewer, but not below: nothing is charged now; the preview names the new monthly amount.
  await page.fill('#license-total', '8');
  const fewer = await text(page, '#license-preview');
  // Inside the 7-day window after the renewal: the unused 27 of 30 days come back.
  assert.match(fewer, /^2 fewer licenses: \$25\.20 goes back to your card now \(inside the 7-day window\), and the subscription costs \$112\.00 per month from now on\.$/);

  // More: the preview's charge is the bill the command writes, to the cent.
  await page.fill('#license-total', '13');
  const preview = await text(page, '#license-preview');
  const match = preview.match(/^3 more licenses: (\$[0-9,.]+) is charged to your card now\.$/);
  assert.ok(match, preview);
  await page.locator('#licenses-title ~ form button[type=submit]').click();
  await page.locator('#license-outcome', { hasText: 'Saved.' }).waitFor();
  assert.equal(await text(page, '#sub-licenses'), '13');

  await page.goto(app.url + '/admin/billing/bills');
  await ready(page);
  const charged = await page.locator('#bills tbody tr', { hasText: 'Power BI Pro' }).filter({ hasText: 'Paid' }).allInnerTexts();
  assert.ok(charged.some((row) => row.includes(match[1])), `a paid bill of ${match[1]} in ${charged.join(' | ')}`);
  assert.equal(dollars(match[1]), 37.8, '3 licenses at $14.00 for the 27 days left of 30');
  assert.deepEqual(page.errors, []);
});

test('the move targets and the shortfall are what the move then does', async () => {
  const page = await signIn(await app.page(), app.url, 'patti@contoso.com', '/demo');
  // Megan's Power BI Pro serves 22 people; the central subscription has fewer free licenses.
  await importState(page, app.url, (state) => {
    const megan = state.subscriptions.find((s) => s.purchaser === 'megan');
    const central = state.subscriptions.find((s) => s.channel === 'Central' && s.product === 'CFQ7TTC0H9MP');
    const staff = state.directory.users.filter((u) => u.tenant === 'contoso' && u.id.includes('.') && !central.assigned.includes(u.id) && u.status === 'Active');
    megan.licenses = 22;
    megan.assigned = staff.slice(0, 22).map((u) => u.id);
  });
  await page.goto(app.url + '/admin/billing/products');
  await ready(page);
  await page.selectOption('#products-filter', 'include');
  const centralRow = page.locator('#products-grid tbody tr.grid-row', { hasText: 'Power BI Pro' }).filter({ hasText: 'Central' });
  const [licenses, assigned] = (await centralRow.innerText()).match(/\d+\s+\d+\s+\d+/)[0].split(/\s+/).map(Number);
  await page.locator('#products-grid tbody tr.grid-row', { hasText: 'Power BI Pro' }).filter({ hasText: 'Self-service' }).click();
  await page.locator('.purchase-list li', { hasText: 'Megan Bowen' }).getByRole('button').click();

  // Every active central subscription is offered, the same product first.
  const targets = await page.locator('#move-target option').allInnerTexts();
  assert.equal(targets.length, 4, targets.join(' | '));
  assert.match(targets[0], new RegExp(`^Power BI Pro · .* ${assigned} / ${licenses}$`));

  // The shortfall shown is the domain's: 22 needed, the free ones available.
  const free = licenses - assigned;
  const shortfall = await text(page, '#shortfall');
  assert.match(shortfall, new RegExp(`^Licenses needed: 22\\. Free: ${free}\\. Buy ${22 - free} more`));
  await page.locator('#buy-missing').click();
  await page.locator('#move-users', { hasText: 'Move 22 users' }).click();
  await page.locator('#take-over-outcome', { hasText: 'moved' }).waitFor();
  await page.selectOption('#products-filter', 'central');
  const after = (await centralRow.innerText()).match(/\d+\s+\d+\s+\d+/)[0].split(/\s+/).map(Number);
  assert.deepEqual(after, [licenses + 22 - free, assigned + 22, 0], 'exactly the shortfall was bought, and all 22 moved');
  assert.deepEqual(page.errors, []);
});

test('the people picker keeps what was typed and chosen through an unrelated command', async () => {
  const page = await signIn(await app.page(), app.url, 'megan@contoso.com', '/admin/subscriptions/sub-000006');
  await page.fill('#people-search', 'aiden.becker@contoso.com');
  await page.press('#people-search', 'Enter');
  await page.fill('#people-search', 'bianca');
  assert.equal(await page.locator('#chosen li').count(), 1);

  // Another panel's command: the total goes up by one.
  await page.fill('#license-total', '11');
  await page.locator('#licenses-title ~ form button[type=submit]').click();
  await page.locator('#license-outcome', { hasText: 'Saved.' }).waitFor();
  assert.equal(await text(page, '#sub-licenses'), '11');

  assert.equal(await page.inputValue('#people-search'), 'bianca', 'the typed text stays');
  assert.match(await text(page, '#chosen'), /aiden\.becker@contoso\.com/, 'the chosen person stays');

  // A row's own state survives a command on another row: an unassign confirmation stays open.
  const rows = page.locator('#assigned li');
  await rows.nth(0).getByRole('button', { name: 'Unassign' }).click();
  await rows.nth(1).getByRole('button', { name: 'Unassign' }).click();
  await rows.nth(1).getByRole('button', { name: 'Confirm' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#assigned li').length === 5);
  assert.equal(await page.locator('#assigned li .confirm').count(), 1, 'the first row still asks');
  assert.deepEqual(page.errors, []);
});

test('errors read in the person\'s language: a refused import in Chinese', async () => {
  const page = await app.page({ locale: 'zh-CN' });
  await page.goto(app.url + '/demo');
  await ready(page);
  await page.setInputFiles('#demo-import', { name: 'state.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  const outcome = await page.locator('#demo-outcome.outcome--error').innerText();
  assert.match(outcome, /该文件不是 JSON/);
  assert.doesNotMatch(outcome, /isn't JSON|not JSON/);
});
