import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { CHROMIUM_ARGS, DIST, signIn, ready } from './harness.mjs';
const server = await serve(DIST);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
const page = await (await browser.newContext()).newPage();
await page.goto(server.url + '/');
await ready(page);
const r = await page.evaluate(async () => {
  const open = () => new Promise((res) => { const q = indexedDB.open('bench', 1); q.onupgradeneeded = () => { q.result.createObjectStore('kv'); q.result.createObjectStore('records'); }; q.onsuccess = () => res(q.result); });
  const db = await open();
  const out = {};
  const run = (durability, n, big) => new Promise((res) => {
    const t0 = performance.now();
    const tx = db.transaction(['kv', 'records'], 'readwrite', { durability });
    const g = tx.objectStore('kv').get('rev');
    g.onsuccess = () => {
      for (let i = 0; i < n; i++) tx.objectStore('records').put(big ? 'x'.repeat(500) : 'y', 's:' + i);
      tx.objectStore('kv').put((g.result ?? 0) + 1, 'rev');
    };
    tx.oncomplete = () => res(performance.now() - t0);
  });
  await run('relaxed', 10000, true);
  for (const d of ['relaxed', 'default', 'strict']) {
    const t = [];
    for (let i = 0; i < 20; i++) t.push(await run(d, 2, true));
    t.sort((a, b) => a - b);
    out[d] = `p50 ${t[10].toFixed(1)} p95 ${t[19].toFixed(1)}`;
  }
  return out;
});
console.log(r);
await browser.close(); await server.close();
