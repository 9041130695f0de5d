// The admin layout as a person sees it: Your products at a laptop's 1280 × 800, a tablet's
// 1024 × 768 and a phone's 390 × 844, in English and Chinese. Every column shows with no
// sideways scroll, and a product's name takes two lines at most.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, signIn } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

/** What the grid looks like now: its scroll box, each heading's edges, each name's lines. */
function measure(page) {
  return page.evaluate(() => {
    const grid = document.querySelector('#products-grid');
    const box = grid.closest('.table-scroll');
    const headings = [...grid.querySelectorAll('thead th')].map((th) => {
      const r = th.getBoundingClientRect();
      return { text: th.innerText.trim(), left: r.left, right: r.right, shown: r.width > 0 };
    });
    const names = [...grid.querySelectorAll('tbody tr.grid-row .grid-name')].map((n) => ({
      name: n.innerText,
      lines: Math.round(n.getBoundingClientRect().height / parseFloat(getComputedStyle(n).lineHeight)),
    }));
    const labels = [...grid.querySelectorAll('tbody tr.grid-row')].map((tr) =>
      [...tr.querySelectorAll('td')].filter((td) => td.getBoundingClientRect().height > 0).length);
    return {
      scroll: box.scrollWidth - box.clientWidth,
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      viewport: document.documentElement.clientWidth,
      headings,
      names,
      labels,
    };
  });
}

for (const [width, height] of [[1280, 800], [1024, 768]]) {
  for (const locale of ['en-US', 'zh-CN']) {
    test(`Your products at ${width} × ${height} (${locale}): every column shows, names in two lines at most`, async () => {
      const page = await app.page({ locale, viewport: { width, height } });
      await signIn(page, app.url, 'patti@contoso.com', '/admin/billing/products');
      // Self-service rows bring the longest cells: two purchasers, the left-the-organization flag.
      await page.selectOption('#products-filter', 'include');
      await page.locator('#products-grid tbody tr.grid-row', { hasText: 'Visio Plan 2' }).waitFor();
      const m = await measure(page);
      assert.equal(m.scroll, 0, 'the grid does not scroll sideways');
      assert.equal(m.page, 0, 'the page does not scroll sideways');
      assert.equal(m.headings.length, 9);
      for (const h of m.headings) {
        assert.ok(h.shown && h.left >= 0 && h.right <= m.viewport, `column "${h.text}" is in the window (${h.left}–${h.right} of ${m.viewport})`);
      }
      assert.equal(m.names.length, 7);
      for (const n of m.names) assert.ok(n.lines <= 2, `"${n.name}" takes ${n.lines} lines`);
      await page.context().close();
    });
  }
}

for (const locale of ['en-US', 'zh-CN']) {
  test(`Your products on a phone (390 × 844, ${locale}): each row a card with every field, nothing sideways`, async () => {
    const page = await app.page({ locale, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page, app.url, 'patti@contoso.com', '/admin/billing/products');
    await page.selectOption('#products-filter', 'include');
    await page.locator('#products-grid tbody tr.grid-row', { hasText: 'Visio Plan 2' }).waitFor();
    const m = await measure(page);
    assert.equal(m.page, 0, 'the page does not scroll sideways');
    assert.equal(m.scroll, 0, 'the cards do not scroll sideways');
    // The navigation folds behind its button, and every field of each row is there.
    assert.equal(await page.locator('.admin-nav__toggle').isVisible(), true);
    assert.deepEqual(m.labels, Array(7).fill(8), 'eight fields under each name');
    for (const n of m.names) assert.ok(n.lines <= 2, `"${n.name}" takes ${n.lines} lines`);
    await page.context().close();
  });
}
