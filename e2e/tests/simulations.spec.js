// Benefit simulation (issue 15, item 2): Claire opens the person's file, runs a simulation for
// her on the one-page mode (the questions and the answers side by side), sees the RSA eligible
// with its amount and prints the recap, which comes out in the person's language (Arabic,
// right to left). The person then finds the same simulation in her safe, in Arabic, with the
// same amount. On a desktop and on a 360 px phone, with and without JavaScript (projects "js"
// and "nojs"), axe-core on every page.
// @ts-check
const { test, expect, login, logout, proOnApi, openSafe, proHome, expectNoHorizontalScroll, randomLetters } = require('./fixtures');

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 360, height: 740 }],
]) {
  test.describe(`the benefit simulation on a ${label}`, () => {
    test.use({ viewport });

    test(`a professional simulates her rights, she finds them in her safe (${label})`, async ({ page, check, request }) => {
      test.setTimeout(180_000);
      const suffix = randomLetters(6);
      const lastName = `Mansour-${suffix[0].toUpperCase()}${suffix.slice(1)}`;
      const password = 'le vent du nord souffle fort 19';
      const claire = await proOnApi(request);
      const person = await openSafe(request, claire, { first_name: 'Samira', last_name: lastName, birth_date: '1986-03-14', password, language: 'ar' });
      await claire.done();

      // Claire, from Samira's file, runs the simulation with her.
      await proHome(page, check);
      await page.goto(`/pro/b/${person.id}`);
      await expect(page.locator('h1')).toContainText(`Samira ${lastName}`);
      await check('her file');
      await page.locator(`a[href="/pro/b/${person.id}/rights"]`).click();
      await page.waitForURL((u) => u.pathname === `/pro/b/${person.id}/rights`);
      await expect(page.locator('h1')).toHaveText('Simulation des droits');
      await expect(page.locator('input[name=child]')).toHaveCount(6);
      await expectNoHorizontalScroll(page);
      await check('one-page mode, empty');
      await expect(page.locator('#f-nationality-fr')).toBeChecked();
      await page.locator('#f-housing-homeless').check();
      await page.locator('#f-r_self_wages_1').fill('200');
      await page.locator('#f-r_self_wages_2').fill('250');
      await page.locator('#f-r_self_wages_3').fill('300');
      await page.getByRole('button', { name: 'Voir mes droits' }).click();
      await page.waitForURL((u) => u.pathname === `/pro/b/${person.id}/rights` && u.searchParams.get('sim') !== null);
      const rsa = page.locator('#benefit-rsa');
      await expect(rsa.locator('.verdict.eligible')).toContainText('Vous pouvez la recevoir');
      const amount = (await rsa.locator('.amount').innerText()).trim();
      expect(amount).toMatch(/^\d+,\d{2} € par mois$/);
      const figure = amount.split(' ')[0];
      expect(Number(figure.replace(',', '.'))).toBeGreaterThan(300);
      // The questions stay beside the answers, filled with what was asked.
      await expect(page.locator('#f-r_self_wages_2')).toHaveValue('250');
      await expect(page.locator('#benefit-css')).toBeVisible();
      await expectNoHorizontalScroll(page);
      await check('one-page mode, results');

      // The recap prints in her language.
      await page.locator(`a[href$="/print"]`).first().click();
      await page.waitForURL((u) => u.pathname.endsWith('/print'));
      const recap = page.locator('article.recap');
      await expect(recap).toHaveAttribute('lang', 'ar');
      await expect(recap).toHaveAttribute('dir', 'rtl');
      await expect(recap.locator('h1')).toContainText('ملخص حقوقي');
      await expect(recap).toContainText(`Samira ${lastName}`);
      await expect(recap.locator('#benefit-rsa .amount')).toContainText(figure);
      await expectNoHorizontalScroll(page);
      await check('printable recap in Arabic');
      await logout(page, check);

      // Samira, in Arabic, finds it in her safe.
      await page.goto('/login');
      await check('login');
      await login(page, { identifier: person.identifier, password });
      await expect(page).toHaveURL(/\/home$/);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await check('her home in Arabic');
      await page.locator('nav.tiles a.tile', { hasText: 'حقوقي' }).click();
      await page.waitForURL((u) => u.pathname === '/rights');
      await expect(page.locator('h1')).toHaveText('حقوقي');
      const made = page.locator('ul.simulations li');
      await expect(made).toHaveCount(1);
      await expectNoHorizontalScroll(page);
      await check('her rights page');
      await made.locator('a').click();
      await page.waitForURL((u) => /^\/rights\/[0-9a-f-]{36}$/.test(u.pathname));
      await expect(page.locator('#benefit-rsa .verdict.eligible')).toContainText('يمكنك الحصول عليها');
      await expect(page.locator('#benefit-rsa .amount')).toContainText(figure);
      // Shared with Les Tilleuls, who made it.
      await expect(page.locator('input[name=sid]').first()).toBeChecked();
      await expectNoHorizontalScroll(page);
      await check('her simulation');
    });
  });
}
