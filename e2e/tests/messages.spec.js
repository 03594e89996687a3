// Messages with the relais (issue 17, item 1): on a 360 px phone, with and without JavaScript
// (projects "js" and "nojs"), a person writes to her relais, then sends a photo; a professional
// of that relais reads them in the team inbox and answers; she reads the answer. The SMS sink
// (e2e/sms-sink.js, the demo's webhook operator) got exactly one notification, without the
// text. axe-core on every page.
// @ts-check
const { test, expect, DEMO, login, logout, proOnApi, openSafe, proHome, expectNoHorizontalScroll, randomLetters, photoOf } = require('./fixtures');

const TILLEULS = 'Accueil de jour Les Tilleuls';
const NOTICE = 'Vous avez un nouveau message dans Consigne.';

/** What the SMS sink received for `to` (E.164). */
async function smsTo(request, to) {
  const sink = process.env.SMS_SINK_URL;
  if (!sink) throw new Error('SMS_SINK_URL is not set: start the tests with e2e/run.sh');
  const r = await request.get(`${sink}/received`);
  expect(r.status()).toBe(200);
  return (await r.json()).filter((/** @type {{to: string}} */ m) => m.to === to);
}

/**
 * Presses "Envoyer" on the thread's page and waits for the page that follows (with JavaScript,
 * app.js sends the form then loads it), not only for the list refreshed meanwhile.
 */
async function send(page, thread) {
  const reloaded = page.waitForResponse((r) => new URL(r.url()).pathname === thread && r.request().method() === 'GET' && r.request().resourceType() === 'document');
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await reloaded;
  await page.waitForLoadState('load');
}

test.describe('messages on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('m she writes to her relais with a photo, the team answers, she reads it', async ({ page, check, request, browser, jsEnabled }) => {
    test.setTimeout(180_000);
    const first = `Nadia`;
    const last = `Kaci-${randomLetters(6)}`;
    const password = 'la riviere coule sous le pont 27';
    const digits = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
    const phone = `06${digits}`;
    const e164 = `+336${digits}`;
    const question = `Bonjour, où en est mon dossier ? ${randomLetters(5)}`;
    const withPhoto = `Voici la photo demandée ${randomLetters(5)}`;
    const reply = `Bien reçu, rendez-vous jeudi ${randomLetters(5)}`;

    const claire = await proOnApi(request);
    const safe = await openSafe(request, claire, { first_name: first, last_name: last, birth_date: '1988-04-12', password, language: 'fr', phone });
    await claire.done();

    // She writes to her relais from her home's "Messages" tile.
    await page.goto('/login');
    await check('login');
    await login(page, { identifier: safe.identifier, password });
    await expect(page).toHaveURL(/\/home$/);
    await check('her home');
    await page.locator('nav.tiles').getByRole('link', { name: 'Messages' }).click();
    await expect(page).toHaveURL(/\/messages$/);
    await expect(page.locator('main')).toContainText('115');
    await check('her messages');
    await page.getByLabel('Votre message').fill(question);
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.waitForURL((u) => /^\/messages\/[0-9a-f-]+$/.test(u.pathname));
    const thread = new URL(page.url()).pathname;
    await expect(page.locator('ol.messages li', { hasText: question })).toHaveCount(1);
    await check('her thread');
    // Then a photo, with a word.
    await page.locator('#message-text').fill(withPhoto);
    await page.locator('#message-file').setInputFiles({ name: 'attestation.jpg', mimeType: 'image/jpeg', buffer: await photoOf(browser, 'ATTESTATION') });
    await send(page, thread);
    await expect(page.locator('ol.messages li', { hasText: withPhoto })).toHaveCount(1);
    await expect(page.locator('ol.messages li', { hasText: withPhoto }).locator('ul.attachments a')).toHaveCount(1);
    await expectNoHorizontalScroll(page);
    await check('her thread with a photo');
    await logout(page, check);

    // Claire reads them in the team inbox and answers.
    const card = await proHome(page, check);
    await card.getByRole('link', { name: 'Messages de l\'équipe' }).click();
    await expect(page).toHaveURL(/\/s\/[0-9a-f-]+\/messages$/);
    const line = page.locator('ul.threads li', { hasText: `${first} ${last}` });
    await expect(line).toContainText('2 nouveaux');
    await check('team inbox');
    await line.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${thread}$`));
    await expect(page.locator('ol.messages li', { hasText: question })).toHaveCount(1);
    await expect(page.locator('ol.messages li', { hasText: withPhoto }).locator('ul.attachments a')).toHaveCount(1);
    await check('thread, team side');
    await page.locator('#message-text').fill(reply);
    await send(page, thread);
    await expect(page.locator('ol.messages li', { hasText: reply })).toHaveCount(1);
    await expectNoHorizontalScroll(page);
    await check('thread answered');
    await logout(page, check);

    // The SMS sink gets one notification, never the text.
    await expect.poll(async () => (await smsTo(request, e164)).length, { timeout: 30_000 }).toBe(1);
    const [sms] = await smsTo(request, e164);
    expect(sms.text).toBe(NOTICE);
    expect(JSON.stringify(sms)).not.toContain('rendez-vous jeudi');

    // She reads the answer: her home counts it first.
    await page.goto('/login');
    await check('login again');
    await login(page, { identifier: safe.identifier, password });
    await expect(page).toHaveURL(/\/home$/);
    await expect(page.locator('nav.tiles a', { hasText: 'Messages' }).locator('.badge')).toHaveText('1');
    await check('her home with a new message');
    await page.locator('nav.tiles').getByRole('link', { name: 'Messages' }).click();
    await expect(page.locator('ul.threads li', { hasText: TILLEULS })).toContainText('1 nouveau');
    await check('her messages with an answer');
    await page.locator('ul.threads a', { hasText: TILLEULS }).click();
    await expect(page).toHaveURL(new RegExp(`${thread}$`));
    await expect(page.locator('ol.messages li', { hasText: reply })).toContainText('Claire');
    await check('she reads the answer');
    if (jsEnabled) {
      // The page refreshes itself: an answer written meanwhile appears without a reload.
      const later = `Et n'oubliez pas votre carte ${randomLetters(5)}`;
      const again = await proOnApi(request);
      const r = await request.post(`/api/v1${thread.replace('/messages/', '/threads/')}/messages`, { headers: again.headers, data: { text: later } });
      expect(r.status()).toBe(201);
      await again.done();
      await expect(page.locator('ol.messages li', { hasText: later })).toHaveCount(1, { timeout: 30_000 });
    }
    // Still one SMS: the later one waits for the hour (grouped).
    expect((await smsTo(request, e164)).length).toBe(1);
    await page.goto('/messages');
    await check('her messages, read');
    await logout(page, check);
  });
});
