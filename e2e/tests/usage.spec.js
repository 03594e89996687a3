// Usage and the monthly SMS budget (issue 18, item 3): Claire, admin of Les Tilleuls, opens
// "Consommation et budget SMS" from her home, reads the SMS the demo's year of work counted in the
// table of months, finds the CSV link for the same months, sets a monthly SMS budget with the
// plain form (with and without JavaScript) and sees it saved. axe-core on every page.
// @ts-check
const { test, expect, proHome } = require('./fixtures');

test('the structure admin reads the SMS usage and sets a monthly budget', async ({ page, check }, testInfo) => {
  const structure = await proHome(page, check);
  await structure.getByRole('link', { name: 'Consommation et budget SMS' }).click();
  await page.waitForURL((u) => /^\/s\/[^/]+\/usage$/.test(u.pathname));
  await expect(page.locator('h1')).toHaveText('Consommation et budget SMS');
  await expect(page.locator('main')).toContainText('Accueil de jour Les Tilleuls');
  await check('usage');

  // Twelve months, the most recent first; the demo's year counted SMS in some of them.
  const rows = page.locator('table.usage tbody tr');
  await expect(rows).toHaveCount(12);
  const sms = await page.locator('table.usage td[data-figure="sms_sent"]').allTextContents();
  expect(sms.map(Number).reduce((a, b) => a + b, 0), 'SMS counted over the year').toBeGreaterThan(0);
  const safes = await page.locator('table.usage td[data-figure="safes_opened"]').allTextContents();
  expect(safes.map(Number).reduce((a, b) => a + b, 0), 'safes opened over the year').toBeGreaterThan(0);

  // The CSV link names the same months; the session downloads it.
  const csv = page.getByRole('link', { name: 'Télécharger (CSV)' });
  const href = (await csv.getAttribute('href')) || '';
  expect(href).toMatch(/\/usage\.csv\?from=\d{4}-\d{2}&to=\d{4}-\d{2}$/);
  const r = await page.request.get(href);
  expect(r.status()).toBe(200);
  const lines = (await r.text()).trim().split('\r\n');
  expect(lines[0]).toBe('month,sms_sent,sms_segments,documents_added,safes_opened');
  expect(lines).toHaveLength(13);

  // A budget of its own per project, so that each run sees its value saved.
  const budget = testInfo.project.name === 'nojs' ? '450' : '500';
  await page.locator('#monthly_sms').fill(budget);
  await page.locator('#sms-budget').getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL((u) => /^\/s\/[^/]+\/usage$/.test(u.pathname));
  await expect(page.locator('[role="status"]')).toContainText("C'est enregistré.");
  await expect(page.locator('#monthly_sms')).toHaveValue(budget);
  await expect(page.locator('#sms-budget')).toContainText(`Budget : ${budget} SMS par mois.`);
  await check('budget saved');
});
