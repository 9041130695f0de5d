// The three tasks with the keyboard alone, as a person who cannot use a mouse: after every
// step, focus is on a named element inside main (or the open panel), never on <body>; each
// page names itself in the tab and through the announcer. Then every focus stop once more
// with forced colours (Windows High Contrast), which must still draw the focus outline.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, ready } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

const APP = ' - Microsoft 365 admin center';

/** What has focus: its tag, id, accessible name (roughly as a screen reader computes it),
 * and whether it is inside main or an open dialog. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { body: true };
    const byIds = (ids) => (ids || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '' : '';
    const name = (el.getAttribute('aria-label') || byIds(el.getAttribute('aria-labelledby')) || label || el.innerText || el.getAttribute('title') || '').trim();
    return {
      body: false,
      tag: el.tagName,
      id: el.id,
      cls: el.className,
      name,
      inMain: !!el.closest('main'),
      inDialog: !!el.closest('[role=dialog]'),
    };
  });
}

/** Focus has settled on a named element in main or the open panel (never <body>). */
async function assertFocus(page, where, name) {
  await page.waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 4000 })
    .catch(() => {});
  await page.waitForTimeout(60);
  const f = await focused(page);
  assert.ok(!f.body, `${where}: focus fell to <body>`);
  assert.ok(f.inMain || f.inDialog, `${where}: focus left main: ${f.tag}#${f.id}`);
  assert.ok(f.name, `${where}: the focused ${f.tag}#${f.id} has no name`);
  if (name) assert.match(f.name, name, `${where}: focus on “${f.name}”`);
  return f;
}

/** Presses Tab until the focused element matches `selector` (and `text`, if given). */
async function tabTo(page, selector, text) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(([sel, src]) => {
      const el = document.activeElement;
      if (!el || !el.matches(sel)) return false;
      return !src || new RegExp(src).test((el.innerText || el.value || '').trim());
    }, [selector, text?.source]);
    if (hit) return;
  }
  throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
}

async function announced(page, text) {
  await page.locator('#announcer', { hasText: text }).waitFor({ timeout: 4000 });
}

async function typeInto(page, selector, value) {
  await tabTo(page, selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
}

async function signInByKeyboard(page, email, next) {
  await page.goto(`${app.url}/signin?next=${encodeURIComponent(next)}`);
  await ready(page);
  await typeInto(page, '#signin-email', email);
  await typeInto(page, '#signin-password', 'Demo-2026!');
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${next}`);
}

/** Buys Power BI Pro as Adele, from the catalog to the confirmation, by keyboard. */
async function buyByKeyboard(page) {
  await page.goto(app.url + '/');
  await ready(page);
  assert.equal(await page.title(), `Buy Microsoft 365 products for your work${APP}`);
  await tabTo(page, 'a[href="/products/CFQ7TTC0H9MP"]');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/products/CFQ7TTC0H9MP');
  await assertFocus(page, 'product page', /^Power BI Pro$/);
  assert.equal(await page.title(), `Power BI Pro${APP}`);
  await announced(page, 'Power BI Pro');

  await tabTo(page, '#buy-now');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/checkout/CFQ7TTC0H9MP');
  await assertFocus(page, 'checkout', /^Buy Power BI Pro$/);
  assert.equal(await page.title(), `Buy Power BI Pro${APP}`);

  await typeInto(page, '#checkout-email', 'nobody@@contoso');
  assert.equal(await page.getAttribute('#checkout-email', 'aria-invalid'), 'true', 'a refused email is invalid');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('adele@contoso.com');
  await page.locator('#verdict.verdict--ok').waitFor();
  assert.equal(await page.getAttribute('#checkout-email', 'aria-invalid'), 'false');
  await page.keyboard.press('Enter');
  await page.waitForURL('**step=signin**');
  await assertFocus(page, 'sign-in step', /^Sign in$/);
  await announced(page, 'Sign in');

  await typeInto(page, '#checkout-password', 'wrong');
  await page.keyboard.press('Enter');
  await page.locator('#checkout-signin-error', { hasText: 'incorrect' }).waitFor();
  assert.equal(await page.getAttribute('#checkout-password', 'aria-invalid'), 'true', 'a wrong password is invalid');
  await assertFocus(page, 'after a wrong password');
  await page.locator('#checkout-password').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Demo-2026!');
  await page.keyboard.press('Enter');
  await page.locator('#verdict.verdict--ok').waitFor();
  await assertFocus(page, 'signed in');
  await tabTo(page, 'button', /^Next$/);
  await page.keyboard.press('Enter');
  await page.waitForURL('**step=licenses**');
  await assertFocus(page, 'licenses step', /^Licenses$/);

  await typeInto(page, '#licenses', '2');
  await typeInto(page, '#billing-name', 'Adele Vance');
  await typeInto(page, '#billing-address', '1 Main Street');
  await typeInto(page, '#billing-city', 'Redmond');
  await typeInto(page, '#billing-postal', '98052');
  await tabTo(page, '#billing-country');
  await page.keyboard.type('United States');
  await tabTo(page, 'button', /^Next$/);
  await page.keyboard.press('Enter');
  await page.waitForURL('**step=card**');
  await assertFocus(page, 'payment step', /^Payment$/);

  await typeInto(page, '#card-number', '4242424242424242');
  await typeInto(page, '#card-expiry', '10/29');
  await typeInto(page, '#card-code', '123');
  await tabTo(page, 'button', /^Review$/);
  await page.keyboard.press('Enter');
  await page.waitForURL('**step=review**');
  await assertFocus(page, 'review step', /^Review$/);

  await tabTo(page, 'button', /^Pay /);
  await page.keyboard.press('Enter');
  await page.waitForURL('**step=done**');
  await assertFocus(page, 'confirmation', /^Confirmation$/);
  await page.locator('#order-number').waitFor();
  await announced(page, /Thank you|Confirmation/);
}

test('buy as a member, with the keyboard alone', async () => {
  const page = await app.page();
  await buyByKeyboard(page);
});

test('a purchaser assigns, unassigns and cancels, with the keyboard alone', async () => {
  const page = await app.page();
  await buyByKeyboard(page);
  await tabTo(page, 'a', /^Assign licenses$/);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/admin/billing/licenses**');
  await assertFocus(page, 'Licenses page', /^Licenses$/);
  assert.equal(await page.title(), `Licenses${APP}`);
  await announced(page, 'Licenses');

  // Choosing a person keeps focus in the search, for the next person.
  await typeInto(page, '#people-search', 'isaiah');
  await tabTo(page, '#people-results button');
  await page.keyboard.press('Enter');
  const chosen = await assertFocus(page, 'a person chosen');
  assert.equal(chosen.id, 'people-search');
  await tabTo(page, '#assign-button');
  await page.keyboard.press('Enter');
  await announced(page, 'Assigned 1 license.');
  await assertFocus(page, 'assigned', /Assigned 1 license|Assign/);

  // Unassign asks first; Escape takes back the question and focus returns.
  await tabTo(page, 'button', /^Unassign$/);
  await page.keyboard.press('Enter');
  await assertFocus(page, 'unassign question', /loses access/);
  await page.keyboard.press('Escape');
  await assertFocus(page, 'unassign not asked', /^Unassign$/);
  await page.keyboard.press('Enter');
  await tabTo(page, 'button', /^Confirm$/);
  await page.keyboard.press('Enter');
  await page.locator('#people-search').waitFor();
  await assertFocus(page, 'unassigned');

  // Cancel, from the subscription's own page.
  await tabTo(page, 'a', /^Your products$/);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/admin/billing/products');
  await assertFocus(page, 'Your products', /^Your products$/);
  await tabTo(page, '#purchases a');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/admin/subscriptions/**');
  await assertFocus(page, 'subscription page', /^Power BI Pro$/);
  assert.equal(await page.title(), `Power BI Pro${APP}`);
  await tabTo(page, '#cancel-reason');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, '#cancel-subscription');
  await page.keyboard.press('Enter');
  await assertFocus(page, 'cancel question', /loses? access/);
  await page.keyboard.press('Escape');
  const back = await assertFocus(page, 'cancel not asked', /^Cancel subscription$/);
  assert.equal(back.id, 'cancel-subscription');
  await page.keyboard.press('Enter');
  await tabTo(page, '#cancel-confirm');
  await page.keyboard.press('Enter');
  await page.locator('#sub-status', { hasText: 'Disabled' }).waitFor();
  await announced(page, 'The subscription is canceled.');
  await assertFocus(page, 'canceled', /^Power BI Pro$/);
});

test('an admin sorts, opens a row, sets a policy and uses the console, with the keyboard alone', async () => {
  const page = await app.page();
  await signInByKeyboard(page, 'patti@contoso.com', '/admin/billing/products');
  await assertFocus(page, 'Your products after signing in', /^Your products$/);
  assert.equal(await page.title(), `Your products${APP}`);
  await announced(page, 'Your products');

  // The tabs: one stop, the arrow keys choose.
  await tabTo(page, '[role=tab]');
  assert.equal(await page.getAttribute('#tab-products', 'aria-selected'), 'true');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-trials', 'aria-selected'), 'true');
  assert.equal((await focused(page)).id, 'tab-trials');
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused(page)).id, 'tab-products');

  // Sorting keeps focus on the column's button.
  await tabTo(page, '#products-grid thead button', /^Licenses/);
  await page.keyboard.press('Enter');
  const sorted = await assertFocus(page, 'sorted', /^Licenses/);
  assert.equal(sorted.tag, 'BUTTON');

  // A row's product name is its button, with its state.
  await tabTo(page, '#products-grid .row-toggle');
  const toggle = await focused(page);
  assert.ok(toggle.name, 'the row has a name');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'false');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'detail-title' || document.activeElement?.getAttribute('aria-expanded') === 'true');
  const opened = await assertFocus(page, 'a row opened');
  if (opened.id === 'detail-title') {
    await page.keyboard.press('Escape');
    const back = await assertFocus(page, 'detail closed');
    assert.match(back.cls, /row-toggle/, 'focus back on the row');
  }

  // The policy panel: modal, Tab stays inside, Escape gives focus back to the product.
  await tabTo(page, '.admin-nav a', /^Self-service trials and purchases$/);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/admin/settings/self-service');
  await assertFocus(page, 'settings page', /^Self-service trials and purchases$/);
  assert.equal(await page.title(), `Self-service trials and purchases${APP}`);
  await tabTo(page, '#policy-grid button', /^Visio Plan 1$/);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-haspopup')), null);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-expanded')), 'false');
  await page.keyboard.press('Enter');
  await assertFocus(page, 'policy panel', /^Setting for Visio Plan 1$/);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('#policy-panel')), `Tab ${i + 1} stays in the panel`);
  }
  await tabTo(page, '#policy-panel input[type=radio]:checked');
  await page.keyboard.press('ArrowDown');
  // The result's status region is there, empty, before the result: it is announced.
  assert.equal(await page.locator('#policy-outcome[role=status]').innerText(), '');
  await tabTo(page, '#policy-panel button', /^Save$/);
  await page.keyboard.press('Enter');
  await page.locator('#policy-outcome', { hasText: 'Visio Plan 1 is now set to' }).waitFor();
  await assertFocus(page, 'saved', /Visio Plan 1 is now set to|Save/);
  await page.keyboard.press('Escape');
  const product = await assertFocus(page, 'panel closed', /^Visio Plan 1$/);
  assert.equal(product.tag, 'BUTTON');

  // The console keeps focus in its input.
  await typeInto(page, '#console-input', 'Connect-MSCommerce');
  await page.keyboard.press('Enter');
  await page.locator('#console-output', { hasText: 'Connection established successfully' }).waitFor();
  assert.equal((await assertFocus(page, 'console')).id, 'console-input');
});

test('404 and access denied name themselves in the tab and take focus', async () => {
  const page = await app.page();
  await page.goto(app.url + '/');
  await ready(page);
  await page.evaluate(() => { history.pushState({}, '', '/nowhere'); dispatchEvent(new PopStateEvent('popstate')); });
  await assertFocus(page, '404', /^We can't find that page$/);
  assert.equal(await page.title(), `We can't find that page${APP}`);
  await signInByKeyboard(page, 'megan@contoso.com', '/admin/audit');
  await assertFocus(page, 'access denied', /^You don't have access to this page$/);
  assert.equal(await page.title(), `You don't have access to this page${APP}`);
});

test('with forced colours, every focus stop still draws its outline', async () => {
  const page = await app.page();
  await page.emulateMedia({ forcedColors: 'active' });
  const stops = async (where) => {
    let seen = 0;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        return { what: `${el.tagName}#${el.id}.${el.className}`, style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
      });
      if (!ring) continue;
      seen++;
      assert.notEqual(ring.style, 'none', `${where}: ${ring.what} has no outline`);
      assert.ok(ring.width >= 1, `${where}: ${ring.what} outline is ${ring.width}px`);
      assert.notEqual(ring.color, 'rgba(0, 0, 0, 0)', `${where}: ${ring.what} outline is transparent`);
    }
    assert.ok(seen > 5, `${where}: ${seen} focus stops`);
  };
  await page.goto(app.url + '/products/CFQ7TTC0H9MP');
  await ready(page);
  await stops('product page');
  await page.goto(app.url + '/checkout/CFQ7TTC0H9MP');
  await ready(page);
  await stops('checkout');
  await signInByKeyboard(page, 'patti@contoso.com', '/admin/billing/products');
  await stops('Your products');
});
