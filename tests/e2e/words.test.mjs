// Every page in zh-CN, as a person in China reads it: no English outside names, IDs and
// what a person types (src/i18n/GLOSSARY.md), and a tab title that names the page.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, ready, signIn, DIST } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

const data = (file) => JSON.parse(readFileSync(join(DIST, 'data', file), 'utf8'));
const catalog = data('catalog.json');
const directory = data('directory.json');

// Names and what a person types, longest first so "Microsoft 365" goes before "Microsoft".
const STAYS = [
  'Microsoft365DSC', 'ConvertTo-Json', 'Export-Csv', '-PolicyId', 'Ensure = Absent', 'KB',
  'self-service-purchase-plan.ps1', 'SelfServicePurchase.ps1',
  ...catalog.products.map((p) => p.name),
  ...catalog.products.map((p) => p.publisher).filter(Boolean),
  ...directory.tenants.map((t) => t.name),
  ...directory.users.map((u) => u.display_name),
  'Get-MSCommerceProductPolicies', 'Get-MSCommerceProductPolicy', 'Update-MSCommerceProductPolicy',
  'Connect-MSCommerce', 'Get-Help', 'OnlyTrialsWithoutPaymentMethod', 'AllowSelfServicePurchase',
  'MSCommerce', 'PowerShell', 'Power Platform', 'Power Automate', 'Power Apps', 'Power BI',
  'Microsoft Purview', 'Microsoft 365', 'Windows 365', 'Microsoft', 'Windows', 'Project', 'Visio', 'Teams',
  'American Express', 'Diners Club', 'Mastercard', 'Discover', 'Visa', 'JCB',
  'Contoso', 'Fabrikam', 'Demo-2026!', 'WhatIf', 'Enabled', 'Disabled', 'cmdlet',
  'JSON', 'CSV', 'UTC', 'ID', 'IT',
  // Products and acronyms the catalog's summaries name.
  'PowerPoint', 'Outlook', 'Python', 'Excel', 'Word', 'OKR', 'AI',
  // The third-party offer types, named as the MSCommerce page names them, their IDs, and
  // the platforms the demo's offers name.
  'Software as a Service', 'Power BI Visuals', 'Dynamics 365 Dataverse Apps', 'Dynamics 365 Business Central',
  'SaaS', 'POWERBIVISUALS', 'DYNAMICSCE', 'DYNAMICSBC', '-OfferType', 'OfferType', '-Scope', 'Dataverse', 'Azure',
  // PowerShell's keywords, as its zh-CN messages keep them.
  'foreach', 'if',
  // The language picker names each language in itself.
  'English',
].sort((a, b) => b.length - a.length);

/** The English words left in `text` once names, IDs, addresses and amounts are out. */
function strayEnglish(text) {
  let rest = text
    .replace(/\S+@\S+/g, ' ')
    // An address the person typed, as the not-found page repeats it.
    .replace(/\/[\w\-/?=.]+/g, ' ')
    .replace(/\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|cd|in|cn|jp|br|de|fr|au|ca|uk|edu|gov|example|net|org)\b/g, ' ')
    .replace(/\b[A-Z0-9]{12}\b/g, ' ')
    .replace(/\b(sub|bill|card|ord|order|pay)-\d+\b/g, ' ')
    // Intl's currency symbols in zh-CN: US$, CA$, A$, R$, JP¥, €, £.
    .replace(/\b(US|CA|A|R|NZ|HK)\$/g, ' ')
    .replace(/JP¥/g, ' ');
  for (const name of STAYS) rest = rest.split(name).join(' ');
  return [...new Set(rest.match(/[A-Za-z]{2,}/g) ?? [])];
}

async function zhPage() {
  const page = await app.page({ locale: 'zh-CN' });
  return page;
}

/** Asserts the page as shown is Chinese, tab title included, and returns its h1. */
async function assertChinese(page, where) {
  const title = await page.title();
  const h1 = (await page.locator('main h1').first().innerText()).trim();
  assert.ok(title.endsWith(' - Microsoft 365 管理中心') || title === 'Microsoft 365 管理中心', `${where}: tab title “${title}”`);
  assert.ok(title.startsWith(h1), `${where}: the tab names the page (“${title}”, h1 “${h1}”)`);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', where);
  // The text a person meets: visible text nodes as written (not as CSS capitalizes them),
  // without what is hidden from everyone (the avatar's initials are aria-hidden).
  const text = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // translate="no": code shown as it downloads (the planner's script) stays as written.
      if (!el || el.closest('[aria-hidden=true], script, style, noscript, [translate=no]')) continue;
      if (!el.checkVisibility()) continue;
      out.push(node.textContent);
    }
    return out.join(' ');
  });
  const stray = [...strayEnglish(text), ...strayEnglish(title)];
  assert.deepEqual(stray, [], `${where}: English in zh-CN: ${stray.join(', ')}`);
  // Labels and names that are not text content.
  const attributes = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')]
      .map((el) => ['aria-label', 'placeholder', 'title', 'alt'].map((a) => el.getAttribute(a) ?? '').join(' ')),
  );
  const strayAttributes = strayEnglish(attributes.join(' '));
  assert.deepEqual(strayAttributes, [], `${where}: English in labels: ${strayAttributes.join(', ')}`);
  return h1;
}

async function visit(page, path) {
  await page.goto(app.url + path);
  await ready(page);
}

test('the matcher finds English and lets names through', () => {
  assert.deepEqual(strayEnglish('请联系你的 IT admin'), ['admin']);
  assert.deepEqual(strayEnglish('Power BI Pro 每用户每月 US$10.00，megan@contoso.com，sub-000006，CFQ7TTC0H9MP'), []);
  assert.deepEqual(strayEnglish('“Custom dates”'), ['Custom', 'dates']);
});

test('signed out, every public page reads in Chinese, its tab included', async () => {
  const page = await zhPage();
  const pages = [
    ['/', '为工作购买 Microsoft 365 产品'],
    ['/products/CFQ7TTC0H9MP', 'Power BI Pro'],
    ['/checkout/CFQ7TTC0H9MP', '购买 Power BI Pro'],
    ['/checkout/CFQ7TTC0LH2H?trial=1', null],
    ['/signin', '登录'],
    ['/demo', '演示控制'],
    ['/admin', '管理中心'],
    ['/no-such-page', '找不到该页面'],
    ['/products/NOSUCHPRODUC', '找不到该页面'],
  ];
  for (const [path, h1] of pages) {
    await visit(page, path);
    const shown = await assertChinese(page, path);
    if (h1) assert.equal(shown, h1, path);
  }
  // A market that does not sell it: the reason, in Chinese.
  await visit(page, '/products/CFQ7TTC0H9MP');
  await page.selectOption('#market', 'IN');
  await page.locator('#offer-why').waitFor();
  await assertChinese(page, 'product in India');
});

test('the checkout in Chinese: verdicts, every step, a refusal and the confirmation', async () => {
  const page = await zhPage();
  await visit(page, '/checkout/CFQ7TTC0H9MP');
  for (const email of ['not-an-email', 'ana@northwind.edu', 'rob@litware.com', 'someone@nowhere.example']) {
    await page.fill('#checkout-email', email);
    await page.locator('#verdict').waitFor();
    await assertChinese(page, `verdict for ${email}`);
  }
  await page.fill('#checkout-email', 'adele@contoso.com');
  await page.locator('#verdict.verdict--ok').waitFor();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.waitForURL('**step=signin**');
  await page.fill('#checkout-password', 'wrong');
  await page.getByRole('button', { name: '登录' }).last().click();
  await page.locator('#checkout-password[aria-invalid], .message-bar--error, [role=alert]').first().waitFor();
  await assertChinese(page, 'a wrong password');
  await page.fill('#checkout-password', 'Demo-2026!');
  await page.getByRole('button', { name: '登录' }).last().click();
  await page.locator('#verdict.verdict--ok').waitFor();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.waitForURL('**step=licenses**');
  await page.fill('#licenses', '1.5');
  await page.locator('#licenses-error').waitFor();
  await assertChinese(page, 'a refused count');
  await page.fill('#licenses', '2');
  await page.fill('#billing-name', '王伟');
  await page.fill('#billing-address', '1 Main Street');
  await page.fill('#billing-city', 'Redmond');
  await page.fill('#billing-postal', '98052');
  await page.selectOption('#billing-country', 'US');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.waitForURL('**step=card**');
  await assertChinese(page, 'the payment step');
  await page.fill('#card-number', '4242424242424241');
  await page.fill('#card-expiry', '13/20');
  await page.fill('#card-code', '1');
  await page.locator('#card-holder').focus();
  await assertChinese(page, 'a bad card');
  await page.fill('#card-number', '4242424242424242');
  await page.fill('#card-expiry', '10/29');
  await page.fill('#card-code', '123');
  await page.getByRole('button', { name: '确认订单' }).click();
  await page.waitForURL('**step=review**');
  await assertChinese(page, 'the order review');
  await page.getByRole('button', { name: /^支付/ }).click();
  await page.locator('#order-number').waitFor();
  await assertChinese(page, 'confirmation');
});

test("the purchaser's pages in Chinese", async () => {
  const page = await zhPage();
  await signIn(page, app.url, 'megan@contoso.com', '/admin');
  for (const path of ['/admin', '/admin/billing/products', '/admin/billing/licenses', '/admin/billing/bills', '/admin/support', '/admin/users']) {
    await visit(page, path);
    await assertChinese(page, `purchaser ${path}`);
  }
  await visit(page, '/admin/billing/products');
  await page.locator('#purchases tbody tr').first().getByRole('link').first().click();
  await page.locator('#sub-status').waitFor();
  await assertChinese(page, 'purchaser subscription page');
  await visit(page, '/admin/billing/bills');
  await page.getByRole('button', { name: '编辑付款方式' }).first().click();
  await assertChinese(page, 'edit payment method');
});

test("the admin's pages in Chinese: Your products, the policy panel, the console, the audit log", async () => {
  const page = await zhPage();
  await signIn(page, app.url, 'patti@contoso.com', '/admin');
  for (const path of ['/admin', '/admin/billing/products', '/admin/billing/licenses', '/admin/settings/self-service', '/admin/users', '/admin/capacity', '/admin/audit']) {
    await visit(page, path);
    await assertChinese(page, `admin ${path}`);
  }
  await visit(page, '/admin/billing/products');
  await page.locator('#products-grid tbody tr.grid-row').first().click();
  await assertChinese(page, 'a row opened');
  await visit(page, '/admin/settings/self-service');
  await page.locator('#policy-grid tbody tr button').first().click();
  await page.locator('#policy-panel-title').waitFor();
  await assertChinese(page, 'the policy panel');
  await page.keyboard.press('Escape');
  // The module's own lines and tables stay as it prints them (it is not localized);
  // PowerShell's own messages are Chinese, as a zh-CN Windows PowerShell prints them, and
  // so are this app's notes.
  await page.fill('#console-input', 'Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0HD33 -Value Disabled');
  await page.keyboard.press('Enter');
  await page.locator('#console-output', { hasText: 'You must call the Connect-MSCommerce cmdlet' }).waitFor();
  await page.locator('#console-notes', { hasText: '请先运行 Connect-MSCommerce' }).waitFor();
  await page.fill('#console-input', 'Get-MSCommerceProductPolicys');
  await page.keyboard.press('Enter');
  await page.locator('#console-output', { hasText: '无法将' }).waitFor();
  await page.fill('#console-input', 'if ($x) { }');
  await page.keyboard.press('Enter');
  await page.locator('#console-output', { hasText: '此控制台不支持' }).waitFor();
  const lines = (await page.locator('#console-output').innerText()).split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l));
  assert.ok(lines.length >= 3, lines.join('\n'));
  for (const line of lines) assert.deepEqual(strayEnglish(line), [], line);
  await assertChinese(page, 'the console and its notes');
});

test('the policy planner in Chinese: a refused paste, a plan with a row left out, what changes, the export', async () => {
  const page = await zhPage();
  await signIn(page, app.url, 'patti@contoso.com', '/admin/settings/self-service');
  await page.fill('#plan-paste', 'Handles  NPM(K)\n-------  ------\n    230      14');
  await page.click('#plan-make');
  await page.locator('#plan-outcome.outcome--error').waitFor();
  await assertChinese(page, 'a refused paste');
  await page.fill('#plan-paste', [
    'PolicyId                 ProductName   ProductId    PolicyValue',
    '--------                 -----------   ---------    -----------',
    'AllowSelfServicePurchase Power BI Pro  CFQ7TTC0H9MP Disabled',
    'AllowSelfServicePurchase Visio Plan 1  CFQ7TTC0HD33 42',
  ].join('\n'));
  await page.check('#plan-for-other');
  await page.fill('#plan-other-name', 'Fabrikam');
  await page.click('#plan-make');
  await page.locator('#plan-unplaced').waitFor();
  await page.click('#plan-show-script');
  await page.locator('#plan-preview').waitFor();
  await assertChinese(page, 'a plan and its script');
});

test("a partner's customers, and access denied, in Chinese", async () => {
  const page = await zhPage();
  await signIn(page, app.url, 'ravi@relecloud.com', '/admin/customers');
  await assertChinese(page, 'customers');
  const member = await zhPage();
  await signIn(member, app.url, 'megan@contoso.com', '/admin/audit');
  assert.equal(await assertChinese(member, 'access denied'), '你无权访问此页面');
});

test("every page's tab is named in English too", async () => {
  const page = await app.page();
  for (const [path, title] of [
    ['/', 'Buy Microsoft 365 products for your work - Microsoft 365 admin center'],
    ['/products/CFQ7TTC0H9MP', 'Power BI Pro - Microsoft 365 admin center'],
    ['/no-such-page', "We can't find that page - Microsoft 365 admin center"],
  ]) {
    await visit(page, path);
    assert.equal(await page.title(), title, path);
  }
  await page.selectOption('#lang-switch', 'zh-CN');
  await page.waitForFunction(() => document.title.endsWith('Microsoft 365 管理中心'));
  assert.equal(await page.title(), '找不到该页面 - Microsoft 365 管理中心', 'the tab follows a language change');
});

test("dates and amounts are Intl's: 2026年11月26日, US$ with cents, JP¥ without", async () => {
  const page = await zhPage();
  await signIn(page, app.url, 'megan@contoso.com', '/admin/billing/bills');
  const bills = await page.locator('main').innerText();
  assert.match(bills, /\d{4}年\d{1,2}月\d{1,2}日/, 'a zh-CN date');
  assert.match(bills, /US\$\d+\.\d\d/, 'dollars with their cents');
  // Signed out, the market is chosen; signed in, it is the organization's.
  const visitor = await zhPage();
  await visit(visitor, '/products/CFQ7TTC0H9MP');
  await visitor.selectOption('#market', 'JP');
  await visitor.locator('#product-price', { hasText: 'JP¥' }).waitFor();
  const price = await visitor.locator('#product-price').innerText();
  assert.match(price, /JP¥\d{1,3}(,\d{3})*(?![.\d])/, `yen without decimals: ${price}`);
});
