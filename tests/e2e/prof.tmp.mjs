import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { CHROMIUM_ARGS, DIST, signIn, ready } from './harness.mjs';
const server = await serve(DIST);
const url = server.url;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
const page = await context.newPage();
page.on('console', (m) => { if (m.text().startsWith('PROF')) console.log(m.text()); });
await signIn(page, url, 'patti@contoso.com', '/demo');
await page.fill('#seed-count', '10000');
await page.getByRole('button', { name: 'Add subscriptions' }).click();
await page.locator('#demo-outcome', { hasText: 'Added 10000' }).waitFor({ timeout: 120000 });
await page.goto(url + '/admin/settings/self-service');
await ready(page);
await page.getByRole('button', { name: 'Power BI Pro', exact: true }).click();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 6; i++) {
  const label = i % 2 === 0 ? 'Do not allow' : 'Allow';
  await page.getByRole('radio', { name: label, exact: true }).check();
  await page.locator('#policy-panel button[type=submit]').click();
  await page.locator('#policy-outcome', { hasText: label }).waitFor();
}
for (let i = 0; i < 6; i++) {
  const label = i % 2 === 0 ? 'Do not allow' : 'Allow';
  await page.getByRole('radio', { name: label, exact: true }).check();
  const t = await page.evaluate(async (label) => {
    const status = document.querySelector('#policy-outcome');
    const marks = {};
    const t0 = performance.now();
    document.querySelector('#policy-panel button[type=submit]').click();
    marks.sync = performance.now() - t0;
    setTimeout(() => { marks.timeout = performance.now() - t0; }, 0);
    const ch = new MessageChannel(); ch.port1.onmessage = () => { marks.message = performance.now() - t0; }; ch.port2.postMessage(0);
    while (!status.textContent.includes(`“${label}”`)) await new Promise((r) => setTimeout(r, 0));
    marks.done = performance.now() - t0;
    return JSON.stringify(marks);
  }, label);
  console.log('MARKS', t);
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(1)} ms  ${k}`).join('\n'));
if (process.env.NAV) {
  await page.evaluate(async () => {
    const link = (href) => document.querySelector(`.admin-nav a[href="${href}"]`);
    for (let i = 0; i < 5; i++) {
      link('/admin/billing/products').click();
      await new Promise((r) => setTimeout(r, 300));
      link('/admin/users').click();
      await new Promise((r) => setTimeout(r, 300));
    }
  });
}
await browser.close();
await server.close();
