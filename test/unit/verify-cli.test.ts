import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryLedger, orderPayload } from '../../lib/evidence/testing/ledger';
import { main } from '../../scripts/verify';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'rg-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundleFile(name: string, tamper?: (zip: Uint8Array) => void): Promise<string> {
  const ledger = memoryLedger();
  await ledger.capture(orderPayload(), new Date('2026-11-22T02:00:00Z'));
  const { zip } = await ledger.bundle(new Date('2026-11-22T03:00:00Z'));
  tamper?.(zip);
  const path = join(dir, name);
  writeFileSync(path, zip);
  return path;
}

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

describe('npm run verify -- bundle.zip', () => {
  it('exits 0 with a readable report for an intact bundle', async () => {
    const result = await run([await bundleFile('ok.zip'), '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^✔ Verified: 4 files, 1 snapshot and 1 hash-chain entry, none altered\./);
    expect(result.out).toContain(
      'snap-000001  2026-11-22 10:00:00  http://console.cloud.tencent.com/expense/deal/detail',
    );
    expect(result.out).toContain('Order number: 20261118105822371604');
    expect(result.out).toContain('Amount paid: 3145.37');
    expect(result.out).toContain('Hash chain: ✔ 1 hash-chain entry (0 deletions), 1 snapshot with content');
    expect(result.out).toContain('Exported: 2026-11-22 11:00:00 (Beijing time), refund-guard-test 0.0.0');
    expect(result.out).toMatch(
      /Signature: ✔ valid \(ECDSA-P256-SHA256\), signing key fingerprint ([0-9a-f]{4} ){15}[0-9a-f]{4}\n/,
    );
    const zh = await run([await bundleFile('ok-zh.zip'), '--lang', 'zh-CN']);
    expect(zh.out).toMatch(/^✔ 校验通过：4 个文件、1 条快照、1 条哈希链记录均未被改动。/);
    expect(zh.out).toContain('订单号: 20261118105822371604');
    expect(zh.out).toMatch(/签名： ✔ 有效（ECDSA-P256-SHA256），签名密钥指纹 ([0-9a-f]{4} ){15}[0-9a-f]{4}\n/);
  });

  it('exits 1 and names the altered file after a single-byte change', async () => {
    const path = await bundleFile('bad.zip', (zip) => {
      const at = Buffer.from(zip).lastIndexOf(Buffer.from('已支付'));
      zip[at] = zip[at]! ^ 1;
    });
    const result = await run([path, '--lang', 'zh-CN']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^✘ 校验失败：发现 \d+ 处问题。/);
    expect(result.out).toContain('文件被改动：snapshots/snap-000001/dom.html');
  });

  it('explains a missing file, a directory, a non-ZIP and bad usage', async () => {
    expect(await run([join(dir, 'nope.zip'), '--lang', 'en'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('File not found:'),
    });
    expect(await run([dir, '--lang', 'en'])).toMatchObject({ code: 2, err: expect.stringContaining('is not a file') });
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just some text');
    const notZip = await run([text, '--lang', 'en']);
    expect(notZip.code).toBe(1);
    expect(notZip.out).toContain('Not a readable ZIP file');
    expect(await run([])).toMatchObject({ code: 2, err: expect.stringContaining('用法') });
  });

  it('runs as a script through npm run verify', async () => {
    const path = await bundleFile('cli.zip');
    const result = spawnSync('npx', ['tsx', 'scripts/verify.ts', path, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, chain: { length: 1 } });
    const missing = spawnSync('npx', ['tsx', 'scripts/verify.ts', join(dir, 'missing.zip'), '--lang', 'en'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('File not found');
  }, 60_000);
});
