// Languages (issue 17, item 6) on a 360 px phone, with and without JavaScript: a person whose
// safe is in a newer left-to-right language (German, long words; Georgian, its own script) and
// one in a right-to-left language (Arabic) walk login -> home -> papers -> a document; each page is in her language's
// catalogue (texts read from src/i18n/<lang>.ftl), has the right lang and dir, no sideways
// scrolling, every home tile on the first screen, and is axe clean (check()). Then the reading
// aid: with a (fake) voice for the page's language the title and each tile get a "listen" button
// that speaks their text in that voice; with no voice for the language, or without JavaScript,
// there is no button at all.
// @ts-check
const fs = require('node:fs');
const path = require('node:path');
const { test, expect, login, proOnApi, openSafe, expectNoHorizontalScroll, randomLetters, pdfOfPages } = require('./fixtures');

const PHONE = { width: 360, height: 740 };
const RTL = ['ar', 'prs', 'ps'];

/** The single-line messages of a catalogue, by id (what the page must show). */
function catalogue(lang) {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'i18n', `${lang}.ftl`), 'utf8');
  /** @type {Record<string, string>} */
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^([a-z0-9-]+) = (.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** Switches the language with the header's picker (the OK button applies it). */
async function choose(page, lang) {
  await page.locator('#language-picker').selectOption(lang);
  await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/language' && r.request().method() === 'POST'),
    page.locator('form.lang button[type=submit]').click(),
  ]);
  await page.waitForLoadState('load');
}

/** lang, dir, no sideways scrolling. */
async function inLanguage(page, lang) {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', RTL.includes(lang) ? 'rtl' : 'ltr');
  await expectNoHorizontalScroll(page);
}

/** A person of Les Tilleuls whose safe is in `lang`, with one paper Claire added for her. */
async function personIn(request, lang) {
  const suffix = randomLetters(6);
  const person = { first_name: 'Nadia', last_name: `Weber-${suffix[0].toUpperCase()}${suffix.slice(1)}`, birth_date: '1985-03-09', password: 'der blaue fluss am abend singt', language: lang };
  const claire = await proOnApi(request);
  const safe = await openSafe(request, claire, person);
  const paper = `Bescheinigung ${suffix}`;
  const added = await request.post(`/api/v1/beneficiaries/${safe.id}/documents`, {
    headers: claire.headers,
    multipart: { file: { name: 'paper.pdf', mimeType: 'application/pdf', buffer: pdfOfPages(['PAPER']) }, name: paper, type: 'domiciliation_certificate' },
  });
  expect(added.status(), 'the paper is added').toBe(201);
  await claire.done();
  return { identifier: safe.identifier, password: person.password, paper };
}

/**
 * Replaces the browser's speech synthesis by a fake one whose voices are `voices` (language
 * tags), announced only after the page has loaded, as Chrome does, with `voiceschanged`; what it
 * is asked to say goes to `window.spoken`.
 */
function fakeSpeech(voices) {
  /** @type {any} */
  const w = window;
  let loaded = [];
  const listeners = [];
  w.spoken = [];
  const synth = {
    getVoices: () => loaded,
    speak: (/** @type {any} */ u) => w.spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }),
    cancel: () => {},
    addEventListener: (/** @type {string} */ type, /** @type {Function} */ fn) => {
      if (type === 'voiceschanged') listeners.push(fn);
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  w.SpeechSynthesisUtterance = function (/** @type {string} */ text) {
    this.text = text;
    this.lang = '';
    this.voice = null;
  };
  window.addEventListener('load', () => {
    setTimeout(() => {
      loaded = voices.map((lang) => ({ name: `Fake ${lang}`, lang, voiceURI: `fake-${lang}`, default: false, localService: true }));
      listeners.forEach((fn) => fn(new Event('voiceschanged')));
    }, 150);
  });
}

test.describe('languages on a phone', () => {
  test.use({ viewport: PHONE });

  for (const lang of ['de', 'ka', 'ar']) {
    test(`g ${lang}: login, home, papers and a document in the right catalogue`, async ({ page, check, request }) => {
      test.setTimeout(120_000);
      const t = catalogue(lang);
      const person = await personIn(request, lang);

      await page.goto('/login');
      await check('login (the browser says French)');
      await choose(page, lang);
      await inLanguage(page, lang);
      await expect(page.locator('main h1')).toHaveText(t['login-title']);
      await expect(page.locator('main form[action="/login"] button[type=submit]')).toHaveText(t['action-login']);
      await expect(page.locator('#language-picker option[value="de"]')).toHaveText('Deutsch');
      await check(`login ${lang}`);

      await login(page, person);
      await expect(page).toHaveURL(/\/home$/);
      await inLanguage(page, lang);
      await expect(page).toHaveTitle(`${t['home-title']} · Consigne`);
      const tiles = page.locator('nav.tiles a.tile .tile-label');
      await expect(tiles).toHaveText([
        t['section-documents'], t['section-contacts'], t['section-notes'], t['section-events'], t['section-relais'], t['messages-title'],
        t['home-followups'], t['home-rights-procedures'], t['family-title'], t['section-journal'], t['section-settings'],
      ]);
      for (const bottom of await page.locator('nav.tiles a.tile').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom))) {
        expect(bottom, `home ${lang}: every tile on the first screen`).toBeLessThanOrEqual(PHONE.height);
      }
      // No tile label runs out of its tile (long German words).
      const overflowing = await page.locator('nav.tiles a.tile').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
      expect(overflowing, `home ${lang}: tile labels fit`).toEqual([]);
      await check(`home ${lang}`);

      await page.locator('nav.tiles a[href="/documents"]').click();
      await page.waitForURL((u) => u.pathname === '/documents');
      await inLanguage(page, lang);
      await expect(page.locator('main h1')).toHaveText(t['section-documents']);
      await check(`papers ${lang}`);

      await page.locator('ul.docs a', { hasText: person.paper }).first().click();
      await page.waitForURL((u) => /^\/documents\/[0-9a-f-]{36}$/.test(u.pathname));
      await inLanguage(page, lang);
      await expect(page.locator('main h1')).toHaveText(person.paper);
      await expect(page.locator('main')).toContainText(t['doc-who-sees']);
      await expect(page.locator('header form[action="/logout"] button[type=submit]')).toContainText(t['action-logout']);
      await check(`a document ${lang}`);
    });
  }

  test('g reading aid: a listen button where a voice speaks the language, none elsewhere', async ({ page, check, request, jsEnabled }) => {
    test.setTimeout(120_000);
    const de = catalogue('de');
    const person = await personIn(request, 'de');
    await page.addInitScript(fakeSpeech, ['de-DE']);

    await page.goto('/login');
    await check('login (the browser says French)');
    // French page, German voice only: no button, even once the voices are there.
    await page.waitForTimeout(400);
    await expect(page.locator('button.read-aloud')).toHaveCount(0);
    await login(page, person);
    await expect(page).toHaveURL(/\/home$/);
    await inLanguage(page, 'de');

    if (!jsEnabled) {
      // Without JavaScript, nothing to press that would do nothing.
      await expect(page.locator('button.read-aloud')).toHaveCount(0);
      await check('home de, no reading aid without JavaScript');
      return;
    }

    // The voices come after the page: the buttons follow them.
    const title = page.locator('main .title-row button.read-aloud');
    await expect(title).toHaveCount(1);
    await expect(title).toHaveAccessibleName(de['read-aloud'].replace('{ $text }', `Hallo Nadia`));
    const tileButtons = page.locator('nav.tiles .tile-box button.read-aloud');
    await expect(tileButtons).toHaveCount(11);
    await expect(tileButtons.first()).toHaveAccessibleName(de['read-aloud'].replace('{ $text }', de['section-documents']));
    await expectNoHorizontalScroll(page);
    for (const bottom of await page.locator('nav.tiles .tile-box').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().bottom))) {
      expect(bottom, 'every tile on the first screen with its button').toBeLessThanOrEqual(PHONE.height);
    }
    const size = await tileButtons.first().boundingBox();
    expect(size && Math.min(size.width, size.height), 'a 44 px target').toBeGreaterThanOrEqual(44);
    await check('home de with the reading aid');

    await tileButtons.nth(0).click();
    await title.click();
    expect(await page.evaluate(() => /** @type {any} */ (window).spoken)).toEqual([
      { text: de['section-documents'], lang: 'de-DE', voice: 'Fake de-DE' },
      { text: 'Hallo Nadia', lang: 'de-DE', voice: 'Fake de-DE' },
    ]);
    // The tile's link still goes where it went.
    await page.locator('nav.tiles a[href="/documents"]').click();
    await page.waitForURL((u) => u.pathname === '/documents');
    await expect(page.locator('main .title-row button.read-aloud')).toHaveCount(1);
    await check('papers de with the reading aid');

    // Arabic: the fake browser has no Arabic voice, so no button.
    await choose(page, 'ar');
    await inLanguage(page, 'ar');
    await page.waitForTimeout(400);
    await expect(page.locator('button.read-aloud')).toHaveCount(0);
    await check('papers ar, no voice, no button');
  });
});
