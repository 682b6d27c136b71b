import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';
import { ROOT } from '../e2e/harness';

/**
 * Firefox ESR with the shipped Firefox build installed, driven over WebDriver
 * BiDi (TESTING.md, "Firefox, end to end"). Firefox has no host-resolver rules:
 * the fixture server doubles as its HTTP proxy, so the vendors' host names reach
 * the local fixtures.
 */
export const FIREFOX_EXTENSION_DIR = join(ROOT, process.env.RG_OUT_DIR ?? '.output', 'firefox-mv2');
/** The add-on id in wxt.config.ts (browser_specific_settings.gecko.id). */
const GECKO_ID = 'refund-guard@refund-guard.local';
/** Fixed ahead through a pref, so the extension's pages have a known address. */
const EXTENSION_UUID = '5e0c1d2a-7b1f-4a47-9d7e-0c6f2f1b9a11';

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path))
    throw new Error(`Firefox not found at ${path}; install it (apt-get install firefox-esr) or set FIREFOX_PATH`);
  return path;
}

export interface FirefoxSession {
  browser: Browser;
  server: FixtureServer;
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab (a plain `goto` never resolves on moz-extension pages). */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(options: { lang?: string } = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}; run \`npm run build:firefox\` first`);
  }
  const server = await startFixtureServer();
  const profile = await mkdtemp(join(tmpdir(), 'refund-guard-firefox-'));
  const lang = options.lang ?? 'zh-CN';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1280, height: 800 },
    userDataDir: profile,
    // Needed on Firefox 153 to open moz-extension:// pages over BiDi.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': server.port,
      'network.proxy.allow_hijacking_localhost': true,
      'network.proxy.no_proxies_on': '',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.locale.requested': lang,
      'intl.accept_languages': lang,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
  return {
    browser,
    server,
    extensionUrl,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      // puppeteer-core's BiDi frame exposes its browsing context; navigating through it resolves.
      const frame = page.mainFrame() as unknown as {
        browsingContext: { navigate(url: string, wait: string): Promise<unknown> };
      };
      await frame.browsingContext.navigate(extensionUrl(path), 'complete');
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Polls `fn` in the page until it returns a truthy value (extension pages' CSP blocks waitForFunction). */
export async function pollIn<T>(page: Page, fn: () => T | Promise<T>, what: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn).catch(() => undefined);
    if (value) return value as T;
    if (Date.now() > deadline) throw new Error(`Firefox: ${what} not seen after ${timeout} ms`);
    await new Promise((ok) => setTimeout(ok, 150));
  }
}
