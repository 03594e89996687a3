// Conventions and licences (issue 18): the platform admin registers a structure, gets a quote,
// records its signed convention and its licence with the declared budget, sees the fee and
// the history, uploads the signed PDF; the list shows the convention's state. Plain forms, with
// and without JavaScript, desktop; axe-core on every page.
// @ts-check
const { test, expect, DEMO, login, logout, randomLetters, pdfOfPages } = require('./fixtures');

test.use({ viewport: { width: 1280, height: 800 } });

test('the platform admin records a convention and a licence and sees the fee', async ({ page, check }) => {
  const name = `Foyer ${randomLetters(6)}`;
  await page.goto('/login');
  await check('login');
  await login(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await check('admin');

  // The quote: nothing is recorded.
  await page.locator('#quote_budget').fill('3000000');
  await page.locator('#quote_kind').selectOption('relay');
  await page.getByRole('button', { name: 'Calculer la redevance' }).click();
  await page.waitForURL((u) => u.searchParams.get('quote_budget') === '3000000');
  await expect(page.locator('#quote')).toContainText('Redevance annuelle pour 3000000.00 € : 1900.00 €');
  await check('quote');

  // A new structure.
  const create = page.locator('form[action="/admin/structures"]');
  await create.locator('#name').fill(name);
  await create.locator('#city').fill('Bagnolet');
  await create.getByRole('button').click();
  await page.waitForURL((u) => /^\/s\/[^/]+\/team$/.test(u.pathname));
  await check('new structure team');

  await page.goto('/admin');
  const line = page.locator('ul.people li', { hasText: name });
  await expect(line).toContainText('Convention : Brouillon');
  await expect(line).toContainText('Pas de licence');
  await check('admin with the new structure');
  await line.getByRole('link', { name: 'Convention et licence' }).click();
  await page.waitForURL((u) => /^\/admin\/structures\/[^/]+$/.test(u.pathname));
  await expect(page.locator('h1')).toHaveText(name);
  await expect(page.locator('#licence')).toContainText('Aucune licence enregistrée.');
  await check('structure licence, empty');

  // The convention and the licence, in one form.
  const year = new Date().getFullYear();
  await page.locator('#status').selectOption('signed');
  await page.locator('#signed_on').fill(`${year}-01-10`);
  await page.locator('#signatories').fill('Mme Durand, présidente');
  await page.locator('#starts_on').fill(`${year}-01-01`);
  await page.locator('#ends_on').fill(`${year}-12-31`);
  await page.locator('#annual_budget_eur').fill('500000');
  await page.locator('#licence form button[type=submit]').click();
  await page.waitForURL((u) => /^\/admin\/structures\/[^/]+$/.test(u.pathname));
  await expect(page.locator('#licence-fee')).toHaveText('Redevance annuelle : 500.00 €');
  await expect(page.locator('#history')).toContainText('Statut de la convention');
  await expect(page.locator('#history')).toContainText('Budget et redevance');
  await check('structure licence, recorded');

  // The signed PDF.
  await page.locator('#file').setInputFiles({ name: 'convention.pdf', mimeType: 'application/pdf', buffer: pdfOfPages(['Convention signee']) });
  await page.locator('#convention-document form button[type=submit]').click();
  await page.waitForURL((u) => /^\/admin\/structures\/[^/]+$/.test(u.pathname));
  const download = page.getByRole('link', { name: 'Télécharger la convention signée' });
  await expect(download).toBeVisible();
  const r = await page.request.get(/** @type {string} */ (await download.getAttribute('href')));
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toBe('application/pdf');
  await expect(page.locator('#history')).toContainText('Convention signée (PDF)');
  await check('structure licence, with the PDF');

  await page.getByRole('link', { name: 'Structures' }).first().click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.locator('ul.people li', { hasText: name })).toContainText('Convention : Signée');
  await expect(page.locator('ul.people li', { hasText: name })).toContainText(`Licence jusqu'au 31/12/${year}`);
  await check('admin, convention signed');
  await logout(page, check);
});
