// Phone pages (issue 13, item 13): on a 360×740 phone, in French, Arabic (right to left),
// Ukrainian and German (long words), with and without JavaScript, every page a person meets is walked and
// on each one: no interactive element smaller than 44×44 px, no sideways scrolling; the home
// tiles all on the first screen; the header one row high. On the way it takes a photo of a paper
// in steps and sees the success notices and the private/shared marks (items 10 and 11).
// @ts-check
const { test, expect, DEMO, login, logout, randomLetters } = require('./fixtures');

const PHONE = { width: 360, height: 740 };
const MIN = 44;

/**
 * Interactive elements smaller than 44×44 px (a, button, input, select, summary, and a label
 * for a checkbox or radio button), as `tag#id.class "text" W×H`. An element not rendered (a
 * closed <details>, `hidden`) is not a target. A visually hidden input reached through its label
 * (the camera's file input under the big button) is measured by that label: it is what a finger
 * touches.
 */
async function smallTargets(page) {
  return page.evaluate((min) => {
    const out = [];
    const rendered = (el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
    };
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for]';
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (el instanceof HTMLLabelElement) {
        const control = el.control;
        if (!(control instanceof HTMLInputElement) || !['checkbox', 'radio'].includes(control.type)) continue;
      }
      if (!rendered(el)) continue;
      let r = el.getBoundingClientRect();
      if (el instanceof HTMLInputElement && (r.width <= 1 || getComputedStyle(el).opacity === '0') && el.labels && el.labels.length > 0) {
        r = el.labels[0].getBoundingClientRect();
      }
      if (Math.round(r.width) < min || Math.round(r.height) < min) {
        const id = el.id ? `#${el.id}` : '';
        const cls = el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        const text = (el.textContent || el.getAttribute('aria-label') || el.getAttribute('name') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
        out.push(`${el.tagName.toLowerCase()}${id}${cls} "${text}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  }, MIN);
}

/** Checks the page (lang/dir, axe, screenshot), then its targets and its width. */
async function inspect(page, check, name) {
  await check(name);
  expect.soft(await smallTargets(page), `${name} (${page.url()}): targets under ${MIN}×${MIN} px`).toEqual([]);
  const width = await page.evaluate(() => (document.scrollingElement || document.documentElement).scrollWidth);
  expect.soft(width, `${name}: no sideways scrolling on a 360 px phone`).toBeLessThanOrEqual(PHONE.width);
  // One row of header: the bar with the brand, language, settings and logout.
  const bar = await page.locator('header .top').boundingBox();
  expect.soft(bar && bar.height, `${name}: the header is one row`).toBeLessThanOrEqual(64);
}

/** Opens `path` and inspects it. */
async function visit(page, check, path, name) {
  await page.goto(path);
  await inspect(page, check, name);
}

/** Switches the language with the header's picker (the OK button applies it). */
async function speak(page, lang) {
  const picker = page.locator('#language-picker');
  await picker.selectOption(lang);
  await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/language' && r.request().method() === 'POST'),
    page.locator('form.lang button[type=submit]').click(),
  ]);
  await page.waitForLoadState('load');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
}

/** A small JPEG drawn on a canvas (a page with scripts on: the nojs run cannot draw). */
async function photo(browser) {
  const ctx = await browser.newContext({ javaScriptEnabled: true });
  const p = await ctx.newPage();
  const b64 = await p.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 300;
    c.height = 420;
    const g = c.getContext('2d');
    if (!g) throw new Error('no canvas');
    g.fillStyle = '#f4e1c1';
    g.fillRect(0, 0, 300, 420);
    g.fillStyle = '#1b1b1f';
    for (let y = 20; y < 420; y += 24) g.fillRect(20, y, 200, 4);
    return c.toDataURL('image/jpeg', 0.9).split(',')[1];
  });
  await ctx.close();
  return Buffer.from(b64, 'base64');
}

test.describe('phone pages', () => {
  test.use({ viewport: PHONE });

  test('p every phone page: 44 px targets, one-row header, tiles on the first screen, no sideways scroll', async ({ page, check, jsEnabled, browser }) => {
    test.setTimeout(900_000);
    const jpeg = await photo(browser);
    const suffix = randomLetters(6);
    const person = {
      firstName: 'Samira',
      lastName: `Haddad-${suffix[0].toUpperCase()}${suffix.slice(1)}`,
      password: 'tortue verte sous la pluie du soir',
      identifier: '',
    };

    // Claire opens the person's safe from her phone.
    await visit(page, check, '/login', 'login');
    await login(page, DEMO.claire);
    await expect(page).toHaveURL(/\/pro$/);
    await inspect(page, check, 'pro home');
    await page.locator('a[href$="/open"]').first().click();
    await inspect(page, check, 'open safe form');
    await page.locator('#first_name').fill(person.firstName);
    await page.locator('#last_name').fill(person.lastName);
    await page.locator('#birth_date').fill('1990-02-14');
    await page.locator('#language').selectOption('fr');
    await page.locator('#choice-typed').check();
    await page.locator('#password').fill(person.password);
    await page.locator('#recovery-yes').check();
    await page.locator('#consent').check();
    await page.locator('main form button[type=submit]').click();
    person.identifier = (await page.locator('#sheet-identifier').innerText()).trim();
    await inspect(page, check, 'recovery sheet');
    await page.goto('/pro');
    await inspect(page, check, 'pro home again');
    await page.locator('ul.people a', { hasText: person.lastName }).first().click();
    await expect(page).toHaveURL(/\/pro\/b\/[^/]+$/);
    await inspect(page, check, 'person file');
    await logout(page, check);

    for (const lang of ['fr', 'ar', 'uk', 'de']) {
      // The pages before logging in, in her language.
      await page.goto('/login');
      await check(`login (${lang}, before)`);
      if ((await page.locator('html').getAttribute('lang')) !== lang) await speak(page, lang);
      await inspect(page, check, `login ${lang}`);
      await visit(page, check, '/recover', `lost password ${lang}`);
      await page.goto('/login');
      await check(`login again ${lang}`);
      await login(page, person);
      if (lang === 'fr') {
        // Her first login (issue 17): the terms, then the four screens of the guide, on a phone.
        await expect(page).toHaveURL(/\/terms$/);
        await inspect(page, check, 'terms to accept');
        await page.locator('form[action="/terms/accept"] button[type=submit]').click();
        await expect(page).toHaveURL(/\/guide$/);
        for (let step = 1; step < 4; step += 1) {
          await inspect(page, check, `guide ${step}`);
          await page.locator(`main a.button[href="/guide?step=${step + 1}"]`).click();
        }
        await inspect(page, check, 'guide 4');
        await page.locator('form[action="/guide/done"] button[type=submit]').click();
      }
      await expect(page).toHaveURL(/\/home$/);
      await check(`home (${lang}, as she left it)`);
      if ((await page.locator('html').getAttribute('lang')) !== lang) await speak(page, lang);

      // Home: every tile on the first screen.
      await inspect(page, check, `home ${lang}`);
      const tiles = page.locator('nav.tiles a');
      expect(await tiles.count()).toBeGreaterThanOrEqual(7);
      for (const box of await tiles.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom))) {
        expect(box, `home ${lang}: every tile on the first screen of a 740 px phone`).toBeLessThanOrEqual(PHONE.height);
      }

      // Her papers: a photo of a paper in steps, then the document.
      await visit(page, check, '/documents', `papers ${lang}`);
      const sent = page.waitForRequest((r) => new URL(r.url()).pathname === '/documents/scan' && r.method() === 'POST');
      await page.locator('#scan-photo').setInputFiles({ name: 'page.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      if (!jsEnabled) {
        await expect(page.locator('form.scan .scan-chosen')).toBeVisible();
        await page.locator('form.scan button[type=submit]').click();
      }
      await sent;
      await page.waitForURL((u) => /^\/documents\/scan\/[0-9a-f]{32}$/.test(u.pathname));
      await expect(page.locator('.flash[role=status]')).toBeVisible();
      await inspect(page, check, `scan review ${lang}`);
      await page.locator('#scan-name').fill(`Attestation ${lang}`);
      await page.locator('form[action$="/save"] button[type=submit]').click();
      await page.waitForURL((u) => /^\/documents\/[0-9a-f-]{36}$/.test(u.pathname));
      await expect(page.locator('.flash[role=status]')).toBeVisible();
      await inspect(page, check, `document ${lang}`);
      const doc = new URL(page.url()).pathname;
      await visit(page, check, `${doc}/delete`, `delete document? ${lang}`);
      await visit(page, check, '/documents', `papers with a document ${lang}`);
      await expect(page.locator('ul.docs .mark.private').first()).toBeVisible();
      for (const summary of await page.locator('details.fold > summary').all()) await summary.click();
      await inspect(page, check, `papers, forms unfolded ${lang}`);

      // Contacts, notes, appointments: the lists and their forms (reminder checkboxes).
      await visit(page, check, '/contacts/new', `new contact ${lang}`);
      await page.locator('#contact-name').fill('Assistante sociale');
      await page.locator('main form button[type=submit]').click();
      await page.waitForURL((u) => /^\/contacts\/[0-9a-f-]{36}$/.test(u.pathname));
      await inspect(page, check, `contact ${lang}`);
      await visit(page, check, '/contacts', `contacts ${lang}`);
      await visit(page, check, '/notes', `notes ${lang}`);
      await visit(page, check, '/notes/new', `new note ${lang}`);
      await visit(page, check, '/events', `appointments ${lang}`);
      await visit(page, check, '/events/new', `new appointment ${lang}`);
      await visit(page, check, '/calendar-feed', `agenda on the phone ${lang}`);

      // Relais, journal, account.
      await visit(page, check, '/relays', `relais ${lang}`);
      const leave = page.locator('a[href$="/leave"]').first();
      await leave.click();
      await inspect(page, check, `leave relais? ${lang}`);
      await visit(page, check, '/journal', `journal ${lang}`);
      await visit(page, check, '/settings', `settings ${lang}`);
      await visit(page, check, '/phone', `phone number ${lang}`);
      await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/logout'),
        page.locator('header form[action="/logout"] button[type=submit]').click(),
      ]);
      await expect(page.locator('header form[action="/logout"]')).toHaveCount(0);
      await inspect(page, check, `logged out ${lang}`);
    }
  });
});
