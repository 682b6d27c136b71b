import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../lib/evidence';
import { launchExtension, type ExtensionSession } from './harness';

/**
 * Seeds the store through its bulk path in the worker: `count` order pages
 * of the Tencent Cloud console, each its own order.
 */
async function seed(session: ExtensionSession, count: number): Promise<number> {
  return session.worker.evaluate(
    async ({ count }) => {
      const pad = (n: number, w: number) => String(n).padStart(w, '0');
      const payloads = Array.from({ length: count }, (_, i) => {
        const orderId = `2025${pad(i, 16)}`;
        const rows = Array.from(
          { length: 12 },
          (_, r) =>
            `<tr><td>配置项 ${r}</td><td>云服务器 CVM 标准型 S5 ${r} 核</td><td>¥${(i * 3.7 + r).toFixed(2)}</td></tr>`,
        ).join('');
        return {
          url: `http://console.cloud.tencent.com/expense/deal/detail?dealName=${orderId}`,
          title: '订单详情 - 费用中心 - 控制台',
          match: { vendor: 'tencent-cloud', kind: 'order' },
          text: `订单详情 订单号 ${orderId} 状态 已支付 实付金额 ¥${(i * 3.7).toFixed(2)} 工单 TK-${pad(i, 6)}`,
          dom: `<html><body><h1>订单详情</h1><p>订单号 ${orderId}</p><table>${rows}</table></body></html>`,
          fields: { orderId, status: '已支付', amountPaid: Math.round(i * 370) / 100 },
          source: 'auto',
          note: '',
        };
      });
      const seedFn = (globalThis as unknown as { refundGuardSeed: (p: unknown[], at: string) => Promise<string[]> })
        .refundGuardSeed;
      return (await seedFn(payloads, '2026-11-20T02:00:00.000Z')).length;
    },
    { count },
  );
}

describe('a long export: progress, cancel, nothing half-written', () => {
  let session: ExtensionSession;
  let downloadsDir: string;

  beforeAll(async () => {
    session = await launchExtension();
    expect(await seed(session, 2000)).toBe(2000);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('reports progress at least ten times, cancels leaving no file, then exports 2,000 snapshots that verify', async () => {
    const locker = await session.context.newPage();
    const downloads: string[] = [];
    locker.on('download', (d) => downloads.push(d.suggestedFilename()));
    await locker.goto(session.extensionUrl('evidence.html'));
    await locker.getByTestId('snapshot-table').waitFor();
    // Every progress value the locker shows, as the page saw it.
    await locker.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="export-progress"]');
        const line = bar?.querySelector('[data-testid="notice"]')?.textContent ?? '';
        if (bar && seen.at(-1) !== line) seen.push(line);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await locker.getByRole('button', { name: '全部导出' }).click();
    await locker.getByText(/正在写入证据包 \d+ \/ 2000/).waitFor({ timeout: 120_000 });
    await locker.getByRole('button', { name: '取消导出' }).click();
    await locker.getByText('已取消导出，没有保存任何文件。').waitFor();
    const seen = await locker.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(seen.some((line) => /正在读取并校验快照 \d+ \/ 2000（snap-\d{6}）/.test(line))).toBe(true);
    expect(downloads).toEqual([]);

    // The locker stays usable: the whole export runs to its end and the file verifies. Its bytes come
    // on the channel the page handed the worker, not as base64 on the runtime port.
    await locker.evaluate(() => {
      const counts = { base64Chunks: 0 };
      (window as unknown as { counts: typeof counts }).counts = counts;
      const connect = chrome.runtime.connect.bind(chrome.runtime);
      chrome.runtime.connect = ((info: chrome.runtime.ConnectInfo) => {
        const port = connect(info);
        port.onMessage.addListener((m: { type?: string }) => void (m?.type === 'chunk' && counts.base64Chunks++));
        return port;
      }) as typeof chrome.runtime.connect;
    });
    const [download] = await Promise.all([
      locker.waitForEvent('download', { timeout: 180_000 }),
      locker.getByRole('button', { name: '全部导出' }).click(),
    ]);
    const path = await download.path();
    const bytes = new Uint8Array(await (await import('node:fs/promises')).readFile(path));
    const report = await verifyBundle(bytes);
    expect(report.problems).toEqual([]);
    expect(report.snapshots).toHaveLength(2000);
    expect(await locker.evaluate(() => (window as unknown as { counts: { base64Chunks: number } }).counts)).toEqual({
      base64Chunks: 0,
    });
    // One file came down: the cancelled export left none behind.
    expect(downloads).toHaveLength(1);
    downloadsDir = (await import('node:path')).dirname(path);
    expect(await readdir(downloadsDir)).toHaveLength(1);
  }, 300_000);
});
