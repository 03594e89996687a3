// Ready for the field (issue 13): what a person meets first, on a 360 × 740 phone, in French and
// in Arabic, with and without JavaScript. The recovery sheet printed in her language with French
// beside it, read back from its PDF (its text holds the site's address, its QR code decodes to
// the login page); the language picked on the login page kept after logging in, the picker
// going back to the page she was on; "show password" without JavaScript; identifier hints in
// Latin letters; the ready-made folders of a new safe.
// @ts-check
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const { PNG } = require('pngjs');
const jsQR = require('jsqr');
const { test, expect, DEMO, login, proOnApi, openSafe: openSafeAs, randomLetters } = require('./fixtures');

const PHONE = { width: 360, height: 740 };
const BASE = /** @type {string} */ (process.env.CONSIGNE_URL);
const PASSWORD = 'la mer est calme ce matin 27';

/** The text of a PDF file, as poppler reads it. */
function pdfText(pdfPath) {
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
}

/** The QR codes poppler's rendering of a PDF's first page shows, decoded. */
function pdfQr(pdfPath) {
  const prefix = pdfPath.replace(/\.pdf$/, '-page');
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', '-f', '1', '-l', '1', pdfPath, prefix]);
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return found ? found.data : null;
}

/** Opens a safe through the API as Claire (demo mode: no second factor); returns its login. */
async function openSafe(request, { firstName, language }) {
  const claire = await proOnApi(request);
  const { identifier } = await openSafeAs(request, claire, { first_name: firstName, last_name: `Nour-${randomLetters(6)}`, birth_date: '1993-08-17', password: PASSWORD, language });
  await claire.done();
  return { identifier, password: PASSWORD };
}

/** Logs out with the header's button, whatever the language. */
async function logoutAny(page, check) {
  await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/logout'),
    page.locator('header form[action="/logout"] button[type=submit]').click(),
  ]);
  await expect(page.locator('header form[action="/logout"]')).toHaveCount(0);
  await check('logged out');
}

/** Picks a language with the header's picker (its OK button: the page never reloads alone). */
async function pickLanguage(page, code) {
  await page.locator('#language-picker').selectOption(code);
  await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/language'),
    page.locator('header form.lang button[type=submit]').click(),
  ]);
  await page.waitForLoadState('load');
}

test.describe('ready for the field', () => {
  test.use({ viewport: PHONE });

  test('the recovery sheet prints in her language with French beside it, the address, a QR code and her relais', async ({ page, check, artifact }) => {
    await page.goto('/login');
    await check('login');
    await login(page, DEMO.claire);
    await expect(page).toHaveURL(/\/pro$/);
    await check('pro home');
    await page.locator('section.card', { has: page.locator('h2', { hasText: 'Accueil de jour Les Tilleuls' }) })
      .getByRole('link', { name: 'Ouvrir un coffre' }).click();
    await check('open safe form');
    await page.locator('#first_name').fill('Samira');
    await page.locator('#last_name').fill(`Haddad-${randomLetters(6)}`);
    await page.locator('#birth_date').fill('1991-04-12');
    await page.locator('#language').selectOption('ar');
    await page.locator('#choice-typed').check();
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#recovery-yes').check();
    await page.locator('#consent').check();
    await page.locator('main form button[type=submit]').click();

    // On screen: the page is Claire's (French), the sheet is hers (Arabic, then French).
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const sheet = page.locator('article.sheet');
    await expect(sheet).toHaveAttribute('lang', 'ar');
    await expect(sheet).toHaveAttribute('dir', 'rtl');
    await expect(sheet.locator('h1')).toContainText('ورقة الاسترجاع');
    await expect(sheet.locator('h1')).toContainText('Fiche de secours');
    await expect(sheet.locator('section.sheet-text[lang="ar"]')).toContainText('إذا نسيت كلمة المرور');
    await expect(sheet.locator('section.sheet-text[lang="fr"]')).toContainText('Si vous perdez votre mot de passe');
    const address = BASE.replace(/^https:\/\//, '').replace(/\/$/, '');
    await expect(page.locator('#sheet-address')).toHaveText(address);
    await expect(sheet.locator('.sheet-relay')).toContainText('Accueil de jour Les Tilleuls');
    await expect(sheet.locator('.sheet-relay')).toContainText('01 99 00 12 34');
    await check('recovery sheet in arabic and french');

    // On paper: one A4 page whose text holds the address and whose QR code opens the login page.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.site')).toBeHidden();
    await expect(page.locator('.actions.no-print')).toBeHidden();
    const pdfPath = artifact('recovery-sheet-ar.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pdf = fs.readFileSync(pdfPath);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
    expect(pages, 'the sheet fits on one printed page').toBe(1);
    const text = pdfText(pdfPath);
    fs.writeFileSync(artifact('recovery-sheet-ar.txt'), text);
    expect(text, 'the printed sheet holds the address').toContain(address);
    expect(text).toContain('Fiche de secours');
    expect(text).toContain('Accueil de jour Les Tilleuls');
    expect(text).toContain('01 99 00 12 34');
    expect(pdfQr(pdfPath), 'the printed QR code opens the login page').toBe(`${BASE.replace(/\/$/, '')}/login`);

    await page.getByRole('link', { name: 'Terminé' }).click();
    await check('pro home after');
    await logoutAny(page, check);
  });

  test('the language picked on the login page is kept, and the picker goes back where she was', async ({ page, check, request }) => {
    const person = await openSafe(request, { firstName: 'Yasmine', language: 'fr' });
    await page.goto('/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await check('login in french');
    // She picks Arabic: the login page again, in Arabic, the identifier's example in Latin letters.
    await pickLanguage(page, 'ar');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('#identifier-hint')).toContainText('amina.benali.14021990');
    await check('login in arabic');
    await login(page, person);
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await check('home in arabic');
    // On her papers, she switches to French: she stays on her papers.
    await page.goto('/documents');
    await check('papers in arabic');
    await pickLanguage(page, 'fr');
    await expect(page).toHaveURL(/\/documents$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await check('papers in french');
    await logoutAny(page, check);
  });

  test('a password can be shown, with or without JavaScript', async ({ page, check, jsEnabled }) => {
    await page.goto('/login');
    await check('login');
    const field = page.locator('#password');
    await field.fill('un secret bien gardé');
    const masked = () => field.evaluate((el) => el.getAttribute('type') === 'password'
      || getComputedStyle(el).getPropertyValue('-webkit-text-security') === 'disc');
    expect(await masked(), 'typed characters are hidden').toBe(true);
    const toggle = page.getByLabel('Afficher le mot de passe');
    await expect(toggle).toBeVisible();
    await toggle.check();
    expect(await masked(), 'shown once the box is ticked').toBe(false);
    if (jsEnabled) await expect(field).toHaveAttribute('type', 'text');
    await toggle.uncheck();
    expect(await masked(), 'hidden again').toBe(true);
    await expect(field).toHaveValue('un secret bien gardé');
    await check('login with the toggle');
  });

  test('a new safe has ready-made folders with pictograms, named in her language', async ({ page, check, request }) => {
    const person = await openSafe(request, { firstName: 'Leila', language: 'ar' });
    await page.goto('/login');
    await check('login');
    await login(page, person);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await check('home');
    await page.goto('/documents');
    const folders = page.locator('ul.folders li');
    await expect(folders).toHaveCount(6);
    await expect(folders.locator('svg.icon')).toHaveCount(6);
    await expect(page.locator('ul.folders')).toContainText('الهوية');
    await expect(page.locator('ul.folders')).toContainText('الصحة');
    await check('ready-made folders');
    await logoutAny(page, check);
  });
});
