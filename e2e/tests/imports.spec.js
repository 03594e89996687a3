// CSV imports (issue 18, item 5): Claire, admin of Les Tilleuls, opens the import from her team
// page, uploads a file with a bad e-mail address: the preview shows each line with its result,
// the bad line with its error, and offers no confirm button. She uploads a corrected file, the
// preview says every line is ready, she confirms; the activation links appear once, with a CSV
// download. One of the new professionals opens her link and chooses her password. With and
// without JavaScript, axe-core on every page.
// @ts-check
const fs = require('node:fs');
const { test, expect, proHome, randomLetters } = require('./fixtures');

test('an admin previews a CSV with an error, then imports a valid one', async ({ page, check, artifact }) => {
  const tag = randomLetters(8).toLowerCase();
  const structure = await proHome(page, check);
  await structure.getByRole('link', { name: 'Équipe', exact: true }).click();
  await page.waitForURL((u) => /^\/s\/[^/]+\/team$/.test(u.pathname));
  await check('team');
  await page.getByRole('link', { name: 'Importer des professionnels (fichier CSV)' }).click();
  await page.waitForURL((u) => /^\/s\/[^/]+\/team\/import$/.test(u.pathname));
  await expect(page.locator('h1')).toHaveText(/Importer des professionnels/);
  await check('import form');

  const upload = async (name, text) => {
    await page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.waitForLoadState('load');
  };

  // A bad address on line 3: the preview names it, nothing can be confirmed.
  await upload('team.csv', `display_name,email,role\r\nLou ${tag},lou.${tag}@import.example,member\r\nMax ${tag},max-at-import.example,admin\r\n`);
  const preview = page.locator('#preview');
  await expect(preview).toContainText('Rien ne peut être importé');
  const rows = preview.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Prête');
  await expect(rows.nth(1).locator('td').first()).toHaveText('3');
  await expect(rows.nth(1)).toContainText('Adresse e-mail invalide');
  await expect(page.getByRole('button', { name: /Importer ces/ })).toHaveCount(0);
  await check('preview with an error');

  // The corrected file: every line ready, then confirmed.
  await upload('team.csv', `\uFEFFdisplay_name,email,role\r\n"Lou, ${tag}",lou.${tag}@import.example,member\r\nMax ${tag},max.${tag}@import.example,admin\r\n`);
  await expect(preview).toContainText('Rien n\'est encore importé');
  await expect(preview.locator('tbody tr')).toHaveCount(2);
  await check('valid preview');
  await page.getByRole('button', { name: 'Importer ces 2 lignes' }).click();
  await page.waitForLoadState('load');
  await expect(page.locator('main')).toContainText('2 professionnels importés.');
  const invitations = page.locator('#invitations');
  await expect(invitations.locator('tbody tr')).toHaveCount(2);
  await check('activation links');

  // The links as a CSV file, for mailing.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    invitations.getByRole('link', { name: 'Télécharger les liens (CSV)' }).click(),
  ]);
  const saved = artifact('invitations.csv');
  await download.saveAs(saved);
  const csv = fs.readFileSync(saved, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('display_name,email,activation_url');
  expect(csv).toContain(`"Lou, ${tag}",lou.${tag}@import.example,`);
  const link = invitations.locator('tbody tr').first().locator('code');
  const url = new URL((await link.textContent()) || '');
  expect(csv).toContain(url.search);

  // Lou opens her link and chooses her password.
  await page.goto(`/activate${url.search}`);
  await expect(page.locator('h1')).toHaveText(/Activer votre compte/);
  await expect(page.locator('main')).toContainText(`lou.${tag}@import.example`);
  await check('activation');
  await page.locator('#password').fill('une longue phrase pour le bureau');
  await page.getByRole('button', { name: 'Activer mon compte' }).click();
  await page.waitForLoadState('load');
  await expect(page.locator('main')).toContainText('Votre compte est prêt');
  await check('activated');
  // The link works once.
  await page.goto(`/activate${url.search}`);
  await expect(page.locator('main')).toContainText('Ce lien d\'activation ne fonctionne pas');
  await check('used link');
});
