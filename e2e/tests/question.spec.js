// The optional security question (issue 17, item 7) on a phone, with and without JavaScript: she
// chooses a ready-made question in her settings (the page says its weakness), logs out, recovers
// with the answer typed in another case and without accents (the question is never shown before
// she is logged in), logs in with the new password and is told how her password changed.
// @ts-check
const { test, expect, login, logout, proOnApi, openSafe, randomLetters } = require('./fixtures');

const PHONE = { width: 360, height: 740 };
const PASSWORD = 'un vélo rouge sous la pluie fine';
const NEW_PASSWORD = 'trois oiseaux sur le toit bleu';

test.describe('security question on a phone', () => {
  test.use({ viewport: PHONE });

  test('q she sets a security question and recovers her safe with it', async ({ page, check, request }) => {
    test.setTimeout(120_000);
    const claire = await proOnApi(request);
    const { identifier } = await openSafe(request, claire, {
      first_name: 'Maëlle',
      last_name: `Rivière-${randomLetters(6)}`,
      birth_date: '1991-04-12',
      password: PASSWORD,
      language: 'fr',
    });
    await claire.done();

    await page.goto('/login');
    await check('login');
    await login(page, { identifier, password: PASSWORD });
    await expect(page).toHaveURL(/\/home$/);
    await check('home');
    await page.goto('/settings');
    await check('settings');
    await page.getByRole('link', { name: 'Ma question secrète' }).click();
    await expect(page).toHaveURL(/\/settings\/question$/);
    await expect(page.locator('main')).toContainText('vos proches peuvent connaître ou deviner la réponse');
    await check('security question');
    await page.locator('label[for="preset-2"]').click();
    await page.locator('#answer').fill('Saint-Étienne');
    await page.locator('form[action="/settings/question"] button[type=submit]').click();
    await page.waitForLoadState('load');
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.locator('.notice.success')).toBeVisible();
    await check('saved');
    await page.goto('/settings/question');
    await expect(page.locator('#her-question')).toContainText('Dans quelle ville votre mère est-elle née ?');
    await check('her question');
    await logout(page, check);

    // Lost password: the recovery page leads to the question's; the question is not shown.
    await page.goto('/login');
    await check('login again');
    await page.getByRole('link', { name: 'Mot de passe perdu ?' }).click();
    await check('recover');
    await page.getByRole('link', { name: "J'ai choisi une question secrète" }).click();
    await expect(page).toHaveURL(/\/recover\/question$/);
    await expect(page.locator('main')).not.toContainText('Dans quelle ville');
    await check('recover with the question');
    // A wrong answer first: the same message as an unknown identifier.
    await page.locator('#identifier').fill(identifier);
    await page.locator('#answer').fill('Lyon');
    await page.locator('#new_password').fill(NEW_PASSWORD);
    await page.locator('form[action="/recover/question"] button[type=submit]').click();
    await page.waitForLoadState('load');
    await expect(page.locator('main')).toContainText('Identifiant ou réponse incorrects');
    await check('wrong answer');
    await page.locator('#answer').fill('  SAINT etienne ');
    await page.locator('#new_password').fill(NEW_PASSWORD);
    await page.locator('form[action="/recover/question"] button[type=submit]').click();
    await page.waitForLoadState('load');
    await expect(page.locator('h1')).toContainText('Nouveau mot de passe enregistré');
    await expect(page.locator('main')).toContainText('Votre fiche de secours marche toujours');
    await check('password changed');

    await page.goto('/login');
    await check('login with the new password');
    await login(page, { identifier, password: NEW_PASSWORD });
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.locator('main')).toContainText('avec votre question secrète');
    await check('home after the recovery');
  });
});
