// The household (issue 14, item 3): Claire proposes to link the safes of two partners her
// structure follows; nothing is linked until each of them accepts in her own safe. One of them
// records her child, who has no safe, and shows her to Les Tilleuls; her journal names the
// professional's proposal and her look at the family file. Claire then opens the family file of
// each partner: the other partner and the child. On a desktop and on a 360 px phone, with and
// without JavaScript (projects "js" and "nojs"), axe-core on every page.
// @ts-check
const { test, expect, login, logout, proOnApi, openSafe, proHome, expectNoHorizontalScroll, randomLetters } = require('./fixtures');

const TILLEULS = 'Accueil de jour Les Tilleuls';

/** On /pro, finds the person with the search form of Les Tilleuls' card and opens her page. */
async function openPerson(page, check, section, person) {
  await section.locator('form.search input[name=q]').fill(person.lastName);
  await section.locator('form.search button[type=submit]').click();
  await page.waitForURL((u) => u.searchParams.get('q') === person.lastName);
  const link = page.locator('ul.people a', { hasText: person.lastName }).filter({ hasText: person.firstName });
  await expect(link).toHaveCount(1);
  await check(`search ${person.firstName}`);
  await link.click();
  await page.waitForURL((u) => u.pathname === `/pro/b/${person.id}`);
  await expect(page.locator('h1')).toContainText(person.name);
  await check(`page of ${person.firstName}`);
}

/** On a person's page, follows the "Famille" link to her family file. */
async function openFamilyFile(page, check, person) {
  await page.locator(`a[href="/pro/b/${person.id}/family"]`).click();
  await page.waitForURL((u) => u.pathname === `/pro/b/${person.id}/family`);
  await expect(page.locator('h1')).toHaveText(`Famille — ${person.name}`);
  await expectNoHorizontalScroll(page);
  await check(`family file of ${person.firstName}`);
}

/** Logs a person in and opens "Ma famille" from her home's tile. */
async function herFamilyPage(page, check, person) {
  await page.goto('/login');
  await check(`login ${person.firstName}`);
  await login(page, person);
  await expect(page).toHaveURL(/\/home$/);
  await check(`home of ${person.firstName}`);
  await page.locator('nav.tiles a.tile', { hasText: 'Ma famille' }).click();
  await expect(page).toHaveURL(/\/family$/);
  await expect(page.locator('h1')).toHaveText('Ma famille');
}

/** The card "Coffres reliés" of her family page, and its row about `other`. */
function linkRow(page, other) {
  const card = page.locator('section.card', { has: page.locator('h2', { hasText: 'Coffres reliés' }) });
  return card.locator('div.row', { hasText: other.name });
}

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 360, height: 740 }],
]) {
  test.describe(`the household on a ${label}`, () => {
    test.use({ viewport });

    test(`h two partners link their safes, a child without a safe, the family file (${label})`, async ({ page, check, request }) => {
      test.setTimeout(240_000);
      const suffix = randomLetters(6);
      const lastName = `Ferhat-${suffix[0].toUpperCase()}${suffix.slice(1)}`;
      const password = 'le vent du nord souffle fort 19';
      const nadia = { firstName: 'Nadia', lastName, name: `Nadia ${lastName}`, birthDate: '1991-04-12', password, identifier: '', id: '' };
      const omar = { firstName: 'Omar', lastName, name: `Omar ${lastName}`, birthDate: '1989-10-30', password, identifier: '', id: '' };
      const child = { firstName: 'Inès', birthDate: '04/05/2018' };

      // Les Tilleuls follows both (their safes opened there, through the API).
      const claire = await proOnApi(request);
      for (const p of [nadia, omar]) {
        Object.assign(p, await openSafe(request, claire, { first_name: p.firstName, last_name: p.lastName, birth_date: p.birthDate, password, language: 'fr' }));
      }
      await claire.done();

      // Claire proposes the link from Nadia's family file: nobody is linked yet.
      await openPerson(page, check, await proHome(page, check), nadia);
      await openFamilyFile(page, check, nadia);
      const members = page.locator('section.card', { has: page.locator('h2', { hasText: 'Membres' }) });
      const dependants = page.locator('section.card', { has: page.locator('h2', { hasText: 'Personnes à charge' }) });
      await expect(members).toContainText("Personne pour l'instant.");
      await expect(page.locator('section.card', { hasText: 'Proposer un lien' })).toContainText('Chaque personne doit l\'accepter dans son propre coffre.');
      await page.locator('#family-member').selectOption({ label: `${omar.name} (${omar.birthDate.split('-').reverse().join('/')})` });
      await page.locator('#family-relation').selectOption('partner');
      await page.getByRole('button', { name: 'Proposer', exact: true }).click();
      await page.waitForURL((u) => u.pathname === `/pro/b/${nadia.id}/family` && u.searchParams.get('s') !== null);
      await expect(page.locator('.notice')).toContainText("C'est enregistré.");
      await expect(members).toContainText("Personne pour l'instant.");
      await expect(members.locator('li')).toHaveCount(0);
      await check('link proposed');
      await logout(page, check);

      // Nadia sees the proposal in her safe, who made it, and accepts it; she records her
      // daughter, who has no safe, and shows her to Les Tilleuls.
      await herFamilyPage(page, check, nadia);
      const nadiaSide = linkRow(page, omar);
      await expect(nadiaSide).toContainText('Conjoint ou conjointe');
      await expect(nadiaSide).toContainText('Demande à se relier à vous');
      await expect(nadiaSide).toContainText(`Proposé par ${TILLEULS}`);
      await expect(nadiaSide.getByRole('button', { name: 'Refuser' })).toBeVisible();
      await expectNoHorizontalScroll(page);
      await check('proposal waiting for her');
      await nadiaSide.getByRole('button', { name: 'Accepter' }).click();
      await page.waitForURL((u) => u.pathname === '/family');
      await expect(page.locator('.notice')).toContainText("C'est enregistré.");
      await expect(nadiaSide).toContainText('En attente de sa réponse');
      await expect(nadiaSide.getByRole('button', { name: 'Accepter' })).toHaveCount(0);
      await check('accepted, waiting for him');

      await page.locator('#dependant-first-name').fill(child.firstName);
      await page.locator('#dependant-birth-date').fill(child.birthDate);
      await page.locator('#dependant-relation').selectOption('child');
      await page.locator('form[action="/family/dependants"] button[type=submit]').click();
      await page.waitForURL((u) => u.pathname === '/family');
      const childRow = page.locator('div.row', { hasText: `${child.firstName} — Enfant, ${child.birthDate}` });
      await expect(childRow).toHaveCount(1);
      await check('child recorded');
      await childRow.getByRole('button', { name: `Montrer à ${TILLEULS}` }).click();
      await page.waitForURL((u) => u.pathname === '/family');
      await expect(page.locator('.notice')).toContainText("C'est enregistré : les relais cochés le voient.");
      await expect(childRow.getByRole('button', { name: `Ne plus montrer à ${TILLEULS}` })).toBeVisible();
      await check('child shown to les tilleuls');

      // Her journal says what the professional did.
      await page.goto('/journal');
      const journal = page.locator('ol.journal');
      await expect(journal.locator('li', { hasText: 'a proposé de relier deux coffres d\'une famille' })).toHaveCount(1);
      await expect(journal.locator('li', { hasText: 'a proposé de relier deux coffres d\'une famille' })).toContainText('Claire Martin');
      await expect(journal.locator('li', { hasText: 'a consulté la fiche famille' }).first()).toBeVisible();
      await expect(journal.locator('li', { hasText: 'a accepté un lien familial' }).first()).toBeVisible();
      await check('her journal');
      await logout(page, check);

      // Omar sees the same proposal on his side and accepts it: the link exists.
      await herFamilyPage(page, check, omar);
      const omarSide = linkRow(page, nadia);
      await expect(omarSide).toContainText('Conjoint ou conjointe');
      await expect(omarSide).toContainText('Demande à se relier à vous');
      await expect(omarSide).toContainText(`Proposé par ${TILLEULS}`);
      await check('proposal waiting for him');
      await omarSide.getByRole('button', { name: 'Accepter' }).click();
      await page.waitForURL((u) => u.pathname === '/family');
      await expect(omarSide).toContainText('Reliés');
      await expect(omarSide.getByRole('button', { name: 'Défaire le lien' })).toBeVisible();
      // Nadia's child is hers to show: Omar's own list of dependants stays empty.
      await expect(page.locator('body')).not.toContainText(child.firstName);
      await expectNoHorizontalScroll(page);
      await check('linked');
      await logout(page, check);

      // Claire opens the family file of each: the partner, and the child Nadia shows.
      await openPerson(page, check, await proHome(page, check), nadia);
      await openFamilyFile(page, check, nadia);
      await expect(members.locator('li')).toHaveCount(1);
      await expect(members.locator('li')).toContainText(`${omar.name} — Conjoint ou conjointe, 30/10/1989`);
      await expect(dependants.locator('li')).toHaveCount(1);
      await expect(dependants.locator('li')).toContainText(`${child.firstName} — Enfant, ${child.birthDate}`);
      await expect(dependants.locator('li')).toContainText(`notée par ${nadia.name}`);
      await members.getByRole('link', { name: omar.name }).click();
      await page.waitForURL((u) => u.pathname === `/pro/b/${omar.id}`);
      await expect(page.locator('h1')).toContainText(omar.name);
      await check('page of omar from the family file');
      await openFamilyFile(page, check, omar);
      await expect(members.locator('li')).toHaveCount(1);
      await expect(members.locator('li')).toContainText(`${nadia.name} — Conjoint ou conjointe, 12/04/1991`);
      await expect(dependants.locator('li')).toContainText(`${child.firstName} — Enfant, ${child.birthDate}`);
      await expect(dependants.locator('li')).toContainText(`notée par ${nadia.name}`);
      await logout(page, check);
    });
  });
}
