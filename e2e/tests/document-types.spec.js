// Document types (issue 15, item 1): she says what a paper is when she adds it, the lists show
// its pictogram and label, a paper that expires asks for its end date until it has one.
// Runs with and without JavaScript (projects "js" and "nojs"), on a desktop and a 360 px phone.
// @ts-check
const { test, expect, DEMO, login, expectNoHorizontalScroll, randomLetters } = require('./fixtures');

/** A small grey photo (PNG, 16 x 16), built here. */
function png() {
  const zlib = require('node:zlib');
  const chunk = (type, data) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(16, 0);
  header.writeUInt32BE(16, 4);
  header[8] = 8; // 8 bits a pixel, grey, no interlacing
  const rows = Buffer.alloc(16 * 17, 0x80);
  for (let y = 0; y < 16; y += 1) rows[y * 17] = 0; // each row: filter "none", then its pixels
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 360, height: 740 }]]) {
  test.describe(`Document types on a ${label}`, () => {
    test.use({ viewport });

    test(`t a typed paper shows its pictogram and asks for its end date (${label})`, async ({ page, check, jsEnabled }) => {
      test.setTimeout(120_000);
      const name = `Passeport ${randomLetters(6)}`;
      await page.goto('/login');
      await check('login');
      await login(page, DEMO.amina);
      await expect(page).toHaveURL(/\/home$/);
      await check('home');

      // 1. The form to add a file: the type, and the end date always there (with its hint).
      await page.goto('/documents');
      await page.locator('summary', { hasText: 'Ajouter un fichier' }).click();
      const type = page.locator('#upload-type');
      await expect(type).toBeVisible();
      await expect(type.locator('option')).toHaveCount(16);
      await expect(page.locator('#upload-expires')).toBeVisible();
      await page.locator('#upload-file').setInputFiles({ name: 'passeport.png', mimeType: 'image/png', buffer: png() });
      await page.locator('#upload-name').fill(name);
      await type.selectOption('passport');
      const expiry = page.locator('form.upload .expiry');
      if (jsEnabled) {
        // With JavaScript the end date is highlighted as soon as a paper that expires is chosen.
        await expect(expiry).toHaveClass(/asked/);
        await type.selectOption('payslip');
        await expect(expiry).not.toHaveClass(/asked/);
        await type.selectOption('passport');
      }
      if (label === 'phone') await expectNoHorizontalScroll(page);
      await check('add a typed paper');
      await page.locator('form.upload button[type=submit]').click();
      await page.waitForURL((u) => /^\/documents\/[^/]+$/.test(u.pathname));

      // 2. Its page: the pictogram and label, and the prompt to add the end date.
      await expect(page.locator('h1')).toContainText(name);
      const badge = page.locator('main .paper[data-type="passport"]').first();
      await expect(badge).toContainText('Passeport');
      await expect(badge.locator('svg.icon')).toHaveCount(1);
      const prompt = page.locator('.ask-expiry');
      await expect(prompt).toContainText('Ajoutez la date de fin');
      if (label === 'phone') await expectNoHorizontalScroll(page);
      await check('the paper asks for its end date');

      // 3. Her list: the pictogram and the label beside the name.
      await page.goto('/documents');
      const card = page.locator('ul.docs li', { hasText: name });
      await expect(card.locator('.paper[data-type="passport"] svg.icon')).toHaveCount(1);
      await expect(card.locator('.paper')).toContainText('Passeport');
      if (label === 'phone') await expectNoHorizontalScroll(page);
      await check('the list shows the type');

      // 4. The end date from the link in the prompt: the prompt goes.
      await card.locator('a').click();
      await page.waitForURL((u) => /^\/documents\/[^/]+$/.test(u.pathname));
      await check('the paper again');
      await page.locator('.ask-expiry a').click();
      await expect(page.locator('#doc-expires')).toBeInViewport();
      await check('the end date in the form');
      await page.locator('#doc-expires').fill('2031-05-20');
      await page.locator('form[action$="/edit"] button[type=submit]').click();
      await page.waitForURL((u) => /^\/documents\/[^/]+$/.test(u.pathname) && !u.hash);
      await expect(page.locator('.ask-expiry')).toHaveCount(0);
      await expect(page.locator('#doc-expires')).toHaveValue('2031-05-20');
      await check('the end date is given');
    });
  });
}
