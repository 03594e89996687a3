// Her first steps (issue 17, items 4 and 5) on a 360 px phone, with and without JavaScript, in
// French and in Arabic (right to left): her first login shows the terms before anything else
// (her other pages lead back to them, her export does not wait); once accepted, the guide's four
// screens with their pictograms and progress dots; at its end she lands on her home, the next
// login goes straight home, and her settings lead back to the guide.
// @ts-check
const { test, expect, login, logout, proOnApi, openSafe, randomLetters } = require('./fixtures');

const PHONE = { width: 360, height: 740 };
const PASSWORD = 'le petit bateau rouge sur la mer';

/** Fails if the page scrolls sideways on the phone. */
async function fits(page) {
  const width = await page.evaluate(() => (document.scrollingElement || document.documentElement).scrollWidth);
  expect(width, `${page.url()}: no sideways scrolling`).toBeLessThanOrEqual(PHONE.width);
}

for (const lang of ['fr', 'ar']) {
  test.describe(`first steps (${lang})`, () => {
    test.use({ viewport: PHONE });

    test(`o her first login shows the terms then the guide (${lang})`, async ({ page, check, request }) => {
      test.setTimeout(120_000);
      const claire = await proOnApi(request);
      const { identifier } = await openSafe(request, claire, {
        first_name: 'Nour',
        last_name: `Haddad-${randomLetters(6)}`,
        birth_date: '1990-10-11',
        password: PASSWORD,
        language: lang,
      }, false);
      await claire.done();

      await page.goto('/login');
      await check('login');
      await login(page, { identifier, password: PASSWORD });
      await expect(page).toHaveURL(/\/terms$/);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('article.terms section')).toHaveCount(5);
      await expect(page.locator('#terms-accept form[action="/terms/accept"]')).toBeVisible();
      await fits(page);
      await check('terms to accept');
      // Her home waits for the terms.
      await page.goto('/home');
      await expect(page).toHaveURL(/\/terms$/);
      await check('home leads to the terms');
      await page.locator('#terms-accept button[type=submit]').click();
      await expect(page).toHaveURL(/\/guide$/);

      // The guide: four screens, each with its pictogram and the dots; Next is a plain link.
      for (let n = 1; n <= 4; n += 1) {
        await expect(page.locator('.guide-picture svg')).toBeVisible();
        await expect(page.locator('ol.guide-dots li')).toHaveCount(4);
        await expect(page.locator('ol.guide-dots li').nth(n - 1)).toHaveAttribute('aria-current', 'step');
        await fits(page);
        await check(`guide screen ${n}`);
        if (n < 4) {
          await page.locator('.guide-actions a.button').click();
          await expect(page).toHaveURL(new RegExp(`/guide\\?step=${n + 1}$`));
        }
      }
      await page.locator('.guide-actions button[type=submit]').click();
      await expect(page).toHaveURL(/\/home$/);
      await check('home');
      if (lang === 'fr') {
        await logout(page, check);
      } else {
        // The logout helper reads the French button: in Arabic, the same form.
        await page.locator('header form[action="/logout"] button[type=submit]').click();
        await expect(page.locator('header form[action="/logout"]')).toHaveCount(0);
        await check('logged out');
      }

      // The next login goes straight home; the guide is in her settings.
      await page.goto('/login');
      await check('login again');
      await login(page, { identifier, password: PASSWORD });
      await expect(page).toHaveURL(/\/home$/);
      await check('home again');
      await page.goto('/settings');
      await check('settings');
      await page.locator('a[href="/guide"]').click();
      await expect(page).toHaveURL(/\/guide$/);
      await check('guide from the settings');
      // Skip works too.
      await page.locator('.guide-actions form button[type=submit]').click();
      await expect(page).toHaveURL(/\/home$/);
      await check('home after skipping');
    });
  });
}
