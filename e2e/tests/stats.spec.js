// A structure's statistics (issue 14, item 7): Claire opens the statistics of Les Tilleuls from
// her home, reads each figure with its definition in words, downloads the CSV and the ODS
// spreadsheet and finds in both exactly the page's figures; she then picks a past day on which
// she dated a phone report (one per run: each project and screen has its own day, so the counts
// are exact) and sees that report counted, again the same in the CSV and the ODS. On a desktop
// and on a 360 px phone, with and without JavaScript (projects "js" and "nojs"), axe-core on
// every page.
// @ts-check
const fs = require('node:fs');
const { test, expect, logout, proOnApi, openSafe, proHome, expectNoHorizontalScroll, randomLetters } = require('./fixtures');

/** A CSV text (RFC 4180) as rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function xmlText(s) {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The rows of an ODS file written with stored (uncompressed) entries, as [figure, label, value]:
 * checks the ZIP starts with the `mimetype` entry an OpenDocument reader looks for.
 */
function odsRows(buffer) {
  expect(buffer.subarray(0, 4).toString('latin1'), 'a ZIP file').toBe('PK\x03\x04');
  expect(buffer.subarray(30, 38).toString('latin1'), 'its first entry').toBe('mimetype');
  expect(buffer.subarray(38, 84).toString('latin1')).toBe('application/vnd.oasis.opendocument.spreadsheet');
  const text = buffer.toString('utf8');
  const start = text.indexOf('<office:document-content');
  expect(start, 'content.xml is in the file').toBeGreaterThan(0);
  const content = text.slice(start, text.indexOf('</office:document-content>') + 1);
  return [...content.matchAll(/<table:table-row>(.*?)<\/table:table-row>/g)].map(([, row]) =>
    [...row.matchAll(/<table:table-cell([^>]*?)(?:\/>|>(.*?)<\/table:table-cell>)/g)].map(([, attrs, inner]) => {
      const typed = /office:(?:date-)?value="([^"]*)"/.exec(attrs);
      if (typed) return typed[1];
      const p = /<text:p>(.*?)<\/text:p>/.exec(inner || '');
      return p ? xmlText(p[1]) : '';
    }),
  );
}

/** Every figure the page shows: key, label, value as shown. */
async function pageFigures(page) {
  return page.locator('dl.figures div.figure').evaluateAll((divs) =>
    divs.map((d) => ({
      key: d.id.replace(/^figure-/, ''),
      label: (d.querySelector('dt')?.textContent || '').trim(),
      shown: (d.querySelector('strong[data-figure]')?.textContent || '').trim(),
      definition: (d.querySelector('dd.hint')?.textContent || '').trim(),
    })),
  );
}

/** A figure as the page shows it, from its plain value in the CSV. */
function expectSameFigure(key, shown, plain) {
  if (key === 'reconnection_rate') {
    if (plain === '') {
      expect(shown, 'no rate: no safe opened in the period').toBe('— (aucun coffre ouvert)');
    } else {
      // French: a decimal comma and a no-break space before the sign.
      const digits = /^(\d+),(\d)\u00a0%$/.exec(shown);
      expect(digits, `${key}: ${shown} is a rate written in French`).not.toBeNull();
      const percent = Number(`${digits?.[1]}.${digits?.[2]}`);
      expect(Math.abs(percent - Number(plain) * 100), `${key}: page ${shown}, CSV ${plain}`).toBeLessThanOrEqual(0.051);
    }
  } else {
    expect(shown, `${key} on the page and in the CSV`).toBe(plain);
  }
}

/**
 * Downloads the CSV and the ODS from the page's buttons and checks that both hold exactly the
 * page's figures, in the same order, named as on the page, after the period's two dates.
 * Resolves with the CSV's figures by key.
 */
async function downloadsMatchThePage(page, artifact, period) {
  const figures = await pageFigures(page);
  const files = {};
  for (const [kind, name] of [['csv', 'Télécharger (CSV)'], ['ods', 'Télécharger (tableur ODS)']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
    expect(download.suggestedFilename()).toBe(`statistics-${period.from}-${period.to}.${kind}`);
    const saved = artifact(`statistics-${period.from}.${kind}`);
    await download.saveAs(saved);
    files[kind] = fs.readFileSync(saved);
  }
  const csv = parseCsv(files.csv.toString('utf8'));
  expect(csv[0]).toEqual(['figure', 'label', 'value']);
  const rows = csv.slice(1);
  expect(rows.slice(0, 2)).toEqual([
    ['from', 'Début de la période', period.from],
    ['to', 'Fin de la période', period.to],
  ]);
  // Exactly the page's figures: the same keys in the same order, the same names and values.
  expect(rows.slice(2).map((r) => r[0])).toEqual(figures.map((f) => f.key));
  for (const [i, f] of figures.entries()) {
    const [, label, plain] = rows[i + 2];
    expect(label, `${f.key}: its name`).toBe(f.label);
    expectSameFigure(f.key, f.shown, plain);
  }
  // The spreadsheet holds the CSV's rows, numbers as numbers.
  expect(odsRows(files.ods)).toEqual(csv);
  return Object.fromEntries(rows.map((r) => [r[0], r[2]]));
}

/** The period form: picks `from` and `to` and shows their figures. */
async function pickPeriod(page, { from, to }) {
  await page.locator('#stats-from').fill(from);
  await page.locator('#stats-to').fill(to);
  await page.locator('form.period button[type=submit]').click();
  await page.waitForURL((u) => u.searchParams.get('from') === from && u.searchParams.get('to') === to);
}

function frenchDay(iso) {
  return iso.split('-').reverse().join('/');
}

/** One past day per project and screen: the server is fresh for each run of the suite. */
const DAYS = { 'js-desktop': '2024-03-11', 'js-phone': '2024-03-12', 'nojs-desktop': '2024-03-13', 'nojs-phone': '2024-03-14' };

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 360, height: 740 }],
]) {
  test.describe(`the statistics on a ${label}`, () => {
    test.use({ viewport });

    test(`s the statistics of a period, their definitions, CSV and ODS (${label})`, async ({ page, check, request, artifact }, testInfo) => {
      test.setTimeout(180_000);
      const day = DAYS[`${testInfo.project.name}-${label}`];
      expect(day, 'a day for this project').toBeTruthy();

      // A report Claire dated that day, by phone, about health and housing, for a new person.
      const claire = await proOnApi(request);
      const person = await openSafe(request, claire, { first_name: 'Salma', last_name: `Idrissi-${randomLetters(6)}`, birth_date: '1996-01-23', password: 'la pluie tombe sur le toit 8', language: 'fr' });
      const report = await request.post(`/api/v1/structures/${claire.sid}/people/${person.id}/followups`, {
        headers: claire.headers,
        data: { date: day, medium: 'phone', subjects: ['health', 'housing'], status: 'done', shared_text: 'Appel pour la carte Vitale.' },
      });
      expect(report.status(), 'the report is written').toBe(201);
      await claire.done();

      const structure = await proHome(page, check);
      await structure.getByRole('link', { name: 'Statistiques' }).click();
      await page.waitForURL((u) => u.pathname === '/pro/stats' && u.searchParams.get('s') === claire.sid);
      await expect(page.locator('h1')).toHaveText('Statistiques');
      await expect(page.locator('main')).toContainText('aucun contenu n\'est déchiffré pour les calculer');

      // By default: from the first of January to today.
      const thisYear = { from: await page.locator('#stats-from').inputValue(), to: await page.locator('#stats-to').inputValue() };
      expect(thisYear.from).toBe(`${thisYear.to.slice(0, 4)}-01-01`);
      await expect(page.locator('#stats-figures')).toHaveText(`Du ${frenchDay(thisYear.from)} au ${frenchDay(thisYear.to)}`);
      // Each figure is named and defined in words; a breakdown's definition once, on its first line.
      const figures = await pageFigures(page);
      for (const f of figures) {
        expect(f.label, `${f.key} has a name`).not.toBe('');
        expect(f.shown, `${f.key} has a value`).not.toBe('');
        if (!f.key.includes('.')) expect(f.definition.length, `${f.key} is defined in words`).toBeGreaterThan(30);
      }
      const groups = [...new Set(figures.filter((f) => f.key.includes('.')).map((f) => f.key.split('.')[0]))];
      expect(groups).toEqual(['followups_by_medium', 'followups_by_subject', 'by_housing']);
      for (const g of groups) {
        const lines = figures.filter((f) => f.key.startsWith(`${g}.`));
        expect(lines[0].definition.length, `${g} is defined in words`).toBeGreaterThan(30);
        expect(lines.slice(1).every((f) => f.definition === ''), `${g}: its definition once`).toBe(true);
      }
      await expect(page.locator('#figure-people_followed dd.hint')).toContainText('Personnes qui ont la structure comme relais à la fin de la période');
      await expect(page.locator('#figure-followups dd.hint')).toContainText("Comptes rendus d'entretien datés dans la période");
      await expect(page.locator('#figure-reconnection_rate dd.hint')).toContainText('Personnes reconnectées divisées par coffres ouverts');
      await expect(page.locator('#figure-safes_reconnected dd.hint')).toContainText('entre le 1er et le 183e jour après l\'ouverture');
      // This year: the demo's people and the safe opened above are followed.
      const followed = Number(await page.locator('strong[data-figure=people_followed]').textContent());
      expect(followed, 'people followed this year').toBeGreaterThanOrEqual(4);
      expect(Number(await page.locator('strong[data-figure=safes_opened]').textContent())).toBeGreaterThanOrEqual(4);
      await expect(page.locator('strong[data-figure=reconnection_rate]')).toHaveText(/^\d+,\d\u00a0%$/);
      await expectNoHorizontalScroll(page);
      await check('statistics of this year');
      const yearCsv = await downloadsMatchThePage(page, artifact, thisYear);
      expect(yearCsv.people_followed).toBe(String(followed));

      // She picks the day of her phone report: exactly that report, and nobody followed yet.
      const past = { from: day, to: day };
      await pickPeriod(page, past);
      await expect(page.locator('#stats-figures')).toHaveText(`Du ${frenchDay(day)} au ${frenchDay(day)}`);
      await expect(page.locator('#stats-from')).toHaveValue(day);
      const expected = {
        people_followed: '0',
        safes_opened: '0',
        safes_reconnected: '0',
        reconnection_rate: '— (aucun coffre ouvert)',
        followups: '1',
        'followups_by_medium.phone': '1',
        'followups_by_subject.health': '1',
        'followups_by_subject.housing': '1',
      };
      for (const [key, value] of Object.entries(expected)) {
        await expect(page.locator(`strong[data-figure="${key}"]`), key).toHaveText(value);
      }
      await expect(page.locator('[id="figure-followups_by_medium.phone"] dt')).toHaveText('Entretiens par mode de contact : Téléphone');
      await expect(page.locator('[id="figure-followups_by_subject.health"] dt')).toHaveText('Entretiens par sujet : Santé');
      await expect(page.locator('dl.figures div.figure')).toHaveCount(13);
      await check('statistics of one day');
      const dayCsv = await downloadsMatchThePage(page, artifact, past);
      expect(dayCsv).toEqual({
        from: day,
        to: day,
        people_followed: '0',
        safes_opened: '0',
        safes_reconnected: '0',
        reconnection_rate: '',
        relais_accepted: '0',
        documents_added_by_professionals: '0',
        documents_added_by_people: '0',
        sms_sent: '0',
        sms_segments: '0',
        followups: '1',
        'followups_by_medium.phone': '1',
        'followups_by_subject.health': '1',
        'followups_by_subject.housing': '1',
      });

      // A period that ends before it starts is refused on the page, in words.
      await pickPeriod(page, { from: day, to: '2024-03-01' });
      await expect(page.locator('.notice.error[role=alert]')).toBeVisible();
      await expect(page.locator('dl.figures')).toHaveCount(0);
      await check('a period the wrong way round');
      await logout(page, check);
    });
  });
}
