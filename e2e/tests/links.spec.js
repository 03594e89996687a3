// Share links (issue 16, item 5) on a phone, with and without JavaScript: she makes a 1-hour link
// with a PIN to a paper of her safe and sees its QR code; a browser without a session opens the
// link, is asked the PIN, gets the paper; once she revokes the link, it is the "not found" page.
// @ts-check
const { test, expect, DEMO, login, randomLetters, photoOf } = require('./fixtures');

const PHONE = { width: 360, height: 740 };
const PIN = '2468';

/** Fails on axe-core's serious or critical findings on what `page` shows now. */
async function axeClean(axe, page, name) {
  const violations = await axe(page);
  const failing = violations.filter((v) => ['serious', 'critical'].includes(v.impact || ''));
  expect(failing, `axe-core on "${name}" (${page.url()})`).toEqual([]);
}

test.describe('share links on a phone', () => {
  test.use({ viewport: PHONE });

  test('l she makes a link with a PIN, a counter opens it, she revokes it', async ({ page, check, browser, axe, jsEnabled }) => {
    test.setTimeout(150_000);
    const name = `Attestation ${randomLetters(6)}`;
    const bytes = await photoOf(browser, 'Attestation');

    await page.goto('/login');
    await check('login');
    await login(page, DEMO.amina);
    await expect(page).toHaveURL(/\/home$/);
    await check('home');
    await page.goto('/documents');
    await check('papers');
    await page.locator('summary', { hasText: 'Ajouter un fichier' }).click();
    await page.locator('#upload-file').setInputFiles({ name: 'attestation.jpg', mimeType: 'image/jpeg', buffer: bytes });
    await page.locator('#upload-name').fill(name);
    await page.locator('form.upload button[type=submit]').click();
    await page.waitForURL((u) => /^\/documents\/[^/]+$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split('/')[2];
    await check('the paper');

    // A link for one hour, with a PIN told orally.
    const form = page.locator(`form[action="/documents/${id}/links"]`);
    await expect(form.locator('#link-expires')).toHaveValue('60');
    await form.locator('#link-pin').fill(PIN);
    await form.getByRole('button', { name: 'Créer un lien' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('.notice.success')).toContainText('Lien créé');
    await expect(page.locator('div.qr svg')).toBeVisible();
    const url = await page.locator('#link-url').inputValue();
    expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    const linkPath = new URL(url).pathname;
    await check('the link and its QR code');

    // Someone at a counter, without an account.
    const counter = await browser.newContext({ javaScriptEnabled: jsEnabled, viewport: PHONE, locale: 'fr-FR' });
    const other = await counter.newPage();
    await other.goto(linkPath);
    await expect(other.locator('h1')).toContainText(name);
    await expect(other.locator('#link-pin')).toBeVisible();
    await axeClean(axe, other, 'the link asks the PIN');
    await other.locator('#link-pin').fill('1357');
    await other.getByRole('button', { name: 'Voir le document' }).click();
    await other.waitForLoadState('load');
    await expect(other.locator('[role=alert]')).toContainText('Code PIN erroné');
    await axeClean(axe, other, 'a wrong PIN');
    await other.locator('#link-pin').fill(PIN);
    const [served] = await Promise.all([
      other.waitForResponse((r) => r.url().endsWith(`${linkPath}/content`) && r.request().method() === 'POST'),
      other.getByRole('button', { name: 'Voir le document' }).click(),
    ]);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/jpeg');
    // The stored photo (re-encoded at upload: a JPEG still).
    expect([...(await served.body()).subarray(0, 2)]).toEqual([0xff, 0xd8]);

    // She sees the opening, then revokes the link.
    await page.goto(`/documents/${id}`);
    await expect(page.locator('#links li.link')).toHaveCount(1);
    await expect(page.locator('#links li.link')).toContainText('Ouvert 1 fois');
    await check('her paper with its link');
    await page.locator('#links').getByRole('button', { name: 'Supprimer le lien' }).click();
    await page.waitForURL((u) => u.pathname === `/documents/${id}`);
    await expect(page.locator('.notice.success')).toContainText('Lien supprimé');
    await expect(page.locator('#links li.link')).toHaveCount(0);
    await check('the link revoked');

    const gone = await other.goto(linkPath);
    expect(gone?.status()).toBe(404);
    await expect(other.locator('h1')).toContainText('Page introuvable');
    await axeClean(axe, other, 'the revoked link');
    await counter.close();

    await page.goto('/journal');
    await expect(page.locator('ol.journal li').filter({ hasText: `Quelqu'un a ouvert « ${name} » par un lien de partage.` })).toHaveCount(1);
    await check('her journal');
  });
});
