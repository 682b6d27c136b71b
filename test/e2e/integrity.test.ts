import { unzipSync } from 'fflate';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalJsonPretty,
  fromUtf8,
  MANIFEST_PATH,
  sha256Hex,
  signManifest,
  utf8,
  zipFiles,
} from '../../lib/evidence';
import { manifestHash } from '../../lib/evidence/bundle';
import { testSigner } from '../../lib/evidence/testing/ledger';
import { FIXTURE_HOSTS } from '../fixtures/catalog';
import { BEACON_HOST, SITES_DIR, startFixtureServer, type FixtureServer } from '../fixtures/server';
import { waitForCard } from './card';
import { ask, chromePath, fixture, launchExtension, type ExtensionSession } from './harness';

/**
 * Issue 19's integrity checks, in the real build: a bundle exported from a
 * hostile page makes no network request when any of its files is opened from
 * disk, and the locker's verifier rejects a bundle edited after export even
 * when every hash in it was recomputed, and names another signer when it was
 * signed again.
 */

const HOSTILE = fixture('tc-deal-detail-hostile-trackers');
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

interface Opened {
  file: string;
  requests: string[];
  finalUrl: string;
}

/**
 * Opens each file in a plain Chromium (no extension) from disk, the way a
 * reviewer double-clicks it: every request the page makes that is not a local
 * file is recorded, and the browser's own network log is returned too (it sees
 * DNS prefetches and preconnects, which make no request).
 */
async function openFromDisk(
  server: FixtureServer,
  files: string[],
  workDir: string,
): Promise<{ opened: Opened[]; netLog: string }> {
  const netLogPath = join(workDir, `netlog-${Date.now()}.json`);
  const browser = await chromium.launch({
    executablePath: chromePath(),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      `--host-resolver-rules=${server.hostResolverRules}`,
      `--log-net-log=${netLogPath}`,
      '--net-log-capture-mode=Default',
    ],
  });
  const opened: Opened[] = [];
  try {
    const context = await browser.newContext();
    for (const file of files) {
      const page: Page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: 'load' });
      // A refresh with no delay, a prefetch or a preconnect happens right after load; give them the time they take.
      await page.waitForTimeout(1500);
      opened.push({ file, requests, finalUrl: page.url() });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { opened, netLog: await readFile(netLogPath, 'utf8') };
}

/**
 * The hosts the network log's events mention (the log's header repeats the
 * command line, host rules included, so only events count), each with the
 * first event that names it.
 */
function hostsIn(netLog: string, hosts: string[]): string[] {
  let parsed: { events?: unknown[] };
  try {
    parsed = JSON.parse(netLog);
  } catch {
    // A log the browser did not close has no closing brackets.
    parsed = JSON.parse(`${netLog.replace(/,\s*$/, '')}]}`);
  }
  const events = (parsed.events ?? []).map((e) => JSON.stringify(e));
  expect(events.length).toBeGreaterThan(0);
  return hosts.flatMap((host) => {
    const event = events.find((e) => e.includes(host));
    return event ? [`${host}: ${event.slice(0, 300)}`] : [];
  });
}

async function unzipTo(zip: Uint8Array, dir: string): Promise<string[]> {
  const paths: string[] = [];
  for (const [path, bytes] of Object.entries(unzipSync(zip))) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    paths.push(target);
  }
  return paths;
}

/** Edits the unpacked bundle and recomputes every file hash, size and the manifest hash; signs again only with `signer`. */
async function forge(
  zip: Uint8Array,
  edit: (files: Map<string, Uint8Array>, manifest: any) => unknown,
  signer?: Awaited<ReturnType<typeof testSigner>>,
): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array>(Object.entries(unzipSync(zip)));
  const manifest = JSON.parse(fromUtf8(files.get(MANIFEST_PATH)!));
  edit(files, manifest);
  for (const listed of manifest.files) {
    const bytes = files.get(listed.path)!;
    [listed.sha256, listed.size] = [await sha256Hex(bytes), bytes.length];
  }
  manifest.manifestSha256 = await manifestHash(manifest);
  if (signer) {
    delete manifest.signature;
    manifest.signature = await signManifest(manifest, signer);
  }
  files.set(MANIFEST_PATH, utf8(canonicalJsonPretty(manifest)));
  return zipFiles([...files.entries()]);
}

describe('integrity of exported evidence in Chromium', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let locker: Page;
  let dir: string;
  let zip: Uint8Array;
  let fingerprint: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'refund-guard-integrity-'));
    server = await startFixtureServer();
    session = await launchExtension({ lang: 'zh-CN', grantAllUrls: true, server });
    const page = await session.context.newPage();
    await page.bringToFront();
    await page.goto(HOSTILE.url);
    await waitForCard(page, '[data-evidence="saved"]', { timeout: 20_000 });
    // The live page's trackers did run (and its refresh stayed on the page: the tracker answers 204).
    expect(server.beacon!.requests.some((path) => path.startsWith('/t/refresh'))).toBe(true);
    expect(page.url()).toBe(HOSTILE.url);
    await page.close();
    locker = await session.context.newPage();
    await locker.goto(session.extensionUrl('evidence.html'));
    const { items } = await ask(locker, 'evidence.list', { limit: 10 });
    expect(items.map((i: { orderId: string }) => i.orderId)).toEqual(['20261125213344559107']);
    await ask(locker, 'evidence.note', { id: items[0].id, text: '11-26 客服电话：不同意退款，答复以工单为准' });
    const exported = await ask(locker, 'evidence.export', { ids: null, locale: 'zh-CN' });
    zip = new Uint8Array(Buffer.from(exported.base64, 'base64'));
    fingerprint = (await ask(locker, 'evidence.signingKey', {})).fingerprint;
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('no exported file makes a network request when opened from disk', async () => {
    const files = await unzipTo(zip, join(dir, 'bundle'));
    expect(files.map((f) => relative(join(dir, 'bundle'), f)).sort()).toEqual(
      expect.arrayContaining([
        'index.html',
        'manifest.json',
        'snapshots/snap-000001/dom.html',
        'snapshots/snap-000001/fields.json',
        'snapshots/snap-000001/text.txt',
      ]),
    );
    const before = { connections: server.beacon!.connections, requests: server.beacon!.requests.length };
    const { opened, netLog } = await openFromDisk(server, files, dir);
    for (const o of opened) {
      expect(o.requests, relative(dir, o.file)).toEqual([]);
      expect(o.finalUrl, relative(dir, o.file)).toBe(pathToFileURL(o.file).href);
    }
    expect({ connections: server.beacon!.connections, requests: server.beacon!.requests.length }).toEqual(before);
    expect(hostsIn(netLog, [BEACON_HOST, ...FIXTURE_HOSTS])).toEqual([]);
    console.info(
      `integrity: ${opened.length} exported files opened from disk (${opened.map((o) => relative(join(dir, 'bundle'), o.file)).join(', ')}), 0 requests, 0 tracker connections`,
    );
  }, 120_000);

  it('the instrument sees every trick: the page as served, opened from disk, does reach the tracker', async () => {
    const raw = join(SITES_DIR, HOSTILE.file);
    expect((await stat(raw)).isFile()).toBe(true);
    const before = { connections: server.beacon!.connections, requests: server.beacon!.requests.length };
    const { opened, netLog } = await openFromDisk(server, [raw], dir);
    expect(opened[0]!.requests.some((url) => url.includes(BEACON_HOST))).toBe(true);
    expect(server.beacon!.connections).toBeGreaterThan(before.connections);
    expect(hostsIn(netLog, [BEACON_HOST])).toHaveLength(1);
  }, 120_000);

  it("options shows the fingerprint the verifiers report for this browser's bundles", async () => {
    const manifest = JSON.parse(fromUtf8(unzipSync(zip)[MANIFEST_PATH]!));
    expect(manifest.signature.fingerprint).toBe(fingerprint);
    const options = await session.context.newPage();
    await options.goto(session.extensionUrl('options.html'));
    const row = options.getByLabel('证据包签名密钥指纹');
    await poll(() => row.inputValue()).toBe(fingerprint);
    expect(await row.getAttribute('readonly')).not.toBeNull();
    await options.close();
  });

  it('the locker rejects a bundle edited after export, every hash recomputed, and names another signer for one signed again', async () => {
    const input = locker.locator('input[type="file"]');
    const report = locker.getByTestId('verify-report');
    const verifyIn = async (name: string, bytes: Uint8Array) => {
      const path = join(dir, name);
      await writeFile(path, bytes);
      await input.setInputFiles(path);
      await poll(() => report.locator('p.rg-muted').first().textContent()).toBe(`文件：${name}`);
      return report;
    };

    const genuine = await verifyIn('genuine.zip', zip);
    await poll(() => genuine.getAttribute('data-verify')).toBe('ok');
    expect(await genuine.getByTestId('verify-signature').getAttribute('data-signer')).toBe('this');
    expect(await genuine.getByTestId('verify-signature').textContent()).toContain(fingerprint);

    const index = (files: Map<string, Uint8Array>) => fromUtf8(files.get('index.html')!);
    const forgeries: [string, (files: Map<string, Uint8Array>, m: any) => unknown][] = [
      ['index-refunded.zip', (files) => files.set('index.html', utf8(index(files).replace(/已支付/g, '已全额退款')))],
      ['note-dropped.zip', (_files, m) => (m.snapshots[0].notes = [])],
      [
        'date-moved.zip',
        (_files, m) => (
          (m.exportedAt = '2026-11-01T00:00:00.000Z'),
          (m.exportedAtShanghai = '2026-11-01T08:00:00+08:00')
        ),
      ],
      [
        'copy-edited.zip',
        (files) =>
          files.set(
            'snapshots/snap-000001/dom.html',
            utf8(fromUtf8(files.get('snapshots/snap-000001/dom.html')!).replace('已支付', '已退款')),
          ),
      ],
    ];
    for (const [name, edit] of forgeries) {
      const forged = await verifyIn(name, await forge(zip, edit));
      await poll(() => forged.getAttribute('data-verify')).toBe('failed');
      expect(await forged.getByTestId('verify-headline').textContent(), name).toMatch(/^✘ 校验失败/);

      const resigned = await verifyIn(`resigned-${name}`, await forge(zip, edit, await testSigner()));
      await poll(() => resigned.getByTestId('verify-signature').getAttribute('data-signer')).toBe('other');
      const signer = await resigned.getByTestId('verify-signer').textContent();
      expect(signer, name).toContain(`不是本浏览器的密钥（${fingerprint}）`);
      expect(signer, name).not.toMatch(new RegExp(`由另一个密钥签名（指纹 ${fingerprint}）`));
    }
  }, 120_000);
});
