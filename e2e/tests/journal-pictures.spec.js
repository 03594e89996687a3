// Her journal in pictures (issue 13, item 14): a pictogram beside every line, the relais named
// when she shares a paper with it, her own repeated views of a paper on one line for the day.
// Runs with and without JavaScript (projects "js" and "nojs") on a phone.
// @ts-check
const { test, expect, DEMO, login, logout, randomLetters, photoOf } = require('./fixtures');

const PHONE = { width: 360, height: 740 };
const TILLEULS = 'Accueil de jour Les Tilleuls';

test.describe('her journal on a phone', () => {
  test.use({ viewport: PHONE });

  test('j her journal in pictures, the relais named, her views grouped', async ({ page, check, browser }) => {
    test.setTimeout(120_000);
    const name = `Passeport ${randomLetters(6)}`;
    const bytes = await photoOf(browser, 'Passeport');

    await page.goto('/login');
    await check('login');
    await login(page, DEMO.amina);
    await expect(page).toHaveURL(/\/home$/);
    await check('home');
    await page.goto('/documents');
    await check('papers');
    await page.locator('summary', { hasText: 'Ajouter un fichier' }).click();
    await page.locator('#upload-file').setInputFiles({ name: 'passeport.jpg', mimeType: 'image/jpeg', buffer: bytes });
    await page.locator('#upload-name').fill(name);
    await page.locator('form.upload button[type=submit]').click();
    await page.waitForURL((u) => /^\/documents\/[^/]+$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split('/')[2];
    await expect(page.locator('p.preview img')).toBeVisible();
    await check('the photo');
    // She looks at it again, twice.
    for (let i = 0; i < 2; i += 1) {
      await page.goto(`/documents/${id}`);
      await expect(page.locator('p.preview img')).toBeVisible();
      await check('the photo again');
    }
    // And shares it with Les Tilleuls.
    await page.getByRole('checkbox', { name: TILLEULS }).check();
    await page.locator(`form[action="/documents/${id}/shares"]`).getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForLoadState('load');
    await expect(page.getByRole('checkbox', { name: TILLEULS })).toBeChecked();
    await check('the photo shared');

    await page.goto('/journal');
    const lines = page.locator('ol.journal li');
    // Her views of the day: one line, counted.
    const views = lines.filter({ hasText: `« ${name} » regardé` });
    await expect(views).toHaveCount(1);
    await expect(views).toHaveText(new RegExp(`« ${name} » regardé \\d+ fois \\(vous\\)\\.`));
    // The relais she shared it with, named.
    await expect(lines.filter({ hasText: `« ${name} » partagé avec ${TILLEULS} (vous).` })).toHaveCount(1);
    // A pictogram on every line, hidden from screen readers (the words say the same).
    const count = await lines.count();
    expect(count).toBeGreaterThan(3);
    await expect(page.locator('ol.journal li .journal-icon svg[aria-hidden="true"]')).toHaveCount(count);
    // A view, a share and an upload each have their own.
    const picture = async (text) => lines.filter({ hasText: text }).first().locator('.journal-icon path').getAttribute('d');
    const seen = await picture(`« ${name} » regardé`);
    const shared = await picture(`« ${name} » partagé`);
    const added = await picture(`« ${name} » ajouté`);
    expect(new Set([seen, shared, added]).size, 'three kinds, three pictures').toBe(3);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll, 'page width on a 360 px phone').toBeLessThanOrEqual(client);
    await check('journal in pictures');
    await logout(page, check);
  });
});
