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
      // Asked with her, never assumed: whether this relais may help her get back in.
      await expect(page.locator('#recovery-relay')).toContainText('pourrait ouvrir son coffre');
      await expect(page.locator('#recovery-yes')).not.toBeChecked();
      await page.locator('#recovery-yes').check();
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
      await expect(structure.locator('ul.people')).toContainText(`${person.lastName} ${person.firstName} · 05/06/1987`);
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
      // Her first login (issue 17): the terms to accept, then the guide, which she skips.
      await expect(page).toHaveURL(/\/terms$/);
      await expect(page.locator('#terms-restitution')).toContainText('L103');
      await expectNoHorizontalScroll(page);
      await check('terms to accept');
      await page.getByRole('button', { name: "J'ai lu et j'accepte" }).click();
      await expect(page).toHaveURL(/\/guide$/);
      await expectNoHorizontalScroll(page);
      await check('guide');
      await page.getByRole('button', { name: 'Passer' }).click();
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

  test('g Amina adds an appointment with an SMS reminder', async ({ page, check, jsEnabled }) => {
    const title = `Préfecture ${jsEnabled ? 'js' : 'nojs'} ${randomLetters(4)}`;
    // Ten days from now, at 09:30 (typed in local time, shown back the same).
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await loginAs(page, check, DEMO.amina, /\/home$/);
    await page.locator('nav.tiles').getByRole('link', { name: 'Mes rendez-vous' }).click();
    await expect(page).toHaveURL(/\/events$/);
    await check('events');
    await page.getByRole('link', { name: 'Ajouter un rendez-vous' }).click();
    await expect(page).toHaveURL(/\/events\/new$/);
    await check('new event');
    await page.locator('#event-title').fill(title);
    await page.locator('#event-date').fill(day);
    await page.locator('#event-time').fill('09:30');
    await page.locator('#event-reminder-1440').check();
    await page.locator('#event-reminder-120').check();
    await page.locator('main form button[type=submit]').click();
    await expect(page.locator('h1')).toContainText(title);
    const [y, m, d] = day.split('-');
    await expect(page.locator('main')).toContainText(`${d}/${m}/${y} 09:30`);
    // Amina's phone number is known: both reminders are planned.
    await expect(page.locator('main li', { hasText: 'SMS 1 jour avant' })).toContainText('prévu');
    await expect(page.locator('main li', { hasText: 'SMS 2 heures avant' })).toContainText('prévu');
    await check('event with reminders');
    await page.locator('nav.breadcrumbs a').first().click();
    await expect(page.locator('main')).toContainText(title);
    await check('events with the new one');
    // Her agenda on her phone: a private link (and its QR code) she can stop at any time.
    await page.locator('main a[href="/calendar-feed"]').click();
    await expect(page).toHaveURL(/\/calendar-feed$/);
    await check('calendar feed');
    await page.getByRole('button', { name: 'Créer mon lien privé' }).click();
    const feedUrl = await page.locator('#feed-url').inputValue();
    expect(feedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expect(page.locator('main .qr svg')).toBeVisible();
    await check('calendar feed made');
    const feed = await page.request.get(new URL(feedUrl).pathname);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(title.slice(0, 20));
    await page.getByRole('button', { name: 'Arrêter ce lien' }).click();
    await expect(page.locator('main')).toContainText('Le lien est arrêté');
    await check('calendar feed stopped');
    expect((await page.request.get(new URL(feedUrl).pathname)).status()).toBe(404);
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

// A person's papers: a professional scans two photos into her safe (one PDF of two pages), she
// shares another paper with one of her two relais only, and the other relais cannot see it. Every
// step on a 360×640 phone, professionals included. The person is new to this run (the js and nojs
// runs share the server), followed by Les Tilleuls, then invited by the CCAS.
test.describe('documents on a phone', () => {
  test.use({ viewport: PHONE });

  test('f a scan shared with one relais only', async ({ page, check, jsEnabled, browser, artifact }) => {
    test.setTimeout(300_000);
    const suffix = randomLetters(6);
    const person = {
      firstName: 'Nour',
      lastName: `Ferhat-${suffix[0].toUpperCase()}${suffix.slice(1)}`,
      birthDate: '1992-03-14',
      password: 'cerf-volant bleu au-dessus du port',
      identifier: '',
    };
    // Names unlike any paper type's label (the add-a-paper form lists those on the page).
    const scanName = 'Attestation de domiciliation (scan)';
    const photoName = 'Carte Vitale (photo)';
    const [page1, page2, card] = await makePhotos(browser);

    // 1. Claire (Les Tilleuls) opens the person's safe.
    await loginAs(page, check, DEMO.claire, /\/pro$/);
    const tilleuls = page.locator('section.card', { has: page.locator('h2', { hasText: TILLEULS }) });
    await tilleuls.getByRole('link', { name: 'Ouvrir un coffre' }).click();
    await expect(page).toHaveURL(/\/pro\/s\/[^/]+\/open$/);
    await check('open safe form');
    await page.locator('#first_name').fill(person.firstName);
    await page.locator('#last_name').fill(person.lastName);
    await page.locator('#birth_date').fill(person.birthDate);
    await page.locator('#language').selectOption('fr');
    await page.locator('#choice-typed').check();
    await page.locator('#password').fill(person.password);
    await page.locator('#recovery-yes').check();
    await page.locator('#consent').check();
    await page.locator('main form button[type=submit]').click();
    await expect(page.locator('h1')).toContainText('Fiche de secours');
    person.identifier = (await page.locator('#sheet-identifier').innerText()).trim();
    expect(person.identifier.startsWith(`nour.${fold(person.lastName)}.14031992`), `identifier "${person.identifier}"`).toBe(true);
    await check('recovery sheet');
    await logout(page, check);

    // 2. Yanis (CCAS) invites her; she accepts: two relais.
    await loginAs(page, check, DEMO.yanis, /\/pro$/);
    const ccas = page.locator('section.card', { has: page.locator('h2', { hasText: CCAS }) });
    const invite = ccas.locator('form.inline[action$="/invite"]');
    await invite.locator('input[name=identifier]').fill(person.identifier);
    await invite.getByRole('button', { name: 'Inviter' }).click();
    await expect(page.locator('h1')).toContainText('Invitation envoyée');
    await check('invitation sent');
    await logout(page, check);

    await loginAs(page, check, person, /\/home$/);
    await page.locator('nav.tiles').getByRole('link', { name: 'Mes relais' }).click();
    await expect(page).toHaveURL(/\/relays$/);
    const invitation = page.locator('.row', { hasText: `${CCAS} souhaite vous suivre` });
    await expect(invitation).toBeVisible();
    await check('relays with invitation');
    await invitation.getByRole('button', { name: 'Accepter' }).click();
    await expect(invitation).toHaveCount(0);
    await expect(page.locator('section.card h2', { hasText: CCAS })).toBeVisible();
    await expect(page.locator('section.card h2', { hasText: TILLEULS })).toBeVisible();
    await check('two relais');
    await logout(page, check);

    // 3. Claire scans two photos into the person's safe, from the person's file.
    await loginAs(page, check, DEMO.claire, /\/pro$/);
    const bid = await openPersonFile(page, check, TILLEULS, person);
    const shared = sharedSection(page);
    await expect(shared).toContainText('La personne ne partage aucun document avec votre structure.');
    const scan = page.locator('form.scan');
    await expect(scan).toHaveAttribute('action', `/pro/b/${bid}/scan`);
    await expect(page.locator('form.upload')).toHaveAttribute('action', `/pro/b/${bid}/documents`);
    const camera = page.locator('#scan-photo');
    await expect(camera).toHaveAttribute('capture', 'environment');
    await expect(page.locator('label[for="scan-photo"]')).toContainText('Prendre une photo');
    // One photo at a time: with JavaScript it goes as soon as it is taken (progress bar, through
    // XMLHttpRequest), without it after "Continuer"; then the pages are shown to check.
    const takePhoto = async (photo, name) => {
      const sent = page.waitForRequest((r) => new URL(r.url()).pathname === `/pro/b/${bid}/scan` && r.method() === 'POST');
      await page.locator('#scan-photo').setInputFiles({ name, mimeType: 'image/jpeg', buffer: photo.bytes });
      if (!jsEnabled) await page.locator('form.scan button[type=submit]').click();
      expect((await sent).resourceType(), 'how the photo is sent').toBe(jsEnabled ? 'xhr' : 'document');
      await page.waitForURL((u) => new RegExp(`^/pro/b/${bid}/scan/[0-9a-f]{32}$`).test(u.pathname));
      await expect(page.locator('h1')).toContainText('Vérifier les photos');
      await expect(page.locator('.flash')).toContainText('Photo ajoutée');
    };
    await takePhoto(page1, 'page-1.jpg');
    await check('scan review, one page');
    await takePhoto(page2, 'page-2.jpg');
    const pages = page.locator('ol.scan-pages li');
    await expect(pages).toHaveCount(2);
    await expect(pages.nth(0).getByRole('button', { name: 'Monter la page 1' })).toBeDisabled();
    await expect(pages.nth(1).getByRole('button', { name: 'Descendre la page 2' })).toBeDisabled();
    const shapes = () => pages.locator('img').evaluateAll((imgs) => imgs.map((i) => {
      const img = /** @type {HTMLImageElement} */ (i);
      return img.complete && img.naturalWidth > 0 ? (img.naturalWidth > img.naturalHeight ? 'landscape' : 'portrait') : 'not loaded';
    }));
    await expect.poll(shapes, 'the pages as taken').toEqual(['portrait', 'landscape']);
    await check('scan review, two pages');
    await pages.nth(0).getByRole('button', { name: 'Descendre la page 1' }).click();
    await expect.poll(shapes, 'page 1 moved down').toEqual(['landscape', 'portrait']);
    await check('scan review, page 1 moved down');
    const firstPage = page2;
    await page.locator('#scan-name').fill(scanName);
    await page.getByRole('button', { name: 'Enregistrer le document (2 pages)' }).click();
    await expect(page).toHaveURL(new RegExp(`/pro/b/${bid}#documents$`));
    await expect(page.locator('.flash[role=status]')).toContainText('C\'est ajouté dans le coffre.');
    const scanned = shared.locator('ul.docs li', { hasText: scanName });
    await expect(scanned).toBeVisible();
    await expect(scanned).toContainText('PDF');
    await expect(scanned).toContainText('Partagé avec votre structure');
    await check('person file with the scan');
    const scanHref = await scanned.locator('a').getAttribute('href');
    // The card opens the document's page (its pages shown as images), not a download.
    expect(scanHref).toMatch(new RegExp(`^/pro/b/${bid}/documents/[^/]+$`));
    const scanId = (scanHref || '').split('/')[5];
    const download = await page.request.get(`/documents/${scanId}/download`);
    expect(download.status(), 'the professional downloads the scan').toBe(200);
    expect(download.headers()['content-type']).toContain('application/pdf');
    const pdf = await download.body();
    fs.writeFileSync(artifact('scan.pdf'), pdf);
    const info = pdfInfo(pdf);
    expect(info.header, 'a PDF file').toBe('%PDF-');
    expect(info.pages, 'one PDF of two pages').toBe(2);
    expect(info.images, 'one image per page').toHaveLength(2);
    expect(info.images[0], 'the first page is the photo chosen first').toEqual({ width: firstPage.width, height: firstPage.height });
    await logout(page, check);

    // 4. The person sees the scan, adds a photo and shares it with Les Tilleuls only.
    await loginAs(page, check, person, /\/home$/);
    await page.locator('nav.tiles').getByRole('link', { name: 'Mes papiers' }).click();
    await expect(page).toHaveURL(/\/documents$/);
    const mine = page.locator('ul.docs li', { hasText: scanName });
    await expect(mine).toBeVisible();
    await expect(mine.locator('a')).toHaveAttribute('href', `/documents/${scanId}`);
    await expect(mine.locator('.mark')).toHaveText('Partagé avec 1 relais');
    await expectNoHorizontalScroll(page);
    await check('my papers with the scan');

    await mine.locator('a').click();
    await expect(page).toHaveURL(new RegExp(`/documents/${scanId}$`));
    await expect(page.locator('h1')).toContainText(scanName);
    await expect(page.locator('main')).toContainText('Ajouté par Claire Martin');
    // Added by a professional: shared with her structure, not with the other relais.
    await expect(page.getByRole('checkbox', { name: TILLEULS })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: CCAS })).not.toBeChecked();
    await expectNoHorizontalScroll(page);
    await check('the scan');
    const pdfAgain = await page.request.get(`/documents/${scanId}/download`);
    expect(pdfInfo(await pdfAgain.body()).pages, 'the person downloads the same two pages').toBe(2);

    await page.locator('nav.breadcrumbs a[href="/documents"]').click();
    await expect(page).toHaveURL(/\/documents$/);
    await check('my papers');
    await page.locator('summary', { hasText: 'Ajouter un fichier' }).click();
    await page.locator('#upload-file').setInputFiles({ name: 'carte.jpg', mimeType: 'image/jpeg', buffer: card.bytes });
    await page.locator('#upload-name').fill(photoName);
    await page.locator('form.upload button[type=submit]').click();
    await page.waitForURL((u) => /^\/documents\/[^/]+$/.test(u.pathname) && u.pathname !== `/documents/${scanId}`);
    const photoId = new URL(page.url()).pathname.split('/')[2];
    await expect(page.locator('h1')).toContainText(photoName);
    await expect(page.locator('p.preview img')).toBeVisible();
    const tilleulsBox = page.getByRole('checkbox', { name: TILLEULS });
    const ccasBox = page.getByRole('checkbox', { name: CCAS });
    await expect(tilleulsBox).not.toBeChecked();
    await expect(ccasBox).not.toBeChecked();
    await expectNoHorizontalScroll(page);
    await check('the new photo, private');

    await tilleulsBox.check();
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/documents/${photoId}` && r.request().method() === 'GET' && r.request().resourceType() === 'document'),
      page.locator(`form[action="/documents/${photoId}/shares"]`).getByRole('button', { name: 'Enregistrer' }).click(),
    ]);
    await page.waitForLoadState('load');
    await expect(page).toHaveURL(new RegExp(`/documents/${photoId}$`));
    await expect(page.locator('.flash[role=status]')).toHaveText('C\'est enregistré : les relais cochés le voient.');
    await expect(page.getByRole('checkbox', { name: TILLEULS })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: CCAS })).not.toBeChecked();
    await check('the photo shared with Les Tilleuls');

    await page.goto('/relays');
    await expect(page.locator('section.card', { has: page.locator('h2', { hasText: TILLEULS }) })).toContainText('2 documents que vous lui partagez');
    await expect(page.locator('section.card', { has: page.locator('h2', { hasText: CCAS }) })).toContainText('0 document que vous lui partagez');
    await check('relays and what they see');

    await page.goto('/journal');
    await expect(page.locator('h1')).toContainText('Mon journal');
    const journal = page.locator('ol.journal');
    await expect(journal).toContainText(`« ${scanName} » ajouté (Claire Martin (${TILLEULS}))`);
    await expect(journal).toContainText(`« ${photoName} » ajouté (vous)`);
    await expect(journal).toContainText(`« ${photoName} » partagé avec ${TILLEULS} (vous)`);
    await expect(journal).toContainText(`Claire Martin (${TILLEULS})`);
    await expectNoHorizontalScroll(page);
    await check('journal');
    await logout(page, check);

    // 5. Les Tilleuls sees both papers.
    await loginAs(page, check, DEMO.claire, /\/pro$/);
    await openPersonFile(page, check, TILLEULS, person);
    await expect(shared.locator('ul.docs li', { hasText: scanName })).toBeVisible();
    const photoCard = shared.locator('ul.docs li', { hasText: photoName });
    await expect(photoCard).toBeVisible();
    await expect(photoCard.locator('a')).toHaveAttribute('href', `/pro/b/${bid}/documents/${photoId}`);
    await expect(shared.locator('ul.docs li')).toHaveCount(2);
    await check('person file with both papers');
    expect((await page.request.get(`/documents/${photoId}/download`)).status(), 'Les Tilleuls opens the shared photo').toBe(200);
    await logout(page, check);

    // 6. The CCAS, her other relais, sees neither.
    await loginAs(page, check, DEMO.yanis, /\/pro$/);
    await openPersonFile(page, check, CCAS, person);
    await expect(shared).toContainText('La personne ne partage aucun document avec votre structure.');
    await expect(shared.locator('ul.docs li')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(photoName);
    await expect(page.locator('main')).not.toContainText(scanName);
    await check('person file without papers');
    for (const id of [photoId, scanId]) {
      const res = await page.request.get(`/documents/${id}/download`);
      expect([403, 404], `the CCAS downloads /documents/${id}/download`).toContain(res.status());
      expect((await res.body()).subarray(0, 5).toString('latin1')).not.toBe('%PDF-');
    }
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

/** Goes to the login page, logs in and checks where it lands. */
async function loginAs(page, check, who, landing) {
  await page.goto('/login');
  await check('login');
  await login(page, who);
  await page.waitForLoadState('load');
  if (/\/terms$/.test(new URL(page.url()).pathname)) {
    // A person's first login (issue 17): she accepts the terms and skips the guide.
    await check('terms to accept');
    await page.getByRole('button', { name: "J'ai lu et j'accepte" }).click();
    await expect(page).toHaveURL(/\/guide$/);
    await check('guide');
    await page.getByRole('button', { name: 'Passer' }).click();
  }
  await expect(page).toHaveURL(landing);
  await check(landing.source.includes('pro') ? 'pro home' : 'home');
}

/** From /pro, opens the person's file in the structure's list; returns her id. */
async function openPersonFile(page, check, structure, person) {
  const section = page.locator('section.card', { has: page.locator('h2', { hasText: structure }) });
  const link = section.locator('ul.people a', { hasText: person.lastName });
  await expect(link).toContainText(`${person.lastName} ${person.firstName} · ${person.birthDate.split('-').reverse().join('/')}`);
  await link.click();
  await expect(page).toHaveURL(/\/pro\/b\/[^/]+$/);
  await expect(page.locator('h1')).toContainText(`${person.firstName} ${person.lastName}`);
  await expect(page.locator('main')).toContainText(person.identifier);
  await expect(sharedSection(page).locator('h2')).toContainText('Documents partagés avec votre structure');
  await expectNoHorizontalScroll(page);
  await check('person file');
  return new URL(page.url()).pathname.split('/')[3];
}

/** The person file's card "Documents partagés avec votre structure". */
function sharedSection(page) {
  return page.locator('section.card', { has: page.locator('h2', { hasText: 'Documents partagés avec votre structure' }) });
}

/**
 * Three small distinct JPEG photos (two scan pages of different shapes and a card), drawn on a
 * canvas in a throwaway page with scripts on (the nojs project cannot run them in its own page).
 */
async function makePhotos(browser) {
  const ctx = await browser.newContext({ javaScriptEnabled: true });
  const p = await ctx.newPage();
  const shapes = [
    { width: 300, height: 420, background: '#f4e1c1', text: 'Page 1' },
    { width: 420, height: 300, background: '#c1e1f4', text: 'Page 2' },
    { width: 320, height: 200, background: '#d8f4c1', text: 'Carte' },
  ];
  const encoded = await p.evaluate((list) => list.map(({ width, height, background, text }) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d canvas');
    g.fillStyle = background;
    g.fillRect(0, 0, width, height);
    g.fillStyle = '#1b1b1f';
    g.font = 'bold 40px sans-serif';
    g.fillText(text, 20, height / 2);
    for (let y = 20; y < height; y += 24) g.fillRect(20, y, (width - 40) * ((y % 72) / 72 + 0.2), 4);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
  }), shapes);
  await ctx.close();
  return encoded.map((b64, i) => {
    const bytes = Buffer.from(b64, 'base64');
    expect(bytes.subarray(0, 3).toString('hex'), 'a JPEG file').toBe('ffd8ff');
    return { bytes, width: shapes[i].width, height: shapes[i].height };
  });
}

/** What a simple uncompressed PDF holds: its header, page count and image sizes in file order. */
function pdfInfo(buffer) {
  const text = buffer.toString('latin1');
  const images = [];
  for (const m of text.matchAll(/\/Subtype\s*\/Image\b/g)) {
    const at = m.index || 0;
    const dict = text.slice(text.lastIndexOf('<<', at), text.indexOf('>>', at));
    const width = Number((dict.match(/\/Width\s+(\d+)/) || [])[1]);
    const height = Number((dict.match(/\/Height\s+(\d+)/) || [])[1]);
    images.push({ width, height });
  }
  return {
    header: text.slice(0, 5),
    pages: (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length,
    images,
  };
}
