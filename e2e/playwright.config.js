// Browser tests of Consigne. Started by e2e/run.sh, which runs `consigne demo` on a free port and
// passes its address in CONSIGNE_URL. Every scenario runs twice: with JavaScript (project "js")
// and without (project "nojs"), since every page must work as plain HTML forms.
// @ts-check
const { defineConfig } = require('@playwright/test');

const baseURL = process.env.CONSIGNE_URL;
if (!baseURL) {
  throw new Error('CONSIGNE_URL is not set: start the tests with e2e/run.sh');
}

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

module.exports = defineConfig({
  testDir: './tests',
  outputDir: process.env.E2E_OUTPUT || './test-results',
  // One server, shared demo data and 2 cores: one test at a time, in file order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./summary-reporter.js']],
  use: {
    baseURL,
    // The system's Chromium (Debian package): Playwright must never download a browser.
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: chromiumArgs,
    },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'nojs', use: { javaScriptEnabled: false } },
  ],
});
