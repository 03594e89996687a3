// PDF previews (issue 13, item 12): a PDF's pages are images rendered by the server, shown
// without JavaScript and without downloading anything: the first page as a thumbnail in the
// lists, every page on the document's page, for her and for a professional it is shared with.
// Runs with and without JavaScript (projects "js" and "nojs") on a phone.
// @ts-check
const { test, expect, DEMO, login, logout, randomLetters, pdfOfPages, openFollowed } = require('./fixtures');

const PHONE = { width: 360, height: 740 };

async function expectNoHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'page width on a 360 px phone').toBeLessThanOrEqual(client);
}

/** Every image of `locator` is loaded and is a real picture (not a broken icon). */
async function expectLoaded(locator) {
  const count = await locator.count();
  for (let i = 0; i < count; i += 1) {
    const img = locator.nth(i);
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el) => /** @type {HTMLImageElement} */ (el).complete && /** @type {HTMLImageElement} */ (el).naturalWidth), `image ${i + 1} loaded`).toBeGreaterThan(0);
  }
}

test.describe('PDF previews on a phone', () => {
  test.use({ viewport: PHONE });

  test('p a PDF is read as pages, by her and by her relais, without downloading it', async ({ page, check }) => {
    test.setTimeout(180_000);
    const name = `Courrier ${randomLetters(6)}`;

    // 1. Amina's papers: the PDFs Les Tilleuls added show their first page.
    await page.goto('/login');
    await check('login');
    await login(page, DEMO.amina);
    await expect(page).toHaveURL(/\/home$/);
    await check('home');
    await page.goto('/documents');
    const demo = page.locator('ul.docs li', { hasText: 'Attestation de domiciliation' }).first();
    await expect(demo.locator('img.thumb')).toHaveAttribute('src', /\/documents\/[^/]+\/thumbnail$/);
    await expectLoaded(demo.locator('img.thumb'));
    await check('papers with thumbnails');

    // 2. She adds a PDF of three pages: its page shows the three, sized, as images.
    await page.locator('summary', { hasText: 'Ajouter un fichier' }).click();
    await page.locator('#upload-file').setInputFiles({ name: 'courrier.pdf', mimeType: 'application/pdf', buffer: pdfOfPages(['UN', 'DEUX', 'TROIS']) });
    await page.locator('#upload-name').fill(name);
    await page.locator('form.upload button[type=submit]').click();
    await page.waitForURL((u) => /^\/documents\/[^/]+$/.test(u.pathname));
    const id = new URL(page.url()).pathname.split('/')[2];
    await expect(page.locator('h1')).toContainText(name);
    const pages = page.locator('section.pages img');
    await expect(pages).toHaveCount(3);
    for (let n = 1; n <= 3; n += 1) {
      const img = pages.nth(n - 1);
      await expect(img).toHaveAttribute('src', `/documents/${id}/pages/${n}`);
      await expect(img).toHaveAttribute('width', '1000');
      await expect(img).toHaveAttribute('height', '1415');
      await expect(img).toHaveAttribute('alt', `Page ${n} sur 3`);
    }
    await expectLoaded(pages);
    // Shown within the phone's width.
    const box = await pages.first().boundingBox();
    expect(box && box.width, 'a page fits the screen').toBeLessThanOrEqual(PHONE.width);
    await expect(page.locator(`a[href="/documents/${id}/download"]`)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await check('pdf pages');

    // Back in the list, the new paper has its thumbnail too.
    await page.goto('/documents');
    const mine = page.locator('ul.docs li', { hasText: name });
    await expect(mine.locator('img.thumb')).toHaveAttribute('src', `/documents/${id}/thumbnail`);
    await expectLoaded(mine.locator('img.thumb'));
    await check('papers with the new pdf');
    await logout(page, check);

    // 3. Claire (Les Tilleuls) reads a paper Amina shares with her structure, page by page.
    await page.goto('/login');
    await check('login');
    await login(page, DEMO.claire);
    await expect(page).toHaveURL(/\/pro$/);
    await check('pro home');
    await openFollowed(page, check, 'Amina');
    const bid = new URL(page.url()).pathname.split('/')[3];
    const card = page.locator('ul.docs li', { hasText: 'Attestation de domiciliation' }).first();
    await expect(card.locator('a')).toHaveAttribute('href', new RegExp(`^/pro/b/${bid}/documents/[^/]+$`));
    await expectLoaded(card.locator('img.thumb'));
    await check('person file with thumbnails');
    await card.locator('a').click();
    await expect(page).toHaveURL(new RegExp(`/pro/b/${bid}/documents/[^/]+$`));
    await expect(page.locator('h1')).toContainText('Attestation de domiciliation');
    await expect(page.locator('section.pages img')).toHaveCount(1);
    await expectLoaded(page.locator('section.pages img'));
    await expectNoHorizontalScroll(page);
    await check('pro document pages');
    // Her own PDF, not shared with Les Tilleuls: nothing to see.
    const res = await page.request.get(`/documents/${id}/pages/1`);
    expect([403, 404], 'a page of a paper not shared').toContain(res.status());
    await logout(page, check);

    // 4. Her journal says Claire viewed the paper.
    await page.goto('/login');
    await check('login');
    await login(page, DEMO.amina);
    await expect(page).toHaveURL(/\/home$/);
    await check('home');
    await page.goto('/journal');
    await expect(page.locator('ol.journal')).toContainText('« Attestation de domiciliation » regardé (Claire Martin (Accueil de jour Les Tilleuls))');
    await check('journal with the view');
    await logout(page, check);
  });
});
