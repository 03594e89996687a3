// Structure news (issue 17, item 2): a professional of Les Tilleuls posts a short text, with an
// Arabic translation, to the people it follows; Amina finds it on her home page and hides it.
// On a 360 px phone, with and without JavaScript (projects "js" and "nojs"), axe-core on every
// page.
// @ts-check
const { test, expect, DEMO, login, logout, proHome, expectNoHorizontalScroll, randomLetters } = require('./fixtures');

test.use({ viewport: { width: 360, height: 740 } });

test('n a structure posts news and she reads it on her home page', async ({ page, check }) => {
  test.setTimeout(120_000);
  const text = `Atelier CV jeudi à 14 h ${randomLetters(6)}`;
  const card = await proHome(page, check);
  await card.getByRole('link', { name: 'Actualités' }).click();
  await expect(page.locator('h1')).toContainText('Actualités');
  await check('news page');
  await page.locator('#news-text').fill(text);
  // The translations are folded away; open them and write the Arabic one.
  await page.locator('details summary', { hasText: "Ajouter d'autres langues" }).click();
  await page.locator('#news-text-ar').fill('ورشة السيرة الذاتية يوم الخميس');
  await page.locator('#news-days').selectOption('7');
  await page.getByRole('button', { name: 'Publier' }).click();
  await page.waitForLoadState('load');
  const posted = page.locator('article.news', { hasText: text });
  await expect(posted).toHaveCount(1);
  await expect(posted).toContainText('ورشة السيرة الذاتية');
  await expectNoHorizontalScroll(page);
  await check('news posted');
  await logout(page, check);

  await page.goto('/login');
  await check('login');
  await login(page, DEMO.amina);
  await expect(page).toHaveURL(/\/home$/);
  const mine = page.locator('#news article.news', { hasText: text });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('Accueil de jour Les Tilleuls');
  await expectNoHorizontalScroll(page);
  await check('her home with the news');
  await mine.getByRole('button', { name: 'Masquer' }).click();
  await page.waitForLoadState('load');
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.locator('article.news', { hasText: text })).toHaveCount(0);
  await check('her home, news hidden');
});
