// Steps the engine tests share: signing in, a checkout from the email to the confirmation,
// a console line, and the files the app offers for download.
import { pattern } from './driver.mjs';

/** Signs `email` in with the demo password and waits for `path`. */
export async function signIn(b, url, email, path) {
  await b.goto(`${url}/signin?next=${encodeURIComponent(path)}`);
  await b.fill('#signin-email', email);
  await b.fill('#signin-password', 'Demo-2026!');
  await b.click('form button[type=submit]');
  await b.waitUrl(new RegExp(`${pattern(path)}$`));
  await b.find('main h1');
}

const BILLING = [['#billing-name', 'Test Buyer'], ['#billing-address', '1 Main Street'], ['#billing-city', 'Redmond'], ['#billing-postal', '98052']];

/** A checkout open on its email step, to the confirmation; returns the order number.
 * `total` is checked on the licenses step, `review` against the review. */
export async function buy(b, { email, licenses = '1', card = true, trial = false, signedIn = false, total, review, stopAtReview = false }) {
  await b.fill('#checkout-email', email);
  await b.find('#verdict.verdict--ok');
  await b.click('button', /^Next$/);
  await b.waitUrl(/step=signin/);
  if (!signedIn) {
    await b.fill('#checkout-password', 'Demo-2026!');
    await b.click('main button', /^Sign in$/);
    await b.find('#verdict.verdict--ok');
  }
  await b.click('button', /^Next$/);
  await b.waitUrl(/step=licenses/);
  await b.fill('#licenses', licenses);
  if (total) await b.find('#total-amount', total);
  for (const [field, value] of BILLING) await b.fill(field, value);
  await b.select('#billing-country', 'US');
  await b.click('button', /^Next$/);
  if (card) {
    await b.waitUrl(/step=card/);
    await b.fill('#card-number', '4242424242424242');
    await b.fill('#card-expiry', '10/29');
    await b.fill('#card-code', '123');
    await b.click('button', /^Review$/);
  }
  await b.waitUrl(/step=review/);
  if (review) await b.find('.review', review);
  if (stopAtReview) return null;
  await b.click('button', trial ? /^Start free trial$/ : /^Pay /);
  await b.waitUrl(/step=done/);
  return b.text('#order-number');
}

/** Types `line` into the policy console, presses Enter, waits until it ran, and returns
 * the transcript it added after its echo. */
export async function consoleRun(b, line) {
  const runs = Number(await b.run("return document.querySelector('section.console').dataset.runs"));
  const before = await b.count('#console-output .console__line');
  await b.fill('#console-input', line);
  await b.press('#console-input', '\uE007');
  await b.waitFor(`the console to run ${line}`, "return Number(document.querySelector('section.console').dataset.runs) > arguments[0]", runs);
  const lines = await b.run("return [...document.querySelectorAll('#console-output .console__line')].map((l) => l.textContent)");
  return lines.slice(before + 1).join('').trim();
}

/** From now on, files the page offers for download are kept for `downloaded`, not saved:
 * the blob an export makes, under the name its link gives it. */
export async function captureDownloads(b) {
  await b.run(`
    const blobs = new Map();
    window.sspDownloads = [];
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { const url = make(blob); blobs.set(url, blob); return url; };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download && blobs.has(this.href)) window.sspDownloads.push({ name: this.download, blob: blobs.get(this.href) });
      else click.call(this);
    };`);
}

/** The first `n` files offered since `captureDownloads`, as `{ name, text }`. */
export async function downloaded(b, n) {
  await b.waitFor(`${n} download(s)`, 'return window.sspDownloads.length >= arguments[0]', n);
  return b.runAsync(`const done = arguments[arguments.length - 1];
    Promise.all(window.sspDownloads.map(async (d) => ({ name: d.name, text: await d.blob.text() }))).then(done);`);
}
