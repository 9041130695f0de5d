// No keystroke, click or file can charge the wrong amount or break the books: the cases
// found by trying the landed build as a new user, each of which failed before.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready, signIn, importState, toReview, storedCounts } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

const text = (page, sel) => page.locator(sel).innerText();

/** Types like a person: key by key into an emptied field. */
async function typeInto(page, sel, value) {
  await page.fill(sel, '');
  await page.locator(sel).pressSequentially(value);
}

test('licenses at checkout: the field shows what was typed, a decimal or a negative is refused with a message, and Next waits', async () => {
  const page = await app.page();
  await page.goto(app.url + '/checkout/CFQ7TTC0H9MP');
  await ready(page);
  await page.fill('#checkout-email', 'adele@contoso.com');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.fill('#checkout-password', 'Demo-2026!');
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForURL('**step=licenses**');
  const next = page.getByRole('button', { name: 'Next' });
  for (const [typed, message] of [
    ['1.5', /without decimals/],
    ['-1', /can't be negative/],
    ['1e3', /without an exponent/],
    ['１２', /half-width/],
    ['0', /at least 1/],
    ['abc', /digits 0–9/],
    ['100001', /most allowed here is 100,000/],
  ]) {
    await typeInto(page, '#licenses', typed);
    assert.equal(await page.inputValue('#licenses'), typed, 'the field shows exactly what was typed');
    assert.match(await text(page, '#licenses-error'), message, typed);
    assert.equal(await page.getAttribute('#licenses', 'aria-invalid'), 'true');
    assert.ok(await next.isDisabled(), `Next waits on ${typed}`);
    assert.equal(await text(page, '#total-amount'), '—', 'no total from a refused number');
  }
  await typeInto(page, '#licenses', '12');
  assert.equal(await text(page, '#licenses-error'), '');
  assert.equal(await text(page, '#total-amount'), '$168.00', '12 × $14.00, from the 12 on screen');
  assert.ok(!(await next.isDisabled()));
});

test('total licenses: every refused value says why, Save stays off, and nothing is charged', async () => {
  const page = await signIn(await app.page(), app.url, 'megan@contoso.com', '/admin/subscriptions/sub-000006');
  const before = await storedCounts(page);
  const save = page.locator('#licenses-title ~ form button[type=submit]');
  for (const [typed, message] of [
    ['1.5', /without decimals/],
    ['12.5', /without decimals/],
    ['0', /at least 1/],
    ['1000000000', /most allowed here is 100,000/],
    ['abc', /digits 0–9/],
    ['', /Enter a number/],
  ]) {
    await typeInto(page, '#license-total', typed);
    assert.equal(await page.inputValue('#license-total'), typed);
    assert.match(await text(page, '#license-total-error'), message, typed);
    assert.ok(await save.isDisabled(), `Save is off for ${JSON.stringify(typed)}`);
    assert.doesNotMatch(await text(page, '#license-preview'), /charged/, 'no charge is previewed');
  }
  // Enter in the field cannot get past it either.
  await typeInto(page, '#license-total', '1.5');
  await page.press('#license-total', 'Enter');
  assert.deepEqual(await storedCounts(page), before, 'nothing stored, nothing charged');
  assert.equal(await text(page, '#sub-licenses'), '10');
});

test('Pay clicked twice in one go buys once, and leaves no error in the console', async () => {
  const page = await app.page();
  await page.goto(app.url + '/checkout/CFQ7TTC0H9MP');
  await ready(page);
  await toReview(page, 'adele@contoso.com', { licenses: '2' });
  const before = await storedCounts(page);
  // Two clicks in the same task: the second arrives before the button re-renders.
  await page.evaluate(() => {
    const pay = document.querySelector('#place-order');
    pay.click();
    pay.click();
  });
  await page.waitForURL('**step=done**');
  await page.waitForTimeout(300); // the second submission's answer
  const after = await storedCounts(page);
  assert.equal(after.subscriptions, before.subscriptions + 1, 'one subscription');
  assert.equal(after.bills, before.bills + 1, 'one charge');
  // Back, and Pay again: the card was forgotten, so it is typed again; the order is the
  // same one, refused as already placed.
  await page.goBack();
  await page.locator('main h2', { hasText: 'Payment' }).waitFor();
  await page.fill('#card-number', '4242424242424242');
  await page.fill('#card-expiry', '10/29');
  await page.fill('#card-code', '123');
  // The address still asks for the review: it shows once the card is complete again.
  await page.locator('#place-order').click();
  await page.locator('[role=alert]', { hasText: 'already done' }).waitFor();
  assert.equal(await page.locator('#order-placed a').getAttribute('href'), '/admin', 'and says where the order is');
  assert.deepEqual((await storedCounts(page)).subscriptions, after.subscriptions);
});

test('an imported state whose ID sequence went back is refused, naming the rule; nothing changes', async () => {
  const page = await app.page();
  await page.goto(app.url + '/demo');
  await ready(page);
  const before = await storedCounts(page);
  await assert.rejects(importState(page, app.url, (state) => { state.sequence = 0; }), /not imported/);
  const outcome = await text(page, '#demo-outcome');
  assert.match(outcome, /breaks the rule “New IDs never repeat”/);
  assert.match(outcome, /ID sequence \(0\) is behind sub-0000\d\d/);
  assert.deepEqual(await storedCounts(page), before);
});

test('names and counts in sentences: one period after a name, a singular for one, no glued possessive', async () => {
  const page = await app.page();
  await page.goto(app.url + '/checkout/CFQ7TTC0H9MP');
  await ready(page);
  await page.fill('#checkout-email', 'kai_fabrikam.com#EXT#@contoso.onmicrosoft.com');
  const guest = await text(page, '#verdict');
  assert.match(guest, /You're a guest in Contoso Ltd\. /);
  assert.doesNotMatch(guest, /\.\./);
  await page.fill('#checkout-email', 'wei@contoso.cn');
  const sovereign = await text(page, '#verdict');
  assert.match(sovereign, /the sovereign cloud that Contoso China \(operated by 21Vianet\) uses/);
  assert.doesNotMatch(sovereign, /\)'s/);

  const megan = await signIn(await app.page(), app.url, 'megan@contoso.com', '/admin/subscriptions/sub-000006');
  await typeInto(megan, '#license-total', '5');
  assert.match(await text(megan, '#license-preview'), /Unassign 1 person before/);
  await typeInto(megan, '#license-total', '11');
  assert.match(await text(megan, '#license-preview'), /^1 more license: \$12\.60 is charged/);
});
