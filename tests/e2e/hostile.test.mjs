// Every form, fed the same hostile list (tests/e2e/hostile.mjs): for each input, no crash
// and no console error, a visible message for anything refused, nothing stored or charged
// from a refused input, and nothing in a field that the person did not type.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, ready, signIn, storedCounts, consoleSettled } from './harness.mjs';
import { hostileInputs, onlyTyped } from './hostile.mjs';

const INPUTS = hostileInputs();
const counts = {}; // form → inputs tried, for the report at the end

let app;
before(async () => { app = await start(); });
after(async () => {
  await app?.stop();
  console.log('hostile inputs per form:', JSON.stringify(counts));
});
afterEach(() => app.checkErrors());

/** A page that fails on any dialog: an injected alert() would be one. */
async function page(options) {
  const p = await app.page(options);
  p.on('dialog', (d) => {
    p.errors.push(`a dialog opened: ${d.message()}`);
    d.dismiss();
  });
  return p;
}

const shown = async (p, sel) => (await p.locator(sel).innerText()).trim();
const label = (input) => JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…(${input.length})` : input);

/** Fills `sel` with each input and runs `check(input)`; counts what was tried. */
async function each(p, form, sel, check) {
  counts[form] = 0;
  for (const input of INPUTS) {
    await p.fill(sel, input);
    const value = await p.inputValue(sel);
    assert.ok(onlyTyped(value, input), `${form}: the field shows ${label(value)} for ${label(input)}`);
    await check(input);
    assert.deepEqual(p.errors, [], `${form}: ${label(input)}`);
    counts[form] += 1;
  }
}

async function checkoutAt(step, email = 'adele@contoso.com') {
  const p = await page();
  await p.goto(app.url + '/checkout/CFQ7TTC0H9MP');
  await ready(p);
  if (step === 'email') return p;
  await p.fill('#checkout-email', email);
  await p.getByRole('button', { name: 'Next' }).click();
  await p.fill('#checkout-password', 'Demo-2026!');
  await p.getByRole('button', { name: 'Sign in' }).last().click();
  await p.getByRole('button', { name: 'Next' }).click();
  await p.waitForURL('**step=licenses**');
  if (step === 'licenses') return p;
  await p.fill('#licenses', '2');
  for (const [id, v] of [['#billing-name', 'Adele Vance'], ['#billing-address', '1 Microsoft Way'], ['#billing-city', 'Redmond'], ['#billing-postal', '98052']]) await p.fill(id, v);
  await p.selectOption('#billing-country', 'US');
  await p.getByRole('button', { name: 'Next' }).click();
  await p.waitForURL('**step=card**');
  return p;
}

test('checkout email: every input is answered, and Next only goes on for an eligible one', async () => {
  const p = await checkoutAt('email');
  const before = await storedCounts(p);
  const next = p.getByRole('button', { name: 'Next' });
  await p.fill('#checkout-email', 'x'); // typed into once, as a person would have
  await each(p, 'email', '#checkout-email', async (input) => {
    if (await next.isDisabled()) {
      const message = (await shown(p, '#verdict')) || (await shown(p, '#email-empty'));
      assert.ok(message, `a message for ${label(input)}`);
    }
  });
  assert.deepEqual(await storedCounts(p), before);
});

test('checkout licenses and billing address: refused values say why and hold the step', async () => {
  const p = await checkoutAt('licenses');
  const before = await storedCounts(p);
  const next = p.getByRole('button', { name: 'Next' });
  await each(p, 'licenses', '#licenses', async (input) => {
    const refused = await next.isDisabled();
    const message = await shown(p, '#licenses-error');
    assert.equal(Boolean(message), refused, `${label(input)}: a message exactly when refused`);
    if (refused) assert.equal(await shown(p, '#total-amount'), '—', 'no total is computed');
  });
  await p.fill('#licenses', '2');
  for (const [id, v] of [['#billing-name', 'Adele Vance'], ['#billing-address', '1 Microsoft Way'], ['#billing-city', 'Redmond'], ['#billing-postal', '98052']]) await p.fill(id, v);
  await p.selectOption('#billing-country', 'US');
  for (const [field, sel] of [['billing name', '#billing-name'], ['billing address', '#billing-address'], ['billing city', '#billing-city'], ['billing postal code', '#billing-postal']]) {
    const good = await p.inputValue(sel);
    await each(p, field, sel, async (input) => {
      await next.click();
      // Either the step goes on, or the field says why it does not.
      await p.waitForFunction((s) => location.search.includes('step=card') || document.querySelector(`${s}-error`).textContent.trim(), sel);
      if (p.url().includes('step=licenses')) {
        assert.ok(await shown(p, `${sel}-error`), `${field}: a message for ${label(input)}`);
      } else {
        // Accepted as a name or address (it is only text): back to try the next one.
        await p.goBack();
        await p.waitForURL('**step=licenses**');
      }
    });
    await p.fill(sel, good);
  }
  assert.deepEqual(await storedCounts(p), before, 'typing and Next store nothing');
});

test('card number, expiry, security code and name on card: refused values are named, Review waits', async () => {
  const p = await checkoutAt('card');
  const before = await storedCounts(p);
  const review = p.getByRole('button', { name: 'Review' });
  const good = { '#card-number': '4242424242424242', '#card-expiry': '10/29', '#card-code': '123', '#card-holder': 'Adele Vance' };
  for (const [sel, v] of Object.entries(good)) await p.fill(sel, v);
  await p.selectOption('#card-country', 'US');
  for (const [field, sel] of [['card number', '#card-number'], ['expiry', '#card-expiry'], ['security code', '#card-code'], ['name on card', '#card-holder']]) {
    await each(p, field, sel, async (input) => {
      await p.locator(sel).blur();
      const invalid = (await p.getAttribute(sel, 'aria-invalid')) === 'true';
      assert.equal(Boolean(await shown(p, `${sel}-error`)), invalid, `${field}: a message exactly when ${label(input)} is refused`);
      if (await review.isDisabled()) assert.ok(invalid, `${field}: Review waits on ${label(input)} and says why`);
    });
    await p.fill(sel, good[sel]);
  }
  assert.deepEqual(await storedCounts(p), before, 'nothing stored, nothing charged');
});

test('total licenses and the people picker: refusals are named; nothing is charged or assigned', async () => {
  const p = await signIn(await page(), app.url, 'megan@contoso.com', '/admin/subscriptions/sub-000006');
  const before = await storedCounts(p);
  const save = p.locator('#licenses-title ~ form button[type=submit]');
  await each(p, 'total licenses', '#license-total', async (input) => {
    if (await save.isDisabled()) {
      const message = (await shown(p, '#license-total-error')) || (await shown(p, '#license-preview'));
      assert.ok(message, `a message for ${label(input)}`);
    }
  });
  await p.fill('#license-total', '10');
  const chips = p.locator('#chosen li');
  await each(p, 'people picker', '#people-search', async (input) => {
    const had = await chips.count();
    await p.press('#people-search', 'Enter');
    const answered = (await chips.count()) > had
      || (await p.locator('#people-results li').count()) > 0
      || Boolean(await shown(p, '#people-none'))
      || input.trim() === '';
    assert.ok(answered, `the picker answers ${label(input)}`);
  });
  // Whoever the hostile addresses named: assigning them is refused, with reasons.
  if (await chips.count()) {
    await p.locator('#assign-button').click();
    await p.locator('#assign-refusals, [role=alert]').first().waitFor();
  }
  assert.equal(await shown(p, '#sub-assigned'), '6');
  assert.deepEqual(await storedCounts(p), { ...before, rev: (await storedCounts(p)).rev }, 'no subscription or bill added');
});

test('the console prompt answers every line and changes no policy', async () => {
  const p = await signIn(await page(), app.url, 'patti@contoso.com', '/admin/settings/self-service');
  await p.fill('#console-input', 'Connect-MSCommerce');
  await p.press('#console-input', 'Enter');
  const before = await storedCounts(p);
  const runs = async () => Number(await p.locator('section.console').getAttribute('data-runs'));
  await each(p, 'console prompt', '#console-input', async (input) => {
    const had = await runs();
    await p.press('#console-input', 'Enter');
    await consoleSettled(p, had);
    // An unfinished input (an open quote or block) asks for more with >>, as PowerShell
    // does; an empty line ends it, and it runs (to its parse error).
    if (await p.locator('.console__ps', { hasText: '>>' }).count()) {
      await p.press('#console-input', 'Enter');
      await consoleSettled(p, had);
      assert.equal(await p.locator('.console__ps', { hasText: '>>' }).count(), 0, label(input));
    }
    assert.ok((await runs()) > had, `${label(input)} ran`);
  });
  assert.equal((await storedCounts(p)).rev, before.rev, 'no command changed anything');
});

test('the import file: every hostile file is refused with its reason, and nothing changes', async () => {
  const p = await page();
  await p.goto(app.url + '/demo');
  await ready(p);
  const before = await storedCounts(p);
  const dir = await mkdtemp(join(tmpdir(), 'ssp-hostile-'));
  counts['import file'] = 0;
  try {
    for (const [i, input] of INPUTS.entries()) {
      const file = join(dir, `state-${i}.json`);
      await writeFile(file, input);
      await p.setInputFiles('#demo-import', file);
      // The import is done when the controls it holds are free again.
      await p.waitForFunction(() => !document.querySelector('.demo .actions button').disabled);
      await p.locator('#demo-outcome.outcome--error', { hasText: 'not imported' }).waitFor();
      assert.deepEqual(p.errors, [], label(input));
      counts['import file'] += 1;
    }
  } finally {
    await rm(dir, { recursive: true });
  }
  assert.deepEqual(await storedCounts(p), before);
});

test('search and filter boxes take anything, show it as typed, and say when nothing matches', async () => {
  const p = await signIn(await page(), app.url, 'patti@contoso.com', '/admin/billing/products');
  await each(p, 'products search', '#products-search', async () => {
    assert.match(await shown(p, '#rows-count'), /^\d+ rows?$/);
  });
  await p.goto(app.url + '/admin/users');
  await ready(p);
  await each(p, 'users search', '#users-search', async (input) => {
    if ((await p.locator('#users tbody tr').count()) === 0) {
      assert.ok(await shown(p, '#users-none'), `says nobody matches ${label(input)}`);
    }
  });
  await p.goto(app.url + '/admin/audit');
  await ready(p);
  await each(p, 'audit search', '#audit-search', async () => {
    assert.match(await shown(p, '#audit-count'), /^Events shown: \d+ of \d+$/);
  });
  await p.goto(app.url + '/demo');
  await ready(p);
  const add = p.getByRole('button', { name: 'Add subscriptions' });
  const before = await storedCounts(p);
  await each(p, 'demo count', '#seed-count', async (input) => {
    if (await add.isDisabled()) assert.ok(await shown(p, '#seed-count-error'), `a message for ${label(input)}`);
  });
  assert.deepEqual(await storedCounts(p), before);
});
