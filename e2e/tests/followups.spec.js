// Follow-ups (issue 14, item 2): a professional writes a report with a part shared with the
// person and a part private to the structure; the person logs in and reads the shared part only,
// and her journal says who wrote it. On a desktop and on a 360 px phone, with and without
// JavaScript (projects "js" and "nojs"), axe-core on every page.
// @ts-check
const { test, expect, DEMO, login, logout, randomLetters, openFollowed } = require('./fixtures');

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 360, height: 740 }],
]) {
  test.describe(`follow-ups on a ${label}`, () => {
    test.use({ viewport });

    test(`f a report shared in part with her (${label})`, async ({ page, check }) => {
      test.setTimeout(120_000);
      const shared = `Dossier logement déposé ${randomLetters(6)}`;
      const secret = `Note interne ${randomLetters(6)}`;

      await page.goto('/login');
      await check('login');
      await login(page, DEMO.claire);
      await expect(page).toHaveURL(/\/pro$/);
      await check('pro home');
      await openFollowed(page, check, 'Amina');
      const bid = new URL(page.url()).pathname.split('/')[3];
      await check('her file');
      await page.getByRole('link', { name: 'Voir et écrire les comptes rendus' }).click();
      await expect(page).toHaveURL(new RegExp(`/pro/b/${bid}/followups$`));
      await check('follow-ups');
      // The demo's reports are there, both parts.
      await expect(page.locator('article.followup').first()).toBeVisible();
      await page.locator('#f-medium').selectOption('home_visit');
      await page.getByRole('checkbox', { name: 'Logement' }).check();
      await page.locator('#f-status').selectOption('todo');
      await page.locator('#f-shared').fill(shared);
      await page.locator('#f-private').fill(secret);
      await page.getByRole('button', { name: 'Enregistrer le compte rendu' }).click();
      await page.waitForLoadState('load');
      await expect(page).toHaveURL(new RegExp(`/pro/b/${bid}/followups#f-`));
      const report = page.locator('article.followup', { hasText: shared });
      await expect(report).toHaveCount(1);
      await expect(report.locator('p.followup-text.private')).toHaveText(secret);
      await expect(report).toContainText('Visite à domicile');
      await expect(report).toContainText('Logement');
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, 'page width').toBeLessThanOrEqual(client);
      await check('report written');
      // The agenda of the week, where the demo's due date is.
      await page.goto('/pro');
      await check('pro home again');
      await page.getByRole('link', { name: 'Agenda' }).first().click();
      await expect(page.locator('h1')).toContainText('Semaine du');
      await check('agenda');
      await logout(page, check);

      await page.goto('/login');
      await check('login again');
      await login(page, DEMO.amina);
      await expect(page).toHaveURL(/\/home$/);
      await check('her home');
      await page.getByRole('link', { name: 'Comptes rendus', exact: true }).click();
      await expect(page).toHaveURL(/\/followups$/);
      await expect(page.locator('article.followup', { hasText: shared })).toHaveCount(1);
      await expect(page.locator('body')).not.toContainText(secret);
      await expect(page.locator('body')).not.toContainText('Note interne');
      await expect(page.locator('body')).not.toContainText('Droits RSA probables');
      await check('her reports');
      await page.goto('/journal');
      await expect(page.locator('ol.journal li', { hasText: 'a écrit le compte rendu de votre rendez-vous' }).first()).toBeVisible();
      await check('her journal');
      await logout(page, check);
    });
  });
}
