// Shared test machinery: every page a test visits is checked (html lang/dir, axe-core, a
// screenshot in e2e/artifacts/), server errors and browser-side errors fail the test, and a test
// that leaves a visited page unchecked fails too.
// @ts-check
const base = require('@playwright/test');
const fs = require('node:fs');
const path = require('node:path');

const { expect } = base;

const ARTIFACTS = process.env.E2E_ARTIFACTS || path.join(__dirname, '..', 'artifacts');
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/**
 * E2E_PAGE_AUDITS=off leaves out each page's screenshot and axe-core run (the html lang/dir
 * checks stay): scripts/test-all sets it for the PostgreSQL + S3 pass, which checks behaviour on
 * another backend; the pages it shows are the same HTML, audited by the SQLite pass.
 */
const PAGE_AUDITS = process.env.E2E_PAGE_AUDITS !== 'off';
/** axe findings at these levels fail the test; the others are written to the report only. */
const FAILING_IMPACTS = ['serious', 'critical'];

fs.mkdirSync(ARTIFACTS, { recursive: true });

/** A name safe for a file: letters, digits and dashes. */
function slug(s) {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A few random lowercase letters: names must be unique per run, and names may not hold digits
 * that would look like a birth date in the identifier. */
function randomLetters(n) {
  let s = '';
  for (let i = 0; i < n; i += 1) s += String.fromCharCode(97 + Math.floor(Math.random() * 26));
  return s;
}

/** Runs axe-core in a page where scripts may run, and returns its violations. */
async function runAxe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // @ts-ignore axe is injected above.
    const result = await window.axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 300), summary: n.failureSummary })),
    }));
  });
}

/**
 * Without JavaScript the page itself cannot run axe (its scripts and timers are off), so the very
 * document it shows is replayed in a twin page with scripts on, the same viewport and the same
 * CSS, but with /static/app.js blocked so that nothing enhances it: axe sees what a person
 * without JavaScript sees. One twin per test, made on first use.
 */
function makeTwin(browser) {
  let ctx = null;
  let twin = null;
  const current = { url: '', html: '' };
  return {
    async audit(page) {
      current.url = page.url();
      current.html = await page.content();
      const viewport = page.viewportSize() || { width: 1280, height: 800 };
      if (!twin) {
        ctx = await browser.newContext({ javaScriptEnabled: true, viewport, locale: 'fr-FR' });
        twin = await ctx.newPage();
        await twin.route('**/*', (route) => {
          const req = route.request();
          if (req.resourceType() === 'document') {
            return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: current.html });
          }
          if (new URL(req.url()).pathname === '/static/app.js') return route.abort();
          return route.continue();
        });
      } else {
        await twin.setViewportSize(viewport);
      }
      await twin.goto(current.url, { waitUntil: 'load' });
      // The twin shows the same document, not some other page.
      expect(await twin.title(), 'the twin page used for axe shows the same page').toBe(await page.title());
      return runAxe(twin);
    },
    async close() {
      if (ctx) await ctx.close();
    },
  };
}

function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `      - ${n.target}\n        ${n.html}\n        ${(n.summary || '').replace(/\n/g, '\n        ')}`).join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
}

const test = base.test.extend({
  /** `axe(page)`: axe-core's violations on what the page shows now (see makeTwin without JS). */
  axe: async ({ browser }, use, testInfo) => {
    const jsEnabled = testInfo.project.use.javaScriptEnabled !== false;
    const twin = makeTwin(browser);
    await use((page) => (jsEnabled ? runAxe(page) : twin.audit(page)));
    await twin.close();
  },

  /**
   * `check(step)`: call it on every page the test reaches. Asserts html[lang] and html[dir],
   * saves a full-page screenshot as artifacts/<project>--<scenario>--<NN>-<step>.png and fails on
   * any serious or critical axe-core violation.
   */
  check: async ({ page, axe }, use, testInfo) => {
    const project = testInfo.project.name;
    const scenario = slug(testInfo.title);
    let step = 0;
    let navigations = 0;
    let checkedNavigation = 0;
    const unchecked = [];
    const serverErrors = [];
    const browserErrors = [];

    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      if (navigations > checkedNavigation) unchecked.push(`page ${navigations} (left unchecked before ${frame.url()})`);
      navigations += 1;
    });
    page.on('response', (res) => {
      const what = `${res.status()} ${res.request().method()} ${res.url()}`;
      if (res.status() >= 500) serverErrors.push(what);
      // A page may answer 401 or 404 on purpose; its stylesheet, script or icons may not.
      else if (res.status() >= 400 && res.request().resourceType() !== 'document') browserErrors.push(`subresource ${what}`);
    });
    page.on('requestfailed', (req) => {
      if (req.resourceType() !== 'document') browserErrors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
    });
    page.on('pageerror', (err) => browserErrors.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      // Statuses are judged above ("Failed to load resource" also reports a page's own 401).
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) browserErrors.push(`console error: ${msg.text()}`);
    });

    const check = async (name) => {
      step += 1;
      const base = `${project}--${scenario}--${String(step).padStart(2, '0')}-${slug(name)}`;
      await page.waitForLoadState('load');
      const html = page.locator('html');
      await expect(html, `${name}: <html lang>`).toHaveAttribute('lang', /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
      await expect(html, `${name}: <html dir>`).toHaveAttribute('dir', /^(ltr|rtl)$/);
      if (!PAGE_AUDITS) {
        checkedNavigation = navigations;
        return;
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `${base}.png`), fullPage: true });
      const violations = await axe(page);
      if (violations.length > 0) {
        fs.writeFileSync(path.join(ARTIFACTS, `${base}.axe.json`), JSON.stringify({ url: page.url(), violations }, null, 2));
      }
      const minor = violations.filter((v) => !FAILING_IMPACTS.includes(v.impact || ''));
      if (minor.length > 0) {
        testInfo.annotations.push({ type: 'axe (not failing)', description: `${name}: ${minor.map((v) => `${v.id} [${v.impact}]`).join(', ')}` });
      }
      const failing = violations.filter((v) => FAILING_IMPACTS.includes(v.impact || ''));
      expect(failing, `axe-core on "${name}" (${page.url()}):\n${formatViolations(failing)}`).toEqual([]);
      checkedNavigation = navigations;
    };

    await use(check);

    if (navigations > checkedNavigation) unchecked.push(`page ${navigations} (${page.url()})`);
    expect(serverErrors, 'responses with a 5xx status').toEqual([]);
    expect(browserErrors, 'errors in the browser (scripts, CSP, sub-resources)').toEqual([]);
    expect(unchecked, 'visited pages that the test did not check').toEqual([]);
  },

  /** Where artefacts of this test go, with the same naming as the screenshots. */
  artifact: async ({}, use, testInfo) => {
    const scenario = slug(testInfo.title);
    await use((name) => path.join(ARTIFACTS, `${testInfo.project.name}--${scenario}--${slug(name.replace(/\.[a-z]+$/, ''))}${path.extname(name)}`));
  },

  jsEnabled: async ({}, use, testInfo) => {
    await use(testInfo.project.use.javaScriptEnabled !== false);
  },
});

/** The demo accounts that `consigne demo` seeds (it prints them when it starts). */
const DEMO = {
  admin: { identifier: 'admin@demo.consigne.example', password: 'demo le gardien des clefs' },
  claire: { identifier: 'claire.martin@tilleuls.demo.consigne.example', password: 'demo claire ouvre des coffres' },
  yanis: { identifier: 'yanis.haddad@ccas.demo.consigne.example', password: 'demo yanis accueille au ccas' },
  sofia: { identifier: 'sofia.lopes@tilleuls.demo.consigne.example', password: 'demo sofia reprend le relais' },
  amina: { identifier: 'amina.benali.14021990', password: 'soleil vert sur la colline' },
  john: { identifier: 'john.okafor.03091978', password: 'green bicycle under the bridge' },
};

/** Fills the login form and submits it; resolves with the POST's response. */
async function login(page, { identifier, password }) {
  await page.locator('#identifier').fill(identifier);
  await page.locator('#password').fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/login' && r.request().method() === 'POST'),
    page.locator('main form[action="/login"] button[type=submit]').click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/**
 * A professional of Les Tilleuls (or of `structure`) on the API (demo mode: no second factor;
 * Claire unless `who` says), to prepare what a scenario needs: Les Tilleuls' id, her account, the headers of her
 * session, and `done()` to log out.
 */
async function proOnApi(request, who = DEMO.claire, structure = 'Accueil de jour Les Tilleuls') {
  const r = await request.post('/api/v1/auth/login', { data: who });
  expect(r.status(), `${who.identifier} logs in on the API`).toBe(200);
  const { token, account } = await r.json();
  const sid = account.structures.find((s) => s.name === structure).id;
  const headers = { Authorization: `Bearer ${token}` };
  return { sid, account, headers, done: () => request.post('/api/v1/auth/logout', { headers }) };
}

/**
 * Opens a safe at Les Tilleuls through a professional's API session (`proOnApi`); `fields` are the
 * API's (first_name, last_name, birth_date, password, language...). Her first steps (terms,
 * guide) are done on the API unless `acceptTerms` is false. Resolves with the new safe's
 * `{ id, identifier }`.
 */
async function openSafe(request, pro, fields, acceptTerms = true) {
  const opened = await request.post(`/api/v1/structures/${pro.sid}/beneficiaries`, {
    headers: pro.headers,
    data: { consent: true, recovery_relay: true, ...fields },
  });
  expect(opened.status(), `the safe of ${fields.first_name} is opened`).toBe(201);
  const body = await opened.json();
  if (acceptTerms) await onboard(request, body.identifier, fields.password || body.passphrase);
  return { id: body.id, identifier: body.identifier };
}

/**
 * Her first steps done on the API (issue 17): the terms in force accepted, the first visit
 * guide skipped, so that a scenario about something else lands on her home at login.
 */
async function onboard(request, identifier, password) {
  const r = await request.post('/api/v1/auth/login', { data: { identifier, password } });
  expect(r.status(), `${identifier} logs in on the API`).toBe(200);
  const { token, account } = await r.json();
  const headers = { Authorization: `Bearer ${token}` };
  if (account.terms_to_accept) {
    const a = await request.post('/api/v1/me/terms', { headers, data: { version: account.terms_to_accept } });
    expect(a.status(), 'she accepts the terms').toBe(204);
  }
  if (account.guide_pending) {
    const g = await request.post('/api/v1/me/guide', { headers });
    expect(g.status(), 'she skips the guide').toBe(204);
  }
  await request.post('/api/v1/auth/logout', { headers });
}

/**
 * A professional (Claire unless `who` says) logs in with the form, lands on /pro; both pages
 * checked. Resolves with the card of Les Tilleuls on her home.
 */
async function proHome(page, check, who = DEMO.claire) {
  await page.goto('/login');
  await check('login');
  await login(page, who);
  await expect(page).toHaveURL(/\/pro$/);
  await check('pro home');
  return page.locator('section.card', { has: page.locator('h2', { hasText: 'Accueil de jour Les Tilleuls' }) });
}

/**
 * On /pro, finds a person of Les Tilleuls with its card's search form (a long-running suite
 * pushes the demo people past the first page of 50) and opens her page; both pages checked.
 */
async function openFollowed(page, check, query) {
  const section = page.locator('section.card', { has: page.locator('h2', { hasText: 'Accueil de jour Les Tilleuls' }) });
  await section.locator('form.search input[name=q]').fill(query);
  await section.locator('form.search button[type=submit]').click();
  await page.waitForURL((u) => u.searchParams.get('q') === query);
  await check(`search ${query}`);
  await page.locator('section.card', { has: page.locator('h2', { hasText: 'Accueil de jour Les Tilleuls' }) })
    .locator('ul.people a', { hasText: query }).first().click();
  await page.waitForURL((u) => /^\/pro\/b\/[^/]+$/.test(u.pathname));
}

/** The page must not scroll sideways (a 360 px phone). */
async function expectNoHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'page width').toBeLessThanOrEqual(client);
}

/** Logs out with the header's button (a POST form) and checks the "logged out" page. */
async function logout(page, check) {
  const button = page.locator('header form[action="/logout"] button[type=submit]');
  await expect(button).toBeVisible();
  await expect(button).toHaveText(/Se déconnecter/);
  await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/logout'), button.click()]);
  await expect(page.locator('h1')).toHaveText(/Vous êtes déconnecté/);
  await expect(page.locator('header form[action="/logout"]')).toHaveCount(0);
  await check('logged out');
}

/** A PDF of one page per text (A4), each page a black band and its text, offsets exact. */
function pdfOfPages(texts) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${texts.map((_, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${texts.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  texts.forEach((text, i) => {
    const content = `0 0 0 rg 60 80 475 60 re f BT /F1 48 Tf 60 600 Td (${text}) Tj ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A small JPEG photo of a paper saying `text`, drawn on a canvas in a throwaway page with scripts
 * on (the nojs run cannot draw). */
async function photoOf(browser, text) {
  const ctx = await browser.newContext({ javaScriptEnabled: true });
  const p = await ctx.newPage();
  const b64 = await p.evaluate((t) => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d canvas');
    g.fillStyle = '#f4e1c1';
    g.fillRect(0, 0, 320, 200);
    g.fillStyle = '#1b1b1f';
    g.font = 'bold 40px sans-serif';
    g.fillText(t, 20, 110);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
  }, text);
  await ctx.close();
  return Buffer.from(b64, 'base64');
}

module.exports = { test, expect, DEMO, login, logout, proOnApi, openSafe, proHome, openFollowed, expectNoHorizontalScroll, randomLetters, slug, pdfOfPages, photoOf, ARTIFACTS };
