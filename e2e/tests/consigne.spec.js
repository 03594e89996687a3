// The main journeys of Consigne in a real browser, in French as a person in France sees them.
// Runs once with JavaScript and once without (projects "js" and "nojs" in playwright.config.js),
// against one `consigne demo` server that e2e/run.sh starts fresh.
// @ts-check
const fs = require('node:fs');
const { test, expect, DEMO, login, logout, randomLetters } = require('./fixtures');

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 640 };
const TILLEULS = 'Accueil de jour Les Tilleuls';
const CCAS = 'CCAS de Montreuil';

test.describe('a safe opened by a professional', () => {
  // Scenario b logs in with what scenario a printed: they run in this order, and b fails if a did.
  test.describe.configure({ mode: 'serial' });

  /** The safe opened in scenario a (one per run: the js and nojs runs share the server). */
  const person = {
    firstName: 'Léa',
    lastName: '',
    birthDate: '1987-06-05',
    password: 'lune rousse sur le canal 42',
    identifier: '',
  };

  test.describe('desktop', () => {
    test.use({ viewport: DESKTOP });

    test('a professional opens a safe and prints the recovery sheet', async ({ page, check, artifact, jsEnabled }) => {
      const suffix = randomLetters(6);
      person.lastName = `Dupré-${suffix[0].toUpperCase()}${suffix.slice(1)}`;

      await page.goto('/');
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page.locator('h1')).toHaveText(/Se connecter/);
      await check('login');

      await login(page, DEMO.claire);
      await expect(page).toHaveURL(/\/pro$/);
      // Demo mode: no second factor, and a banner says so.
      await expect(page.locator('.demo-banner')).toContainText('sans second facteur');
      await expect(page.locator('h1')).toHaveText(/^Bonjour Claire/);
      const structure = page.locator('section.card', { has: page.locator('h2', { hasText: TILLEULS }) });
      await expect(structure).toHaveCount(1);
      await check('pro home');

      const open = structure.getByRole('link', { name: 'Ouvrir un coffre' });
      await expect(open).toHaveAttribute('href', /^\/pro\/s\/[^/]+\/open$/);
      await open.click();
      await expect(page).toHaveURL(/\/pro\/s\/[^/]+\/open$/);
      await expect(page.locator('h1')).toContainText('Ouvrir un coffre');
      await check('open safe form');

      await page.locator('#first_name').fill(person.firstName);
      await page.locator('#last_name').fill(person.lastName);
      await page.locator('#birth_date').fill(person.birthDate);
      await page.locator('#phone').fill('06 12 34 56 78');
      await page.locator('#language').selectOption('fr');
      await page.locator('#choice-typed').check();
      await expect(page.locator('#password')).toBeEnabled();
      await page.locator('#password').fill(person.password);
      await page.locator('#consent').check();
      await Promise.all([
        page.waitForResponse((r) => /\/pro\/s\/[^/]+\/open$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST'),
        page.locator('main form button[type=submit]').click(),
      ]).then(([r]) => expect(r.status(), 'opening the safe').toBe(200));

      // The recovery sheet.
      await expect(page.locator('h1')).toContainText('Fiche de secours');
      await expect(page.locator('.sheet-name')).toContainText(person.lastName);
      const identifier = (await page.locator('#sheet-identifier').innerText()).trim();
      const expected = `${fold(person.firstName)}.${fold(person.lastName)}.05061987`;
      expect(identifier.startsWith(expected), `identifier "${identifier}" is first name, last name, birth date, folded ("${expected}")`).toBe(true);
      const code = (await page.locator('#sheet-recovery-code').innerText()).trim();
      expect(code.replace(/[^A-Za-z0-9]/g, '').length, `recovery code "${code}" (≥ 100 bits)`).toBeGreaterThanOrEqual(20);
      await expect(page.locator('#sheet-identifier')).toBeVisible();
      await expect(page.locator('#sheet-recovery-code')).toBeVisible();
      // A typed password is never shown back.
      await expect(page.locator('#sheet-passphrase')).toHaveCount(0);
      await expect(page.locator('main')).not.toContainText(person.password);
      person.identifier = identifier;
      await check('recovery sheet');

      // Printing: a button with JavaScript, the browser's menu (and a hint saying so) without.
      const printButton = page.locator('button.js-print');
      if (jsEnabled) {
        await expect(printButton).toBeVisible();
        await expect(page.locator('.no-js-only')).toBeHidden();
        await page.evaluate(() => {
          // @ts-ignore
          window.__printed = 0;
          // @ts-ignore
          window.print = () => { window.__printed += 1; };
        });
        await printButton.click();
        // @ts-ignore
        expect(await page.evaluate(() => window.__printed), 'the print button opens the print dialog').toBe(1);
      } else {
        await expect(printButton).toBeHidden();
        await expect(page.locator('.no-js-only')).toBeVisible();
        await expect(page.locator('.no-js-only')).toContainText('Imprimer');
      }
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('header.site')).toBeHidden();
      await expect(page.locator('.demo-banner')).toBeHidden();
      await expect(page.locator('.actions.no-print')).toBeHidden();
      await expect(page.locator('#sheet-identifier')).toBeVisible();
      await expect(page.locator('#sheet-recovery-code')).toBeVisible();
      await page.screenshot({ path: artifact('recovery-sheet-print.png'), fullPage: true });
      const pdfPath = artifact('recovery-sheet.pdf');
      await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      const pdf = fs.readFileSync(pdfPath);
      expect(pdf.subarray(0, 5).toString('latin1'), 'a PDF file').toBe('%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
      expect(pages, 'the recovery sheet fits on one printed page').toBe(1);

      // "Done": back to the structure, which now follows the new person.
      await page.getByRole('link', { name: 'Terminé' }).click();
      await expect(page).toHaveURL(/\/pro$/);
      await expect(structure.locator('ul.people')).toContainText(`${person.lastName} ${person.firstName} · 1987-06-05`);
      await check('pro home with the new person');

      await logout(page, check);
      // The session is gone: the pro pages send back to the login page.
      await page.goto('/pro');
      await expect(page).toHaveURL(/\/login$/);
      await check('login after logout');
    });
  });

  test.describe('phone', () => {
    test.use({ viewport: PHONE });

    test('b the new person logs in on a phone and sees her relais', async ({ page, check }) => {
      expect(person.identifier, 'scenario a gave an identifier').not.toBe('');
      await page.goto('/login');
      await check('login');

      await login(page, { identifier: person.identifier, password: person.password });
      await expect(page).toHaveURL(/\/home$/);
      await expect(page.locator('h1')).toHaveText(`Bonjour ${person.firstName}`);
      const tiles = page.locator('nav.tiles');
      await expect(tiles.getByRole('link', { name: 'Mes relais' })).toBeVisible();
      await expect(tiles.getByRole('link', { name: 'Mon compte' })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await check('home');

      await tiles.getByRole('link', { name: 'Mes relais' }).click();
      await expect(page).toHaveURL(/\/relays$/);
      await expect(page.locator('h1')).toContainText('Mes relais');
      await expect(page.locator('section.card h2', { hasText: TILLEULS })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await check('relays');

      await logout(page, check);
    });
  });
});

test.describe('phone', () => {
  test.use({ viewport: PHONE });

  test('c Amina answers the invitation of the CCAS', async ({ page, check, jsEnabled }) => {
    await page.goto('/login');
    await check('login');
    await login(page, DEMO.amina);
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.locator('h1')).toHaveText('Bonjour Amina');
    await check('home');

    await page.locator('nav.tiles').getByRole('link', { name: 'Mes relais' }).click();
    await expect(page).toHaveURL(/\/relays$/);
    const invitation = page.locator('.row', { hasText: `${CCAS} souhaite vous suivre` });
    const relay = page.locator('section.card', { has: page.locator('h2', { hasText: CCAS }) });
    if (jsEnabled) {
      // The js run is the one that accepts: on a fresh demo server the invitation is pending,
      // whether or not the nojs run (which never accepts) went first.
      await expect(invitation, 'pending invitation (needs a fresh `consigne demo` server)').toBeVisible();
      await expect(relay).toHaveCount(0);
      await check('relays with invitation');

      await Promise.all([
        page.waitForResponse((r) => /\/invitations\/[^/]+\/accept$/.test(new URL(r.url()).pathname)),
        invitation.getByRole('button', { name: 'Accepter' }).click(),
      ]);
      await expect(page).toHaveURL(/\/relays$/);
      await expect(invitation).toHaveCount(0);
      await expect(relay).toBeVisible();
      await expect(relay).toContainText('Depuis le');
      await check('relays after accepting');
    } else {
      // Listed if the js run has not accepted it yet, a relais if it has.
      await expect(invitation.or(relay).first()).toBeVisible();
      const pending = await invitation.count();
      if (pending > 0) {
        await expect(invitation.getByRole('button', { name: 'Accepter' })).toBeVisible();
        await expect(invitation.getByRole('button', { name: 'Refuser' })).toBeVisible();
        await expect(relay).toHaveCount(0);
      } else {
        await expect(relay).toBeVisible();
      }
      await check(pending > 0 ? 'relays with invitation' : 'relays after accepting');
    }
    await logout(page, check);
  });

  test('d a wrong password is explained, and the login page speaks English', async ({ page, check, jsEnabled }) => {
    await page.goto('/login');
    await check('login');

    const response = await login(page, { identifier: DEMO.john.identifier, password: 'not the right password at all' });
    expect(response.status(), 'wrong password: 401, not a crash').toBe(401);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator('main [role=alert]')).toContainText('Identifiant ou mot de passe incorrect');
    await expect(page.locator('#identifier')).toHaveValue(DEMO.john.identifier);
    await expect(page.locator('#password')).toHaveValue('');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await check('wrong password');

    const picker = page.locator('#language-picker');
    await expect(picker).toHaveValue('fr');
    const changed = page.waitForResponse((r) => new URL(r.url()).pathname === '/language' && r.request().method() === 'POST');
    await picker.selectOption('en');
    // Choosing alone never reloads the page (WCAG 3.2.2): the OK button applies it.
    await page.locator('form.lang button[type=submit]').click();
    expect((await changed).status(), 'POST /language redirects').toBe(303);
    await page.waitForURL(/\/login$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.locator('h1')).toHaveText(/Log in/);
    await expect(page.locator('#language-picker')).toHaveValue('en');
    await check('login in english');

    // The choice is remembered.
    await page.goto('/recover');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await check('recover in english');
  });
});

test.describe('desktop', () => {
  test.use({ viewport: DESKTOP });

  test('e the platform admin sees the structures', async ({ page, check }) => {
    await page.goto('/login');
    await check('login');
    await login(page, DEMO.admin);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.locator('h1')).toHaveText(/Structures/);
    const list = page.locator('ul.people');
    await expect(list.getByRole('link', { name: TILLEULS })).toBeVisible();
    await expect(list).toContainText(CCAS);
    await expect(page.locator('form[action="/admin/structures"]')).toBeVisible();
    await check('structures');

    await list.getByRole('link', { name: TILLEULS }).click();
    await expect(page).toHaveURL(/\/s\/[^/]+\/team$/);
    await expect(page.locator('h1')).toContainText(TILLEULS);
    await expect(page.locator('main')).toContainText('Claire Martin');
    await check('structure team');

    await logout(page, check);
  });
});

// The accessibility check itself: it must see what the page shows, with or without JavaScript,
// or every "no violation" above would mean nothing.
test('z the accessibility check catches a broken page', async ({ page, axe, artifact }) => {
  await page.goto('/login');
  await page.evaluate(() => {
    const main = document.querySelector('main');
    const img = document.createElement('img');
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    img.id = 'planted-image';
    const button = document.createElement('button');
    button.id = 'planted-button';
    main?.append(img, button);
  });
  await page.screenshot({ path: artifact('planted-violations.png'), fullPage: true });
  const violations = await axe(page);
  const found = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
  expect(found).toContainEqual(expect.stringMatching(/^image-alt: .*#planted-image/));
  expect(found).toContainEqual(expect.stringMatching(/^button-name: .*#planted-button/));
});

/** The identifier's spelling of a name: lowercase, no accents, letters and digits only. */
function fold(s) {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A 360 px wide phone must not have to scroll sideways. */
async function expectNoHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'page width on a 360 px phone').toBeLessThanOrEqual(client);
}
