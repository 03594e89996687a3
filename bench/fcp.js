#!/usr/bin/env node
// The beneficiary's home page in Chromium under emulated slow 3G (400 kbit/s each way, 400 ms
// round trip): first contentful paint and bytes transferred, cache disabled (the worst case: a
// shared computer in a day centre). She logs in through the form first (not emulated), then the
// home page is loaded under emulation and measured. Her own photos (thumbnails, previews) are
// not counted in the bytes. Started by consigne-bench; prints one JSON line.
//
//   BENCH_URL=http://127.0.0.1:PORT BENCH_IDENTIFIER=... BENCH_PASSWORD=... node bench/fcp.js
'use strict';

const path = require('path');
const { chromium } = require(path.join(__dirname, '..', 'e2e', 'node_modules', 'playwright-core'));

const KBIT = 1000 / 8; // bytes per second in one kbit/s

async function main() {
  const base = process.env.BENCH_URL;
  const identifier = process.env.BENCH_IDENTIFIER;
  const password = process.env.BENCH_PASSWORD;
  if (!base || !identifier || !password) {
    throw new Error('BENCH_URL, BENCH_IDENTIFIER and BENCH_PASSWORD must be set');
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    // A phone-sized window, as most people here use.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.locator('#identifier').fill(identifier);
    await page.locator('#password').fill(password);
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/home', { timeout: 60_000 }),
      page.locator('main form[action="/login"] button[type=submit]').click(),
    ]);

    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 400 * KBIT,
      uploadThroughput: 400 * KBIT,
    });
    const urls = new Map();
    let bytes = 0;
    let photoBytes = 0;
    let requests = 0;
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFinished', (e) => {
      const url = urls.get(e.requestId) || '';
      requests += 1;
      // Her own photos: thumbnails and inline views of her documents.
      if (/\/documents\/[^/]+\/(thumbnail|view)/.test(url)) {
        photoBytes += e.encodedDataLength;
      } else {
        bytes += e.encodedDataLength;
      }
    });

    const started = Date.now();
    const response = await page.goto(`${base}/home`, { waitUntil: 'load', timeout: 120_000 });
    const loadMs = Date.now() - started;
    if (!response || response.status() !== 200 || new URL(page.url()).pathname !== '/home') {
      throw new Error(`the home page answered ${response ? response.status() : 'nothing'} at ${page.url()}`);
    }
    const fcp = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const seen = performance.getEntriesByName('first-contentful-paint');
          if (seen.length > 0) {
            resolve(seen[0].startTime);
            return;
          }
          new PerformanceObserver((list) => {
            const e = list.getEntriesByName('first-contentful-paint');
            if (e.length > 0) resolve(e[0].startTime);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(null), 15_000);
        }),
    );
    // Let late requests (if any) finish before counting.
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
    process.stdout.write(
      `${JSON.stringify({ fcp_ms: fcp, load_ms: loadMs, transferred_bytes: bytes, photo_bytes: photoBytes, requests })}\n`,
    );
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  process.stderr.write(`fcp.js: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
