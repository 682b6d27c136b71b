import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { fixturePages, type FixturePage } from '../fixtures/catalog';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, process.env.RG_OUT_DIR ?? '.output', 'chrome-mv3');

export function chromePath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(`Chromium not found at ${path}; install it (apt-get install chromium) or set CHROME_PATH`);
  return path;
}

export interface LaunchOptions {
  /** Browser UI language, e.g. 'zh-CN' or 'en-US'. */
  lang?: string;
  headless?: boolean;
  extensionDir?: string;
  /** Reuse a running fixture server instead of starting one. */
  server?: FixtureServer;
  viewport?: { width: number; height: number };
  /**
   * Load a copy of the build whose manifest also holds `<all_urls>`: the
   * permission a user grants in options for automatic screenshots. Headless
   * Chromium cannot click the toolbar, so activeTab cannot be granted there.
   */
  grantAllUrls?: boolean;
}

/** A copy of the built extension with `<all_urls>` granted at install; the code is unchanged. */
async function withAllUrls(extensionDir: string, into: string): Promise<string> {
  const copy = join(into, 'extension');
  await cp(extensionDir, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), '<all_urls>'];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return copy;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  server: FixtureServer;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/**
 * The production build loaded into real Chromium, with every fixture host
 * mapped to the local fixture server (TESTING.md).
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const builtDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(builtDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${builtDir}; run \`npm run build\` first`);
  }
  const server = options.server ?? (await startFixtureServer());
  const profile = await mkdtemp(join(tmpdir(), 'refund-guard-profile-'));
  const extensionDir = options.grantAllUrls ? await withAllUrls(builtDir, profile) : builtDir;
  const lang = options.lang ?? 'zh-CN';
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless,
    locale: lang,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${server.hostResolverRules}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    server,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      if (!options.server) await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Counts the extension's script contexts (content-script isolated worlds) in a
 * page, from the browser's own execution-context events: exact, not a guess
 * from the DOM. Call before navigating; read after the page settled.
 */
export async function watchExtensionContexts(page: Page, extensionId: string) {
  const session = await page.context().newCDPSession(page);
  const contexts = new Set<string>();
  session.on('Runtime.executionContextCreated', (event) => {
    const origin: string = event.context.origin ?? '';
    if (origin.startsWith(`chrome-extension://${extensionId}`))
      contexts.add(`${event.context.uniqueId ?? event.context.id}`);
  });
  session.on('Runtime.executionContextsCleared', () => contexts.clear());
  await session.send('Runtime.enable');
  return {
    count: () => contexts.size,
    detach: () => session.detach(),
  };
}

/** The tab id the worker recorded for a URL (session storage; no tabs permission needed). */
export async function recordedTabId(session: ExtensionSession, url: string): Promise<number | null> {
  return session.worker.evaluate(async (wanted) => {
    const all = (await chrome.storage.session.get(null)) as Record<string, { url?: string }>;
    const entry = Object.entries(all).find(([, value]) => value?.url === wanted);
    return entry ? Number(entry[0].replace('tab.', '')) : null;
  }, url);
}

/** Waits until the page loaded and the browser's document_idle injections ran. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((ok) => requestIdleCallback(() => ok(null), { timeout: 2000 })));
}

/** One fixture page by its catalog id. */
export function fixture(id: string): FixturePage {
  const found = fixturePages.find((p) => p.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found;
}

/**
 * Sends a message as an extension page does (the evidence locker, say) and
 * returns the reply's data. Only "no receiver yet" (a stopped worker that is
 * restarting) is retried.
 */
export async function ask(page: Page, type: string, data: unknown): Promise<any> {
  let reply: { ok: boolean; data?: unknown; error?: unknown } | undefined;
  for (let attempt = 0; attempt < 10 && !reply; attempt++) {
    reply = await page
      .evaluate((m) => chrome.runtime.sendMessage(m), { rg: 1, type, data })
      .catch((error: Error) => {
        if (!/Could not establish connection|Receiving end does not exist|message channel closed/.test(error.message))
          throw error;
        return undefined;
      });
    if (!reply) await page.waitForTimeout(150);
  }
  if (!reply?.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return reply.data;
}
