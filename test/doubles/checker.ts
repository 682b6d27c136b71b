import { vi } from 'vitest';
import type { CheckerServices, ClaimDraft } from '../../components/checker/services';
import type { ResponseOf } from '../../lib/messages';
import type { SnapshotBody } from '../../lib/evidence/schema';

/** Test doubles for the checker's browser side: stored snapshots in memory, every call recorded. */

export const NOW = '2026-11-22T12:00:00+08:00';
export const ORDER_ID = '20261118105822371604';
export const ORDER_URL = `http://console.cloud.tencent.com/expense/deal/detail?dealName=${ORDER_ID}`;

export interface StoredSnapshot {
  id: string;
  vendor: string;
  kind: SnapshotBody['kind'];
  url: string;
  title: string;
  capturedAt: string;
  fields: Record<string, string | number | boolean>;
}

/** The paid new CVM order (fixture tc-deal-detail-paid-new), as its auto snapshot stored it. */
export const paidOrderSnapshot: StoredSnapshot = {
  id: 'snap-000001',
  vendor: 'tencent-cloud',
  kind: 'order',
  url: ORDER_URL,
  title: '订单详情 - 费用中心 - 控制台',
  capturedAt: '2026-11-22T02:10:00.000Z',
  fields: {
    orderId: ORDER_ID,
    orderType: '新购',
    status: '已支付',
    createdAt: '2026-11-18 10:58:22',
    paidAt: '2026-11-18 10:59:07',
    amount: 3145.37,
    voucher: 0,
    amountPaid: 3145.37,
    product: '云服务器 CVM',
    term: '1年',
  },
};

const ZERO_HASH = '0'.repeat(64);
const part = { sha256: ZERO_HASH, size: 0 };

/**
 * A stored body as the worker returns it (hashes and parts are placeholders: the checker reads fields, URL and times).
 */
function body(s: StoredSnapshot): SnapshotBody {
  return {
    ...s,
    schemaVersion: 1,
    type: 'snapshot',
    capturedAtShanghai: s.capturedAt,
    source: 'auto',
    note: '',
    previousSnapshotId: null,
    subjectKey: `${s.vendor}:${String(s.fields.orderId ?? s.url)}`,
    dedupeKey: ZERO_HASH,
    redactions: { cards: 0, ids: 0, secrets: 0 },
    parts: { text: part, dom: part, fields: part, screenshot: null },
  };
}

function summary(s: StoredSnapshot, seq: number) {
  return {
    id: s.id,
    seq,
    vendor: s.vendor,
    kind: s.kind,
    url: s.url,
    title: s.title,
    capturedAt: s.capturedAt,
    capturedAtShanghai: s.capturedAt,
    source: 'auto' as const,
    orderId: typeof s.fields.orderId === 'string' ? s.fields.orderId : null,
    status: typeof s.fields.status === 'string' ? s.fields.status : null,
    previousSnapshotId: null,
    hasScreenshot: false,
    noteCount: 0,
  };
}

export function fakeServices(
  options: {
    snapshots?: StoredSnapshot[];
    customPacks?: unknown[];
    holidayOverrides?: unknown[];
    drafts?: Map<string, ClaimDraft>;
  } = {},
) {
  const store = [...(options.snapshots ?? [])];
  const drafts = options.drafts ?? new Map<string, ClaimDraft>();
  const services = {
    listSnapshots: vi.fn(async (q: { vendor?: string; orderId?: string; search?: string }) => {
      const items = store
        .filter(
          (s) =>
            (!q.vendor || s.vendor === q.vendor) && (!q.orderId || String(s.fields.orderId ?? '').includes(q.orderId)),
        )
        .filter((s) => !q.search || JSON.stringify(s).includes(q.search))
        .map((s, i) => summary(s, i + 1))
        .reverse();
      return { items, total: items.length };
    }),
    getBodies: vi.fn(async (ids: string[]) => ({
      bodies: ids.flatMap((id) => store.filter((x) => x.id === id).map(body)),
    })),
    captureTab: vi.fn(async (_tabId: number): Promise<ResponseOf<'evidence.captureTab'>> => ({
      status: 'failed',
      reason: 'not-allowed',
      message: 'no page',
    })),
    loadSettings: vi.fn(async () => ({
      customPacks: options.customPacks ?? [],
      holidayOverrides: options.holidayOverrides ?? [],
    })),
    findTicketTabs: vi.fn(async () => [] as Awaited<ReturnType<CheckerServices['findTicketTabs']>>),
    fillTicket: vi.fn(async (_tabId: number, _request: { dryRun: boolean }): Promise<ResponseOf<'ticket.fill'>> => ({
      status: 'no-form',
      url: '',
      filled: [],
      kept: [],
      missing: [],
    })),
    focusTab: vi.fn(async () => {}),
    openUrl: vi.fn(),
    openLocker: vi.fn(),
    copyText: vi.fn(async (_text: string) => {}),
    loadDraft: vi.fn(async (key: string) => drafts.get(key) ?? null),
    saveDraft: vi.fn(async (key: string, draft: ClaimDraft | null) => {
      if (draft) drafts.set(key, draft);
      else drafts.delete(key);
    }),
  } satisfies CheckerServices;
  return { services, store, drafts };
}

/** A user-defined policy for a vendor the product does not ship (a software store), with a window of `days`. */
export function pixelStudioPack(days: number) {
  const cite = [{ source: 'https://store.example.net/help/refund-policy', clause: '第 2 条' }];
  return {
    id: 'pixel-studio',
    name: { 'zh-CN': 'Pixel Studio 官方商店', en: 'Pixel Studio store' },
    lastChecked: '2026-11-20',
    covers: 'Pixel Studio Pro 永久许可证',
    rules: [
      {
        id: 'refund-window',
        outcome: 'eligible',
        refund: 'full',
        claimWith: 'vendor',
        summary: {
          'zh-CN': `购买后 ${days} 天内可无理由全额退款。`,
          en: `Full refund without reason within ${days} days of purchase.`,
        },
        citations: cite,
        deadline: {
          kind: 'period',
          amount: days,
          unit: 'calendar-days',
          from: 'purchase',
          label: { 'zh-CN': `${days} 天退款期截止`, en: `${days}-day refund window closes` },
        },
        evidence: ['order-number', 'payment-record'],
        channels: ['support-email'],
        nextSteps: [{ 'zh-CN': '发邮件给客服，写明订单号。', en: 'Email support with the order number.' }],
      },
      {
        id: 'no-refund',
        outcome: 'not-eligible',
        refund: null,
        claimWith: 'vendor',
        summary: { 'zh-CN': '超过退款期不退款。', en: 'No refund after the window.' },
        citations: cite,
      },
    ],
    channels: [
      {
        id: 'support-email',
        kind: 'email',
        name: { 'zh-CN': 'Pixel Studio 客服邮箱', en: 'Pixel Studio support email' },
        value: 'refunds@store.example.net',
        citations: cite,
      },
    ],
  };
}
