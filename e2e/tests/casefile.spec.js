// The case file (issue 14, items 1 and 4): Claire opens Amina's case file from her page, changes
// her situation with the plain form, hands her over to her colleague Sofia with a note; the
// history names who changed what; Sofia finds Amina under "Mes personnes". On a 360 px phone and
// on a desktop, with and without JavaScript (projects "js" and "nojs"), axe-core on every page.
// @ts-check
const { test, expect, DEMO, login, logout, randomLetters, openFollowed } = require('./fixtures');

const SOFIA = { identifier: 'sofia.lopes@tilleuls.demo.consigne.example', password: 'demo sofia reprend le relais' };

for (const [device, viewport] of [
  ['phone', { width: 360, height: 740 }],
  ['desktop', { width: 1280, height: 900 }],
]) {
  test.describe(`the case file on a ${device}`, () => {
    test.use({ viewport });

    test(`cf case file, history and hand-over (${device})`, async ({ page, check }) => {
      test.setTimeout(120_000);
      const nationality = `Nation ${randomLetters(8)}`;
      const note = `Relais ${randomLetters(8)}`;

      await page.goto('/login');
      await check('login');
      await login(page, DEMO.claire);
      await expect(page).toHaveURL(/\/pro$/);
      await check('pro home');
      await openFollowed(page, check, 'Amina');
      await check('her page');
      await page.locator('#dossier a').first().click();
      await page.waitForURL((u) => /\/dossier\//.test(u.pathname));
      await expect(page.locator('h1')).toContainText('Amina Benali');
      // The demo's hand-over is in the history.
      await expect(page.locator('#history')).toContainText('Sofia Lopes');
      await check('her case file');

      // A change of situation, with the plain form.
      await page.locator('#housing').selectOption('hotel');
      await page.locator('#nationality').fill(nationality);
      await page.locator('#resource_kind_0').selectOption('rsa');
      await page.locator('#resource_amount_0').fill('607');
      await page.locator('#situation button[type=submit]').click();
      await page.waitForLoadState('load');
      await expect(page.locator('dl')).toContainText(nationality);
      await expect(page.locator('#history li').first()).toContainText('Claire Martin');
      await expect(page.locator('#history')).toContainText(nationality);
      await check('situation changed');

      // A hand-over to Sofia, with a note.
      await page.locator('#referent_id').selectOption({ label: 'Sofia Lopes' });
      await page.locator('#note').fill(note);
      await page.locator('#referent button[type=submit]').click();
      await page.waitForLoadState('load');
      await expect(page.locator('#history li').first()).toContainText(note);
      await expect(page.locator('#history li').first()).toContainText('Sofia Lopes');
      await check('handed over');
      await logout(page, check);

      // Sofia, the referent, finds her under "Mes personnes".
      await page.goto('/login');
      await check('login again');
      await login(page, SOFIA);
      await expect(page).toHaveURL(/\/pro$/);
      await check('sofia home');
      await page.locator('nav.filters a', { hasText: 'Mes personnes' }).first().click();
      await page.waitForLoadState('load');
      await expect(page.locator('nav.filters a[aria-current=page]').first()).toHaveText('Mes personnes');
      await expect(page.locator('ul.people')).toContainText('Benali');
      await check('my people');
      await logout(page, check);
    });
  });
}
