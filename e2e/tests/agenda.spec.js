// The structure's agenda (issue 14, item 5): Claire opens the agenda of Les Tilleuls from her
// home on the current week and goes to the next one, where two reports are due: one written by
// Sofia for a person whose referent she is, one written by Claire for a person whose referent
// she is. She filters by referent, goes back a week with the filter kept, downloads the
// filtered week as iCalendar and opens a person's reports from her line. On a desktop and on a
// 360 px phone, with and without JavaScript (projects "js" and "nojs"), axe-core on every page.
// @ts-check
const fs = require('node:fs');
const { test, expect, DEMO, logout, proOnApi, openSafe, proHome, expectNoHorizontalScroll, randomLetters } = require('./fixtures');

/** `dd/mm/yyyy` <-> `yyyy-mm-dd`, and a day `n` days later. */
function iso(french) {
  return french.split('/').reverse().join('-');
}
function french(isoDay) {
  return isoDay.split('-').reverse().join('/');
}
function plusDays(isoDay, n) {
  const d = new Date(`${isoDay}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 360, height: 740 }],
]) {
  test.describe(`the agenda on a ${label}`, () => {
    test.use({ viewport });

    test(`ag the week's due reports, by referent (${label})`, async ({ page, check, request, artifact }) => {
      test.setTimeout(180_000);
      const lastName = `Mansour-${randomLetters(6)}`;
      const password = 'un chat dort sur le banc 31';

      // Two people of Les Tilleuls: Sofia is Rania's referent, Claire is Youssef's.
      const claire = await proOnApi(request);
      const sofia = await proOnApi(request, DEMO.sofia);
      const rania = { name: `Rania ${lastName}`, referent: sofia, id: '' };
      const youssef = { name: `Youssef ${lastName}`, referent: claire, id: '' };
      for (const p of [rania, youssef]) {
        const [first, last] = p.name.split(' ');
        p.id = (await openSafe(request, claire, { first_name: first, last_name: last, birth_date: '1985-07-09', password, language: 'fr' })).id;
        const file = await request.patch(`/api/v1/structures/${claire.sid}/people/${p.id}/file`, { headers: claire.headers, data: { referent_id: p.referent.account.id } });
        expect(file.status(), `${p.name}'s referent`).toBe(200);
      }

      const structure = await proHome(page, check);
      await structure.getByRole('link', { name: 'Agenda' }).click();
      await page.waitForURL((u) => u.pathname === `/pro/s/${claire.sid}/agenda`);
      const heading = page.locator('h1');
      await expect(heading).toHaveText(/^\s*Semaine du \d\d\/\d\d\/\d{4}$/);
      const monday = iso((await heading.textContent() || '').replace(/^.*Semaine du /, '').trim());
      expect(new Date(`${monday}T12:00:00Z`).getUTCDay(), 'a week starts on Monday').toBe(1);
      await expect(page.locator('#pro-agenda-referent option:checked')).toHaveText('Tout le monde');
      await check('this week');

      // Each referent writes a report due on Wednesday of next week (a referent's filter also
      // shows the due dates of the reports she wrote herself).
      const nextMonday = plusDays(monday, 7);
      const wednesday = plusDays(monday, 9);
      for (const p of [rania, youssef]) {
        const r = await request.post(`/api/v1/structures/${claire.sid}/people/${p.id}/followups`, {
          headers: p.referent.headers,
          data: { date: monday, medium: 'walk_in', subjects: ['administrative'], status: 'todo', due_on: wednesday },
        });
        expect(r.status(), `a report for ${p.name}`).toBe(201);
      }
      await claire.done();
      await sofia.done();

      await page.getByRole('link', { name: 'Semaine suivante' }).click();
      await page.waitForURL((u) => u.searchParams.get('week') === nextMonday);
      await expect(heading).toHaveText(`Semaine du ${french(nextMonday)}`);
      const day = page.locator('section.card', { has: page.locator('h2', { hasText: french(wednesday) }) });
      const line = (p) => day.locator('li', { hasText: p.name });
      await expect(line(rania)).toContainText("Échéance d'un entretien (À faire)");
      await expect(line(youssef)).toContainText("Échéance d'un entretien (À faire)");
      await expectNoHorizontalScroll(page);
      await check('next week');

      // Sofia's people only: Rania.
      await page.locator('#pro-agenda-referent').selectOption({ label: 'Sofia Lopes' });
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.waitForURL((u) => u.searchParams.get('referent') === sofia.account.id);
      await expect(heading).toHaveText(`Semaine du ${french(nextMonday)}`);
      await expect(page.locator('#pro-agenda-referent option:checked')).toHaveText('Sofia Lopes');
      await expect(line(rania)).toHaveCount(1);
      await expect(line(youssef)).toHaveCount(0);
      await check('next week, sofia');

      // Claire's: Youssef; the .ics of the filtered week holds his due date only.
      await page.locator('#pro-agenda-referent').selectOption({ label: 'Claire Martin' });
      await page.getByRole('button', { name: 'Filtrer' }).click();
      await page.waitForURL((u) => u.searchParams.get('referent') === claire.account.id);
      await expect(line(youssef)).toHaveCount(1);
      await expect(line(rania)).toHaveCount(0);
      await check('next week, claire');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger (fichier .ics)' }).click()]);
      const saved = artifact('agenda.ics');
      await download.saveAs(saved);
      const ics = fs.readFileSync(saved, 'utf8');
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      // Long lines are folded (RFC 5545): unfold them before reading.
      const unfolded = ics.replace(/\r\n[ \t]/g, '');
      expect(unfolded).toContain(youssef.name);
      expect(unfolded).not.toContain(rania.name);

      // A week back keeps the filter; nothing of theirs is due then.
      await page.getByRole('link', { name: 'Semaine précédente' }).click();
      await page.waitForURL((u) => u.searchParams.get('week') === monday && u.searchParams.get('referent') === claire.account.id);
      await expect(heading).toHaveText(`Semaine du ${french(monday)}`);
      await expect(page.locator('main')).not.toContainText(lastName);
      await check('this week, claire');

      // From his line, Youssef's reports.
      await page.getByRole('link', { name: 'Semaine suivante' }).click();
      await page.waitForURL((u) => u.searchParams.get('week') === nextMonday);
      await check('next week again');
      await line(youssef).getByRole('link', { name: youssef.name }).click();
      await page.waitForURL((u) => u.pathname === `/pro/b/${youssef.id}/followups`);
      await expect(page.locator('article.followup')).toHaveCount(1);
      await check('his reports');
      await logout(page, check);
    });
  });
}
