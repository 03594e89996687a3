// Rights and procedures, end to end (issue 15): Claire, a professional of Les Tilleuls, simulates
// Samira's rights from her file, starts the RSA procedure for her, and its checklist shows one
// paper missing (her payslip: the identity card, the domiciliation certificate and the RIB are
// already in her safe, shared with Les Tilleuls). Samira, on her phone and in Arabic (right to
// left), opens the procedure, follows "add this paper" to the add-a-paper form with the type
// chosen, adds her payslip and shares it with Les Tilleuls. Claire reloads the checklist (all
// present), makes the complete file with a mention on every page and downloads it: qpdf counts
// 1 + Σ pages, poppler reads the procedure's name on the cover and the mention on every page.
// On a desktop and on a 360 px phone, with and without JavaScript (projects "js" and "nojs"),
// axe-core on every page.
// @ts-check
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test, expect, login, logout, proOnApi, openSafe, proHome, expectNoHorizontalScroll, randomLetters, pdfOfPages, ARTIFACTS } = require('./fixtures');

/**
 * The text of each page of a PDF file, as pypdf reads it (the tests' Python, which test-all
 * sets up: `CONSIGNE_TEST_PYTHON`); poppler splits a diagonal watermark into pieces.
 */
function pdfPages(pdfPath) {
  const python = process.env.CONSIGNE_TEST_PYTHON;
  expect(python, 'CONSIGNE_TEST_PYTHON (scripts/test-all sets it)').toBeTruthy();
  const script = 'import json, sys\nfrom pypdf import PdfReader\nr = PdfReader(sys.argv[1], strict=True)\nprint(json.dumps([" ".join(p.extract_text().split()) for p in r.pages]))';
  return JSON.parse(execFileSync(/** @type {string} */ (python), ['-c', script, pdfPath], { encoding: 'utf8' }));
}

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 360, height: 740 }],
]) {
  test.describe(`rights and procedures on a ${label}`, () => {
    test.use({ viewport });

    test(`from the simulation to the complete file of her RSA (${label})`, async ({ page, check, request }, testInfo) => {
      test.setTimeout(240_000);
      const suffix = randomLetters(6);
      const lastName = `Haddad-${suffix[0].toUpperCase()}${suffix.slice(1)}`;
      const password = 'les oiseaux chantent au matin 42';
      const claire = await proOnApi(request);
      const person = await openSafe(request, claire, { first_name: 'Samira', last_name: lastName, birth_date: '1988-06-02', password, language: 'ar' });
      // Three of the RSA's four papers, added by Claire for her (so shared with Les Tilleuls).
      for (const [name, type] of [['Carte identité', 'identity_card'], ['Domiciliation', 'domiciliation_certificate'], ['RIB', 'bank_details']]) {
        const added = await request.post(`/api/v1/beneficiaries/${person.id}/documents`, {
          headers: claire.headers,
          multipart: { file: { name: `${type}.pdf`, mimeType: 'application/pdf', buffer: pdfOfPages([name.toUpperCase()]) }, name, type },
        });
        expect(added.status(), `${name} is added`).toBe(201);
      }
      await claire.done();

      // 1. Claire simulates her rights from her file.
      await proHome(page, check);
      await page.goto(`/pro/b/${person.id}`);
      await expect(page.locator('h1')).toContainText(`Samira ${lastName}`);
      await check('her file');
      await page.locator(`a[href="/pro/b/${person.id}/rights"]`).click();
      await page.waitForURL((u) => u.pathname === `/pro/b/${person.id}/rights`);
      await check('her rights, the questions');
      await page.locator('#f-housing-homeless').check();
      await page.locator('#f-r_self_wages_1').fill('150');
      await page.locator('#f-r_self_wages_2').fill('150');
      await page.locator('#f-r_self_wages_3').fill('150');
      await page.getByRole('button', { name: 'Voir mes droits' }).click();
      await page.waitForURL((u) => u.searchParams.get('sim') !== null);
      await expect(page.locator('#benefit-rsa .verdict.eligible')).toBeVisible();
      await check('her rights, RSA eligible');

      // 2. She starts the RSA procedure for her: one paper of four is missing.
      await page.goto(`/pro/b/${person.id}`);
      await check('her file again');
      await page.locator(`a[href="/pro/b/${person.id}/procedures"]`).click();
      await page.waitForURL((u) => u.pathname === `/pro/b/${person.id}/procedures`);
      await expect(page.locator('#procedures-history')).toContainText('Aucune démarche');
      await check('her procedures, none yet');
      await page.locator('#f-code-rsa').check();
      await page.locator('#start-procedure button[type=submit]').click();
      await page.waitForURL((u) => /^\/pro\/b\/[^/]+\/procedures\/[0-9a-f-]{36}$/.test(u.pathname));
      const procedurePath = new URL(page.url()).pathname;
      const procedureId = procedurePath.split('/').pop();
      await expect(page.locator('h1')).toContainText('RSA');
      const lines = page.locator('#checklist li');
      await expect(lines).toHaveCount(4);
      await expect(page.locator('#checklist li[data-state=present]')).toHaveCount(3);
      await expect(page.locator('#checklist li[data-state=missing]')).toHaveCount(1);
      await expect(page.locator('#checklist li[data-state=missing] .paper[data-type=payslip]')).toBeVisible();
      await expectNoHorizontalScroll(page);
      await check('the checklist, one paper missing');
      await logout(page, check);

      // 3. Samira, in Arabic, adds the missing paper from her phone and shares it.
      await page.goto('/login');
      await check('login');
      await login(page, { identifier: person.identifier, password });
      await expect(page).toHaveURL(/\/home$/);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await check('her home in Arabic');
      await page.locator('nav.tiles a.tile[href="/rights"]').click();
      await page.waitForURL((u) => u.pathname === '/rights');
      await check('her rights in Arabic');
      await page.locator('main a.button[href="/procedures"]').click();
      await page.waitForURL((u) => u.pathname === '/procedures');
      const mine = page.locator('#procedures-history li');
      await expect(mine).toHaveCount(1);
      await expectNoHorizontalScroll(page);
      await check('her procedures in Arabic');
      await mine.locator('a').click();
      await page.waitForURL((u) => u.pathname === `/procedures/${procedureId}`);
      await expect(page.locator('#checklist li[data-state=missing]')).toHaveCount(1);
      await expectNoHorizontalScroll(page);
      await check('her checklist, one paper missing');
      await page.locator('#checklist li[data-state=missing] a[href*="type=payslip"]').click();
      await page.waitForURL((u) => u.pathname === '/documents' && u.searchParams.get('type') === 'payslip');
      await expect(page.locator('#upload-type')).toHaveValue('payslip');
      await page.locator('#upload-file').setInputFiles({ name: 'paie.pdf', mimeType: 'application/pdf', buffer: pdfOfPages(['PAIE 1', 'PAIE 2']) });
      await expectNoHorizontalScroll(page);
      await check('adding her payslip');
      await page.locator('form.upload button[type=submit]').click();
      await page.waitForURL((u) => /^\/documents\/[0-9a-f-]{36}$/.test(u.pathname));
      await check('her payslip, added');
      const share = page.locator('form[action$="/shares"]');
      await share.locator('input[name=sid]').first().check();
      await share.locator('button[type=submit]').click();
      await page.waitForURL((u) => /^\/documents\/[0-9a-f-]{36}$/.test(u.pathname));
      await expect(page.locator('form[action$="/shares"] input[name=sid]').first()).toBeChecked();
      await check('her payslip, shared');
      await page.goto(`/procedures/${procedureId}`);
      await expect(page.locator('#checklist li[data-state=present]')).toHaveCount(4);
      await check('her checklist, complete');
      // She logs out (the header's button, in Arabic).
      await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/logout'),
        page.locator('header form[action="/logout"] button[type=submit]').click(),
      ]);
      await expect(page.locator('header form[action="/logout"]')).toHaveCount(0);
      await check('logged out, in Arabic');

      // 4. Claire sees the checklist complete, makes the file and downloads it.
      await proHome(page, check);
      await page.goto(procedurePath);
      await expect(page.locator('#checklist li[data-state=present]')).toHaveCount(4);
      await expect(page.locator('#checklist li[data-state=missing]')).toHaveCount(0);
      const mention = 'Copie pour la CAF';
      await page.locator('#f-watermark').fill(mention);
      await expectNoHorizontalScroll(page);
      await check('the checklist complete, the file to make');
      await page.locator('#build-file button[type=submit]').click();
      await page.waitForURL((u) => new RegExp(`^/pro/b/${person.id}/documents/[0-9a-f-]{36}$`).test(u.pathname));
      await expect(page.locator('h1')).toContainText('RSA');
      await expectNoHorizontalScroll(page);
      await check('the complete file, a document of her safe');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('main a[href$="/download"]').first().click(),
      ]);
      const saved = path.join(ARTIFACTS, `procedure-file-${label}-${testInfo.project.name}-${suffix}.pdf`);
      await download.saveAs(saved);
      expect(fs.readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = Number(execFileSync('qpdf', ['--show-npages', saved], { encoding: 'utf8' }).trim());
      expect(pages, 'the cover and the 1 + 1 + 1 + 2 pages of the papers').toBe(1 + 1 + 1 + 1 + 2);
      const texts = pdfPages(saved);
      expect(texts).toHaveLength(pages);
      expect(texts[0]).toContain('RSA (revenu de solidarité active)');
      expect(texts[0]).toContain(person.identifier);
      for (const [n, text] of texts.entries()) {
        expect(text, `page ${n + 1} carries the mention`).toContain(mention);
      }
    });
  });
}
