import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { CHROMIUM_ARGS, DIST, signIn, ready } from './harness.mjs';
const server = await serve(DIST);
const url = server.url;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
await context.addInitScript(() => {
  const D = Intl.DateTimeFormat; window.__dtf = 0; window.__dtfStacks = {};
  Intl.DateTimeFormat = function (...a) { window.__dtf++; const k = new Error().stack.split('\n').slice(2, 5).join('|'); window.__dtfStacks[k] = (window.__dtfStacks[k] ?? 0) + 1; return new D(...a); };
  Intl.DateTimeFormat.prototype = D.prototype;
});
const page = await context.newPage();
await signIn(page, url, 'patti@contoso.com', '/demo');
await page.fill('#seed-count', '10000');
await page.getByRole('button', { name: 'Add subscriptions' }).click();
await page.locator('#demo-outcome', { hasText: 'Added 10000' }).waitFor({ timeout: 120000 });
await page.goto(url + '/admin/users');
await ready(page);
if (process.env.WARM) await page.evaluate(() => { new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date()); new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(1); });
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const times = await page.evaluate(async (n) => {
  const link = (href) => document.querySelector(`.admin-nav a[href="${href}"]`);
  const out = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    link('/admin/billing/products').click();
    while (!document.querySelector('#products-grid tbody tr.grid-row')) await new Promise((r) => setTimeout(r, 0));
    out.push((performance.now() - t0).toFixed(1));
    await new Promise((r) => setTimeout(r, 100));
    link('/admin/users').click();
    await new Promise((r) => setTimeout(r, 100));
  }
  link('/admin/billing/products').click();
  await new Promise((r) => setTimeout(r, 300));
  out.push('rows=' + document.querySelectorAll('#products-grid tbody tr').length + ' nodes=' + document.querySelectorAll('*').length);
  return out.join(' ');
}, Number(process.env.N) || 20);
console.log('TIMES', times, await page.evaluate(() => JSON.stringify([window.__dtf, window.__dtfStacks])));
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(v / 1000).toFixed(1)} ms  ${k.slice(0, 150)}`).join('\n'));
// inclusive time per function
const parent = new Map(); profile.nodes.forEach((n) => (n.children ?? []).forEach((c) => parent.set(c, n.id)));
const incl = new Map();
profile.samples.forEach((id, i) => { const seen = new Set(); let cur = id; while (cur) { const n = byId.get(cur); const k = n.callFrame.functionName; if (k && !seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0)); } cur = parent.get(cur); } });
console.log('--- inclusive');
console.log([...incl.entries()].filter(([k]) => k.includes('ssp::')).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 1000).toFixed(1)} ms  ${k.slice(0, 160)}`).join('\n'));
await browser.close();
await server.close();
