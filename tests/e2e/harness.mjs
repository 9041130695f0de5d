// Shared set-up: the release build served on loopback, and Debian's Chromium.
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.SSP_DIST ?? join(here, '..', '..', 'dist');

// The flags Chromium needs as root on a machine with no network but loopback.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
];

export async function start() {
  const server = await serve(DIST);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    url: server.url,
    browser,
    // A fresh profile per page: no storage carries over between tests.
    async page(options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.errors = errors;
      return page;
    },
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the world is loaded and the shell has painted its page. */
export async function ready(page) {
  await page.waitForSelector('header.top-bar');
  await page.waitForSelector('main h1');
}

/** Signs `email` in with the demo password on `page`, and waits for `path` to be shown. */
export async function signIn(page, url, email, path) {
  await page.goto(`${url}/signin?next=${encodeURIComponent(path)}`);
  await ready(page);
  await page.fill('#signin-email', email);
  await page.fill('#signin-password', 'Demo-2026!');
  await page.click('form button[type=submit]');
  await page.waitForURL(`**${path}`);
  await ready(page);
  return page;
}
