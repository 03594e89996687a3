// The platform admin's operations (issue 18, item 6): the structures filtered by a licence
// ending within 30 days, the jobs dashboard, a feature switched off for one structure and back.
// Plain forms, with and without JavaScript, desktop then phone; axe-core on every page.
// @ts-check
const { test, expect, DEMO, login, logout, randomLetters, expectNoHorizontalScroll } = require('./fixtures');

test.use({ viewport: { width: 1280, height: 800 } });

/** `YYYY-MM-DD`, `days` from today. */
function day(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('the platform admin filters licences, reads the jobs and switches a feature', async ({ page, check }) => {
  const name = `Accueil ${randomLetters(6)}`;
  await page.goto('/login');
  await check('login');
  await login(page, DEMO.admin);
  await expect(page).toHaveURL(/\/admin$/);
  await check('admin');

  // A structure whose licence ends in 12 days.
  const create = page.locator('form[action="/admin/structures"]');
  await create.locator('#name').fill(name);
  await create.getByRole('button').click();
  await page.waitForURL((u) => /^\/s\/[^/]+\/team$/.test(u.pathname));
  const sid = new URL(page.url()).pathname.split('/')[2];
  await check('new structure team');
  await page.goto(`/admin/structures/${sid}`);
  await check('structure licence, empty');
  await page.locator('#status').selectOption('signed');
  await page.locator('#starts_on').fill(day(-353));
  await page.locator('#ends_on').fill(day(12));
  await page.locator('#annual_budget_eur').fill('200000');
  await page.locator('#licence form button[type=submit]').click();
  await page.waitForURL((u) => u.pathname === `/admin/structures/${sid}`);
  await check('structure licence, ending soon');

  // The filter: bookmarkable, with its count.
  await page.goto('/admin');
  await check('admin, every structure');
  await page.locator('nav.filters').getByRole('link', { name: /Licence finissant dans les 30 jours/ }).click();
  await page.waitForURL((u) => u.searchParams.get('state') === 'ending');
  const line = page.locator('ul.people li', { hasText: name });
  await expect(line).toContainText('Licence finissant dans les 30 jours');
  await expect(page.locator('nav.filters a[aria-current="page"]')).toContainText('Licence finissant');
  await check('admin, licences ending');

  // The jobs dashboard.
  await page.goto('/admin');
  await check('admin again');
  await page.getByRole('link', { name: 'Tâches' }).click();
  await page.waitForURL((u) => u.pathname === '/admin/jobs');
  await expect(page.locator('h1')).toContainText('Tâches');
  await expect(page.locator('#failed')).toBeVisible();
  await check('jobs dashboard');

  // News off for that structure.
  await page.goto('/admin');
  await check('admin before the switches');
  await page.getByRole('link', { name: 'Fonctions activables' }).click();
  await page.waitForURL((u) => u.pathname === '/admin/features');
  await check('feature switches');
  const news = page.locator('#feature-news');
  await news.locator('#structure-news').selectOption(sid);
  await news.locator('#state-news').selectOption('off');
  await news.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL((u) => u.pathname === '/admin/features');
  await expect(page.locator('[role=status]')).toContainText('Le réglage est enregistré');
  const own = page.locator(`#feature-news li[data-structure="${sid}"]`);
  await expect(own).toHaveAttribute('data-state', 'off');
  await expect(own).toContainText(name);
  await check('feature switched off for a structure');

  // On the phone, the pages hold in the width.
  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of ['/admin?state=ending', '/admin/jobs', '/admin/features']) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
    await check(`phone ${path}`);
  }

  // Back to the global switch.
  await page.locator(`#feature-news li[data-structure="${sid}"]`).getByRole('button').click();
  await page.waitForURL((u) => u.pathname === '/admin/features');
  await expect(page.locator(`#feature-news li[data-structure="${sid}"]`)).toHaveCount(0);
  await check('feature follows the global switch again');
  await logout(page, check);
});
