// Lighthouse on the first pages a person opens (started by e2e/lighthouse.sh): logs in as the
// demo's Amina with the login form, passes her session cookie to Lighthouse in a header, and
// checks each page's scores. Exit status 1 if any score is under its target.
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const base = process.env.CONSIGNE_URL;
const reports = process.env.LIGHTHOUSE_REPORTS || 'artifacts/lighthouse';
if (!base) throw new Error('CONSIGNE_URL is not set: start with e2e/lighthouse.sh');
const TARGETS = { accessibility: 100, performance: 95 };
const AMINA = { identifier: 'amina.benali.14021990', password: 'soleil vert sur la colline' };

/** `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(res) {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]);
}

/** Logs in with the page's form, as a browser without JavaScript would; returns the Cookie header. */
async function logIn() {
  const page = await fetch(`${base}/login`);
  const anonymous = cookiesOf(page);
  const token = (await page.text()).match(/name="_csrf" value="([0-9a-f]+)"/)?.[1];
  if (!token) throw new Error('no form token on /login');
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anonymous.join('; ') },
    body: new URLSearchParams({ _csrf: token, identifier: AMINA.identifier, password: AMINA.password }),
  });
  if (res.status !== 303) throw new Error(`login answered ${res.status}`);
  const session = cookiesOf(res).filter((c) => c.includes('session='));
  if (session.length === 0) throw new Error('no session cookie after login');
  return session.join('; ');
}

const cookie = await logIn();
const list = await (await fetch(`${base}/documents`, { headers: { cookie } })).text();
const doc = list.match(/href="(\/documents\/[0-9a-f-]{36})"/)?.[1];
if (!doc) throw new Error('the demo person has no document to open');

// The login page last: the anonymous cookie it sets in the browser would otherwise stand in
// for the session's header.
const pages = [
  { name: 'home', path: '/home', headers: { cookie } },
  { name: 'documents', path: '/documents', headers: { cookie } },
  { name: 'document', path: doc, headers: { cookie } },
  { name: 'login', path: '/login', headers: {} },
];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
/** One Lighthouse run of a page for one category: its report and its score out of 100. */
async function audit(p, category) {
  const result = await lighthouse(`${base}${p.path}`, {
    port: chrome.port,
    output: 'html',
    logLevel: 'error',
    onlyCategories: [category],
    extraHeaders: p.headers,
  });
  if (!result) throw new Error(`no result for ${p.path}`);
  const { lhr } = result;
  // A trace Lighthouse failed to record (NO_NAVSTART and its kin, a known flake of a loaded
  // machine) is a failed run, tried again like a low score; the page itself was not judged.
  if (lhr.runtimeError) return { error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` };
  // The page Lighthouse ended on must be the one asked (not the login after a lost session).
  const landed = new URL(lhr.finalDisplayedUrl).pathname;
  if (landed !== p.path) throw new Error(`${p.path}: Lighthouse landed on ${landed}`);
  return { result, lhr, score: Math.round((lhr.categories[category].score ?? 0) * 100) };
}

// Each category in its own run: the accessibility audit's scripts would otherwise count in the
// performance trace. Performance is measured on a loaded 2-core machine: a page gets up to
// ATTEMPTS runs and keeps its best (a page that is really slow misses every time); every run
// is printed.
const ATTEMPTS = 3;
let failed = 0;
const rows = [];
try {
  for (const p of pages) {
    const line = [p.name.padEnd(10)];
    for (const [category, min] of Object.entries(TARGETS)) {
      let best = null;
      const tries = [];
      const errors = [];
      for (let i = 0; i < ATTEMPTS && (!best || best.score < min); i += 1) {
        const run = await audit(p, category);
        if (run.error) {
          errors.push(run.error);
          tries.push('no trace');
          continue;
        }
        tries.push(run.score);
        if (!best || run.score > best.score) best = run;
      }
      if (!best) throw new Error(`${p.path} (${category}): no run of ${ATTEMPTS} gave a report: ${errors.join('; ')}`);
      const { result, lhr, score } = best;
      fs.writeFileSync(path.join(reports, `${p.name}-${category}.html`), /** @type {string} */ (result.report));
      fs.writeFileSync(path.join(reports, `${p.name}-${category}.json`), JSON.stringify(lhr, null, 1));
      line.push(`${category} ${String(score).padStart(3)}${tries.length > 1 ? ` (runs: ${tries.join(', ')})` : ''}${score < min ? ` UNDER ${min}` : ''}`);
      if (score < min) {
        failed += 1;
        for (const ref of lhr.categories[category].auditRefs) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1) line.push(`\n    ${category}: ${a.id} (${a.score}) ${a.displayValue || ''}`);
        }
      }
    }
    rows.push(line.join('  '));
  }
} finally {
  await chrome.kill();
}
console.log(rows.join('\n'));
const checks = pages.length * Object.keys(TARGETS).length;
console.log(`lighthouse: ${checks - failed} passed, ${failed} failed (targets: accessibility ${TARGETS.accessibility}, performance ${TARGETS.performance}; reports in ${reports})`);
process.exit(failed > 0 ? 1 : 0);
