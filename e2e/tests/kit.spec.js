// The printed kit (issue 17, item 3): Claire opens the kit of Les Tilleuls from her home, picks
// Pashto in the language list (a plain GET form, with and without JavaScript), and the links
// answer PDFs in Pashto: the pocket cards read back by pdftotext carry the structure's name,
// the login address and the Pashto words. axe-core on every page.
// @ts-check
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const { test, expect, proHome } = require('./fixtures');

/** NFKC, without spaces or invisible marks (pdftotext adds bidi marks around runs). */
function squash(s) {
  return s.normalize('NFKC').replace(/[\s\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '');
}

test('a professional prints the kit in Pashto', async ({ page, check, artifact }) => {
  const structure = await proHome(page, check);
  await structure.getByRole('link', { name: 'Kit à imprimer' }).click();
  await page.waitForURL((u) => /^\/s\/[^/]+\/kit$/.test(u.pathname));
  await expect(page.locator('h1')).toHaveText('Kit à imprimer');
  await expect(page.locator('main')).toContainText('Accueil de jour Les Tilleuls');
  await check('kit');

  await page.locator('#kit-lang').selectOption('ps');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await page.waitForURL((u) => u.searchParams.get('lang') === 'ps');
  await expect(page.locator('section.card h2')).toHaveText('پښتو');
  await check('kit in pashto');

  const links = page.locator('ul.kit a');
  await expect(links).toHaveCount(4);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') || ''))) {
    expect(href, 'each document in Pashto').toContain('lang=ps');
    // The same session answers each link with a PDF.
    const r = await page.request.get(href);
    expect(r.status(), href).toBe(200);
    expect(r.headers()['content-type']).toBe('application/pdf');
  }

  const cards = page.getByRole('link', { name: 'Cartes de poche (10 par feuille A4, à découper)' });
  const [download] = await Promise.all([page.waitForEvent('download'), cards.click()]);
  expect(download.suggestedFilename()).toBe('consigne-cards-ps.pdf');
  const saved = artifact('cards-ps.pdf');
  await download.saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = squash(execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' }));
  expect(text).toContain(squash('Accueil de jour Les Tilleuls'));
  expect(text).toContain('/login');
  expect(text).toContain(squash('ستاسو کارن نوم:'));
});
