// Ad-hoc look at pages: node look.mjs <out-dir> — signs in and screenshots the issue-8 screens.
import { start, signIn } from './harness.mjs';
const out = process.argv[2] ?? '/tmp/shots';
const app = await start();
try {
  const page = await app.page();
  await signIn(page, app.url, 'patti@contoso.com', '/admin/settings/self-service');
  await page.getByRole('button', { name: 'Power BI Pro', exact: true }).click();
  await page.check('#policy-Disabled');
  await page.fill('#console-input', 'Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase');
  await page.press('#console-input', 'Enter');
  await page.fill('#console-input', 'Connect-MSCommerce');
  await page.press('#console-input', 'Enter');
  await page.fill('#console-input', 'Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase');
  await page.press('#console-input', 'Enter');
  await page.fill('#console-input', 'Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0KXN9 -Value Disabled -WhatIf');
  await page.press('#console-input', 'Enter');
  await page.fill('#console-input', 'Get-MSCommerceProductPolicys');
  await page.press('#console-input', 'Enter');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/settings.png`, fullPage: true });
  await page.goto(app.url + '/admin/audit');
  await page.waitForSelector('#audit-grid');
  await page.screenshot({ path: `${out}/audit.png`, fullPage: true });
  await page.goto(app.url + '/admin');
  await page.waitForSelector('.dashboard');
  await page.screenshot({ path: `${out}/home.png` });
  const partner = await app.page();
  await signIn(partner, app.url, 'ravi@relecloud.com', '/admin');
  await partner.screenshot({ path: `${out}/partner-home.png` });
  await partner.getByRole('button', { name: 'Manage Contoso' }).click();
  await partner.waitForSelector('#acting-for');
  await partner.screenshot({ path: `${out}/partner-contoso.png` });
  const zh = await app.page({ locale: 'zh-CN', viewport: { width: 400, height: 900 } });
  await signIn(zh, app.url, 'nestor@contoso.com', '/admin/settings/self-service');
  await zh.screenshot({ path: `${out}/settings-zh-narrow.png`, fullPage: true });
  console.log('errors', page.errors, partner.errors, zh.errors);
} finally {
  await app.stop();
}
