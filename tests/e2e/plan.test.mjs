// Planning a real tenant's self-service policies (issue 20): paste the module's output,
// edit the plan, see what changes, download the script — and run it in the console to get
// the planned state. Every bad paste ends in a clear message with no plan and nothing
// changed. A partner plans for two customers at once and copies one plan to the other.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, ready, signIn, consoleRun } from './harness.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app?.stop(); });
afterEach(() => app.checkErrors());

const PAGE = '/admin/settings/self-service';
const TABLE = `
PolicyId                 ProductName                                ProductId    PolicyValue
--------                 -----------                                ---------    -----------
AllowSelfServicePurchase Power BI Pro                               CFQ7TTC0H9MP Disabled
AllowSelfServicePurchase Power Apps per user                        CFQ7TTC0KP0P OnlyTrialsWithoutPaymentMethod
AllowSelfServicePurchase Visio Plan 1                               CFQ7TTC0HD33 Enabled
AllowSelfServicePurchase Mystery                                    CFQ7TTC0ZZZZ Enabled
`;

/** The policy grid's value per product ID, as shown. */
async function grid(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#policy-grid tbody tr')]
    .map((tr) => [tr.dataset.product, tr.querySelector('.policy-value').textContent.trim()])));
}

async function paste(page, text) {
  await page.fill('#plan-paste', text);
  await page.click('#plan-make');
  await page.locator('#plan-outcome:not(:empty)').waitFor();
  return page.locator('#plan-outcome').innerText();
}

/** Types a line into the console as a person would, and waits until it has run. */
async function run(page, line) {
  return consoleRun(page, line);
}

test('an admin pastes a table, edits the plan, downloads the script, and running it in the console gives the plan', async () => {
  const page = await signIn(await app.page(), app.url, 'patti@contoso.com', PAGE);
  const before = await grid(page);
  assert.equal(await paste(page, TABLE), 'Read 4 rows from a pasted Get-MSCommerceProductPolicies table. Products in the plan: 3.');
  assert.match(await page.locator('#plan-unplaced').innerText(), /Line 7: CFQ7TTC0ZZZZ is not a product sold through self-service here\./);
  assert.deepEqual(await grid(page), before, 'a plan changes nothing');
  // The old Power Apps ID landed on the current one; the impact counts follow the plan.
  assert.equal(await page.inputValue('#plan-0-CFQ7TTC0LH2H'), 'OnlyTrialsWithoutPaymentMethod');
  assert.match(await page.locator('#plan-table-0 tr[data-product="CFQ7TTC0H9MP"]').innerText(), /Now \d+ can buy and \d+ can try; planned, 0 and 0\./);
  // Edit: Visio Plan 2 not allowed, Visio Plan 1 (trials only at Contoso) kept as it is.
  await page.selectOption('#plan-0-CFQ7TTC0HD32', 'Disabled');
  await page.selectOption('#plan-0-CFQ7TTC0HD33', 'OnlyTrialsWithoutPaymentMethod');
  const changes = await page.locator('#plan-changes tbody tr').allInnerTexts();
  // By product ID, as the script lists them.
  assert.deepEqual(changes.map((r) => r.replace(/\s+/g, ' ').trim()), [
    'Contoso Ltd. Power BI Pro Allow Do not allow',
    'Contoso Ltd. Visio Plan 2 Allow Do not allow',
    'Contoso Ltd. Power Apps per user Allow Allow for trials only',
  ]);
  // The script, shown before download, and the file the same.
  await page.click('#plan-show-script');
  const shown = await page.locator('#plan-preview').innerText();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#plan-download')]);
  assert.equal(download.suggestedFilename(), 'self-service-purchase-plan.ps1');
  const script = await readFile(await download.path(), 'utf8');
  assert.equal(script.trim(), shown.trim());
  const lines = script.split('\n');
  assert.match(lines[0], /^# Self-service purchase policies \(AllowSelfServicePurchase\)/);
  assert.match(lines[1], /^# Exported \d{4}-\d{2}-\d{2}, from a pasted Get-MSCommerceProductPolicies table, 4 rows\.$/);
  assert.equal(lines[2], '# Changes: 3 in 1 organization(s).');
  assert.ok(lines.includes('# Organization: Contoso Ltd. — 3 change(s). Sign in as its admin when asked.'));
  assert.deepEqual(lines.filter((l) => !l.startsWith('#') && l.trim()), [
    'Import-Module -Name MSCommerce',
    'Connect-MSCommerce',
    'Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0H9MP -Value Disabled',
    'Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0HD32 -Value Disabled',
    'Update-MSCommerceProductPolicy -PolicyId AllowSelfServicePurchase -ProductId CFQ7TTC0LH2H -Value OnlyTrialsWithoutPaymentMethod',
  ]);
  // -WhatIf: on every update.
  await page.check('#plan-what-if');
  const whatIf = await page.locator('#plan-preview').innerText();
  assert.equal(whatIf.split('\n').filter((l) => l.startsWith('Update-')).filter((l) => l.endsWith(' -WhatIf')).length, 3);
  // Run the script (without -WhatIf) line by line in the console: the grid shows the plan.
  for (const line of lines.filter((l) => l.trim())) await run(page, line);
  // Each update's row is printed as it is saved; the grid follows: wait for all three.
  const planned = { CFQ7TTC0H9MP: 'Do not allow', CFQ7TTC0LH2H: 'Allow for trials only', CFQ7TTC0HD32: 'Do not allow' };
  await page.waitForFunction((want) => Object.entries(want).every(([id, v]) =>
    document.querySelector(`#policy-grid tr[data-product="${id}"] .policy-value`)?.textContent.trim() === v), planned);
  const afterRun = await grid(page);
  assert.equal(afterRun.CFQ7TTC0H9MP, 'Do not allow');
  assert.equal(afterRun.CFQ7TTC0LH2H, 'Allow for trials only');
  assert.equal(afterRun.CFQ7TTC0HD32, 'Do not allow');
  for (const id of Object.keys(before).filter((id) => !['CFQ7TTC0H9MP', 'CFQ7TTC0LH2H', 'CFQ7TTC0HD32'].includes(id))) {
    assert.equal(afterRun[id], before[id], `${id} untouched`);
  }
});

test('the DSC export, pasted back, is the same plan; another organization has no directory', async () => {
  const page = await signIn(await app.page(), app.url, 'patti@contoso.com', PAGE);
  await paste(page, TABLE);
  await page.selectOption('#plan-0-CFQ7TTC0HD32', 'OnlyTrialsWithoutPaymentMethod');
  await page.click('#plan-show-dsc');
  const config = await page.locator('#plan-preview').innerText();
  assert.match(config, /Configuration SelfServicePurchase1\n\{/);
  assert.match(config, /CommerceSelfServicePurchase "CommerceSelfServicePurchase-CFQ7TTC0HD32"\n\s+\{\n\s+ProductId\s+= "CFQ7TTC0HD32";\n\s+ProductName\s+= 'Visio Plan 2';\n\s+PolicyValue\s+= "OnlyTrialsWithoutPaymentMethod";\n\s+Ensure\s+= "Present";/);
  const planned = await page.evaluate(() => [...document.querySelectorAll('#plan-table-0 select')].map((s) => `${s.id}=${s.value}`));
  assert.match(await paste(page, config), /^Read \d+ rows from a Microsoft365DSC configuration\./);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#plan-table-0 select')].map((s) => `${s.id}=${s.value}`)), planned);
  // For an organization this demo does not know: the import is its current state.
  await page.uncheck('#plan-for-contoso');
  await page.check('#plan-for-other');
  assert.match(await paste(page, TABLE), /^Organization name is required\.$/);
  await page.fill('#plan-other-name', 'fabrikam.onmicrosoft.com');
  await paste(page, TABLE);
  assert.equal(await page.locator('#plan-tenant-0').innerText(), 'fabrikam.onmicrosoft.com');
  assert.match(await page.locator('#plan-table-0 tr[data-product="CFQ7TTC0H9MP"]').innerText(), /Do not allow[\s\S]*No directory is known for this organization\./);
  assert.equal(await page.locator('#plan-no-changes').innerText(), 'The plan changes nothing.');
  await page.uncheck('#plan-for-other');
  assert.equal(await paste(page, TABLE), 'Choose at least one organization.');
  assert.equal(await page.locator('#plan-table-0').count(), 0);
});

test('a partner plans for two customers at once and copies one plan to the other', async () => {
  const page = await signIn(await app.page(), app.url, 'ravi@relecloud.com', '/admin/customers');
  await page.getByRole('button', { name: 'Manage Contoso Ltd.' }).click();
  await page.waitForURL('**/admin');
  await page.goto(app.url + PAGE);
  await ready(page);
  await page.check('#plan-for-fabrikam');
  await paste(page, TABLE);
  assert.deepEqual(await page.locator('.plan-tenant h3').allInnerTexts(), ['Contoso Ltd.', 'Fabrikam, Inc.']);
  await page.selectOption('#plan-0-CFQ7TTC0HD33', 'Disabled');
  assert.equal(await page.inputValue('#plan-1-CFQ7TTC0HD33'), 'Enabled');
  await page.click('#plan-copy-0');
  assert.equal(await page.inputValue('#plan-1-CFQ7TTC0HD33'), 'Disabled');
  const orgs = await page.locator('#plan-changes tbody tr td:first-child').allInnerTexts();
  assert.ok(orgs.includes('Contoso Ltd.') && orgs.includes('Fabrikam, Inc.'), orgs.join());
  await page.click('#plan-show-script');
  const script = await page.locator('#plan-preview').innerText();
  assert.equal(script.split('\n').filter((l) => l === 'Connect-MSCommerce').length, 2);
  assert.match(script, /# Organization: Contoso Ltd\. — \d+ change\(s\)\./);
  assert.match(script, /# Organization: Fabrikam, Inc\. — \d+ change\(s\)\./);
});

test('bad pastes and files: each a clear message, no plan, nothing changed', async () => {
  const page = await signIn(await app.page(), app.url, 'patti@contoso.com', PAGE);
  const before = await grid(page);
  const refused = async (text, message) => {
    const said = await paste(page, text);
    assert.match(said, message, JSON.stringify(text.slice(0, 60)));
    assert.ok((await page.getAttribute('#plan-outcome', 'class')).includes('outcome--error'));
    assert.equal(await page.locator('#plan-table-0').count(), 0, 'no plan');
  };
  await refused('', /^Paste the output of Get-MSCommerceProductPolicies, or choose a file\.$/);
  await refused('   \r\n  ', /^Paste the output/);
  await refused('PolicyId                 Description                          DefaultValue\n--------                 -----------                          ------------\nAllowSelfServicePurchase Allow users to buy and try products  Enabled', /^This isn't a listing of AllowSelfServicePurchase\./);
  await refused('Handles  NPM(K)    PM(K)\n-------  ------    -----\n    230      14     3456', /^This isn't a listing/);
  await refused(TABLE.slice(0, TABLE.indexOf('Visio') + 40), /^The text stops short at line 6\./);
  await refused('PolicyId ProductName ProductId PolicyValue', /^The text stops short at line 2\./);
  await refused('[{"PolicyId": "AllowSelfServicePurchase", "ProductId": "CFQ7TTC0H9MP"', /^This JSON can't be read: /);
  await refused('"PolicyId","ProductName","ProductId","PolicyValue"\r\n"AllowSelfServicePurchase","Power BI Pro","CFQ7TTC0H9MP","Dis', /^The text stops short at line 2\./);
  await refused('ProductName  ProductId\n-----------  ---------\nPower BI Pro CFQ7TTC0H9MP', /^The listing has no PolicyValue column, which a plan needs\.$/);
  await refused('<script>alert(1)</script>', /^This isn't a listing/);
  await refused('x'.repeat(1024 * 1024), /^That is 1024 KB; a policy listing is a few KB\. The most this takes is 256 KB\.$/);
  // A BOM, \r line endings and a Chinese-locale console's table are fine.
  const chinese = '\uFEFFPolicyId                 ProductName         ProductId    PolicyValue\r--------                 -----------         ---------    -----------\rAllowSelfServicePurchase Visio 计划 2        CFQ7TTC0HD32 Disabled\r';
  assert.match(await paste(page, chinese), /^Read 1 row from a pasted Get-MSCommerceProductPolicies table\. Products in the plan: 1\.$/);
  assert.equal(await page.inputValue('#plan-0-CFQ7TTC0HD32'), 'Disabled');
  // A 1 MB file is refused before it is read; a good CSV file makes a plan.
  await page.setInputFiles('#plan-file', { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(1024 * 1024, 'a') });
  await page.locator('#plan-outcome.outcome--error', { hasText: 'That is 1024 KB' }).waitFor();
  assert.equal(await page.locator('#plan-table-0').count(), 0);
  const csv = '#TYPE System.Management.Automation.PSCustomObject\r\n"PolicyId","ProductName","ProductId","PolicyValue"\r\n"AllowSelfServicePurchase","Power BI Pro","CFQ7TTC0H9MP","Disabled"\r\n';
  await page.setInputFiles('#plan-file', { name: 'policies.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('#plan-outcome', { hasText: 'Read 1 row from Export-Csv output.' }).waitFor();
  await page.locator('#plan-table-0').waitFor();
  assert.deepEqual(await grid(page), before, 'nothing changed by any of it');
});
