import 'fake-indexeddb/auto';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openEvidenceStore, type EvidenceStore } from '../../platform/evidence-db';
import { keyFingerprint, toBase64, verifyBundle } from '../../lib/evidence';
import { orderPayload, testSigner } from '../../lib/evidence/testing/ledger';

const signing = testSigner();
const signer = () => signing;
import type { Locale } from '../../lib/i18n';
import { MessagingError } from '../protocol';
import { StaticLocale } from '../i18n';
import type { LockerApi } from './api';
import { Locker } from './Locker';
import { snapshotHeadlines } from '../../lib/claims/order-headline';
import { cardContent } from '../../lib/card/model';
import { headlineText } from '../../lib/headline-text';
import { digestThroughNodeBuffers } from '../../test/component/node-digest';

const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
const XSS = '<img src=x onerror="window.__pwned=1">';

digestThroughNodeBuffers();

let counter = 0;
const opened: EvidenceStore[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  delete (window as { __pwned?: number }).__pwned;
});

const orderPage = (n: string, status = '已支付', extra: Partial<Parameters<typeof orderPayload>[0]> = {}) =>
  orderPayload({
    url: `http://console.cloud.tencent.com/expense/deal/detail?dealName=${n}`,
    text: `订单详情 订单号 ${n} 状态 ${status}`,
    fields: { orderId: n, status, amountPaid: 3145.37 },
    ...extra,
  });

/** The locker's api over a real store in fake IndexedDB, as the worker would answer it. */
async function lockerOver(seed: (store: EvidenceStore) => Promise<void>) {
  const store = openEvidenceStore({ name: `locker-ui-${++counter}` });
  opened.push(store);
  await seed(store);
  const downloads: { fileName: string; bytes: Uint8Array }[] = [];
  const written = new WeakMap<Blob, Uint8Array>();
  const gate = { open: Promise.resolve() };
  const api: LockerApi = {
    list: (query) => store.list(query),
    get: async (id) => {
      const detail = await store.get(id);
      if (!detail) return null;
      const { screenshot, ...rest } = detail;
      return { ...rest, screenshot: screenshot ? `data:image/jpeg;base64,${toBase64(screenshot)}` : null };
    },
    remove: (id) => store.remove(id, at(500)),
    addNote: async (id, text) => (await store.addNote(id, text, at(400)))?.id ?? null,
    exportBundle: async (ids, locale, watch = {}) => {
      // As the worker streams it: chunk by chunk, progress reported, stopped between snapshots when cancelled.
      const chunks: Uint8Array[] = [];
      const request = {
        ids,
        now: at(600),
        generator: { name: 'refund-guard', version: '0.1.0' },
        locale,
        signer: await signer(),
      };
      const { count, size, headHash } = await store.streamExport(
        request,
        async (chunk) => {
          chunks.push(chunk.slice());
          await gate.open;
        },
        {
          onProgress: (p) => watch.onProgress?.({ type: 'progress', ...p }),
          cancelled: () => watch.signal?.aborted ?? false,
        },
      );
      const bytes = new Uint8Array(size);
      chunks.reduce((offset, c) => (bytes.set(c, offset), offset + c.length), 0);
      const file = new Blob([bytes]);
      written.set(file, bytes);
      return { fileName: 'refund-guard-evidence-20261122T120000.zip', file, count, size, headHash };
    },
    checkStore: () => store.verify(),
    verifyBundle,
    signingKey: async () => ({ fingerprint: await keyFingerprint((await signer()).publicKeySpki) }),
    download: (fileName, file) => downloads.push({ fileName, bytes: written.get(file)! }),
  };
  return { store, api, downloads, gate };
}

function show(api: LockerApi, locale: Locale = 'zh-CN') {
  return render(
    <StaticLocale locale={locale}>
      <Locker api={api} />
    </StaticLocale>,
  );
}

const rows = () => within(screen.getByTestId('snapshot-table')).getAllByRole('row').slice(1);

describe('evidence locker · each order’s headline', () => {
  const NOW = '2026-11-22T14:00:00+08:00';
  const paid = {
    orderId: '20261118105822371604',
    orderType: '新购',
    status: '已支付',
    paidAt: '2026-11-18 10:59:07',
    amountPaid: 3145.37,
    product: '云服务器 CVM',
    term: '1年',
  };

  it('shows in the rows and the detail the words the card shows for the same order', async () => {
    const user = userEvent.setup();
    const { api, store } = await lockerOver(async (s) => {
      await s.capture(orderPage(paid.orderId, '已支付', { fields: paid }), null, at(0));
      await s.capture(orderPage('20261109143015264938', '已退款'), null, at(5));
    });
    // As the worker answers it (entrypoints/background/headlines.ts).
    api.headlines = async (ids, locale) => snapshotHeadlines(await store.bodies(ids), NOW, { locale });
    show(api);
    const card = cardContent(
      { match: { vendor: 'tencent-cloud', kind: 'order' }, locale: 'zh-CN', checkout: null, order: paid, rows: [] },
      NOW,
      { locale: 'zh-CN' },
    ).order!.words;
    await waitFor(() => expect(document.querySelectorAll('[data-snapshot-id] [data-headline]')).toHaveLength(2));
    const [refundedRow, paidRow] = rows();
    expect(refundedRow!.querySelector('[data-headline]')!.textContent).toBe('本单已退款');
    expect(paidRow!.querySelector('[data-headline]')!.textContent).toBe(headlineText(card));
    expect(paidRow!.querySelector('[data-headline]')).toHaveAttribute('data-tone', card.tone);

    await user.click(within(paidRow!).getByRole('button', { name: /查看/ }));
    const detail = await screen.findByTestId('snapshot-detail');
    await waitFor(() => expect(detail.querySelector('[data-headline]')?.textContent).toBe(headlineText(card)));
  });
});

describe('evidence locker · list and filters', () => {
  it('shows the empty state when nothing was saved', async () => {
    const { api } = await lockerOver(async () => {});
    show(api);
    expect(await screen.findByTestId('locker-empty')).toHaveTextContent('还没有证据');
    expect(screen.getByRole('button', { name: '全部导出' })).toBeDisabled();
  });

  it('the empty state teaches the Alt+Shift+S shortcut and the context-menu item', async () => {
    const { api } = await lockerOver(async () => {});
    show(api);
    const empty = await screen.findByTestId('locker-empty');
    expect(empty.querySelector('[data-how="shortcut"]')).toHaveTextContent('按 Alt+Shift+S');
    expect(empty.querySelector('[data-how="menu"]')).toHaveTextContent('右键，选择“保存此页为证据”');
  });

  it('each order row shows the product, the amount paid and the status', async () => {
    const { api } = await lockerOver(async (s) => {
      await s.capture(
        orderPage('20261118105822371604', '已支付', {
          fields: {
            orderId: '20261118105822371604',
            status: '已支付',
            amountPaid: 3145.37,
            product: '云服务器 CVM 标准型S5',
            term: '1年',
          },
        }),
        null,
        at(0),
      );
      await s.capture(
        orderPayload({
          url: 'http://buy.cloud.tencent.com/cvm',
          match: { vendor: 'tencent-cloud', kind: 'checkout' },
          fields: {},
          source: 'manual',
          text: '购买',
        }),
        null,
        at(5),
      );
    });
    show(api);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [checkout, order] = rows();
    const cell = (row: Element, name: string) => row.querySelector(`[data-field="${name}"]`)!;
    expect(cell(order!, 'product')).toHaveTextContent('云服务器 CVM 标准型S5');
    expect(cell(order!, 'amount')).toHaveTextContent('3145.37 元');
    expect(cell(order!, 'status')).toHaveTextContent('已支付');
    // A page that is not an order says what it is, and has no amount to show.
    expect(cell(checkout!, 'product')).toHaveTextContent('腾讯云 · ');
    expect(cell(checkout!, 'amount')).toHaveTextContent('—');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(
      expect.arrayContaining(['商品', '实付金额', '状态']),
    );
  });

  it('lists snapshots newest first with vendor, kind, order, status, Beijing time, source and badges', async () => {
    const { api } = await lockerOver(async (s) => {
      await s.capture(orderPage('20261118105822371604'), JPEG, at(0));
      await s.capture(orderPage('20261109143015264938', '已退款'), null, at(5));
      await s.capture(
        orderPayload({
          url: 'http://buy.cloud.tencent.com/cvm',
          match: { vendor: 'tencent-cloud', kind: 'checkout' },
          fields: {},
          source: 'manual',
          text: '购买',
        }),
        null,
        at(10),
      );
      await s.addNote('snap-000001', '客服说可以退', at(11));
    });
    show(api);
    await screen.findByTestId('snapshot-table');
    expect(screen.getByText('共 3 条快照')).toBeInTheDocument();
    const [first, second, third] = rows();
    expect(first).toHaveAttribute('data-snapshot-id', 'snap-000003');
    expect(first).toHaveTextContent('腾讯云');
    expect(first).toHaveTextContent('购买页');
    expect(within(first!).getByText('手动保存')).toHaveAttribute('data-source', 'manual');
    expect(second).toHaveTextContent('20261109143015264938');
    expect(second).toHaveTextContent('已退款');
    expect(third).toHaveTextContent('2026-11-22 10:00:00'); // 02:00 UTC is 10:00 in Asia/Shanghai
    expect(third).toHaveTextContent('订单页');
    expect(third).toHaveTextContent('自动保存');
    expect(within(third!).getByText('截图')).toHaveAttribute('data-badge', 'screenshot');
    expect(within(third!).getByText('备注 1')).toHaveAttribute('data-badge', 'notes');
    expect(within(second!).queryByText('截图')).not.toBeInTheDocument();
  });

  it('filters by order number, search text, vendor and date range, and says when nothing matches', async () => {
    const user = userEvent.setup();
    const { api } = await lockerOver(async (s) => {
      await s.capture(orderPage('20261118105822371604'), null, at(0));
      await s.capture(orderPage('20261109143015264938', '已退款'), null, at(60 * 24 * 2));
      await s.capture(
        orderPayload({
          url: 'http://letsvpn.world/account/orders',
          match: { vendor: 'letsvpn', kind: 'order' },
          text: '订单记录 年付',
          fields: { orderId: 'LV20261110203311', status: '已支付' },
        }),
        null,
        at(60 * 24 * 4),
      );
    });
    show(api);
    await screen.findByText('共 3 条快照');
    await user.type(screen.getByLabelText('订单号'), '371604');
    await user.click(screen.getByRole('button', { name: '筛选' }));
    await screen.findByText('共 1 条快照');
    expect(rows()[0]).toHaveTextContent('20261118105822371604');

    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await screen.findByText('共 3 条快照');
    // Full-text search reaches the page text, submitted with Enter.
    await user.type(screen.getByLabelText('搜索文字、标题或网址'), '已退款{Enter}');
    await screen.findByText('共 1 条快照');
    expect(rows()[0]).toHaveTextContent('20261109143015264938');

    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await screen.findByText('共 3 条快照');
    await user.selectOptions(screen.getByLabelText('厂商'), 'letsvpn');
    await user.click(screen.getByRole('button', { name: '筛选' }));
    await screen.findByText('共 1 条快照');
    expect(rows()[0]).toHaveTextContent('LV20261110203311');

    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    await screen.findByText('共 3 条快照');
    await user.type(screen.getByLabelText('开始日期'), '2026-11-23');
    await user.type(screen.getByLabelText('结束日期'), '2026-11-25');
    await user.click(screen.getByRole('button', { name: '筛选' }));
    await screen.findByText('共 1 条快照');
    expect(rows()[0]).toHaveTextContent('20261109143015264938');

    await user.clear(screen.getByLabelText('开始日期'));
    await user.clear(screen.getByLabelText('结束日期'));
    await user.type(screen.getByLabelText('订单号'), '999999');
    await user.click(screen.getByRole('button', { name: '筛选' }));
    expect(await screen.findByTestId('no-match')).toHaveTextContent('没有符合条件的快照。');
  });

  it('pages through 45 snapshots twenty at a time', async () => {
    const user = userEvent.setup();
    const { api } = await lockerOver(async (s) => {
      for (let i = 0; i < 45; i++)
        await s.capture(orderPage(`202611181058223716${String(i).padStart(2, '0')}`), null, at(i));
    });
    show(api);
    await screen.findByText('共 45 条快照');
    expect(rows()).toHaveLength(20);
    expect(screen.getByTestId('page-status')).toHaveTextContent('第 1 / 3 页');
    expect(screen.getByRole('button', { name: '上一页' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '下一页' }));
    await user.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(screen.getByTestId('page-status')).toHaveTextContent('第 3 / 3 页'));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(rows()[4]).toHaveAttribute('data-snapshot-id', 'snap-000001');
    expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled();
  });

  it('renders hostile page data as inert text', async () => {
    const { api } = await lockerOver(async (s) => {
      await s.capture(
        orderPage('hostile', `"><script>window.__pwned=2</script>`, {
          title: XSS,
          fields: { orderId: XSS, status: 'x' },
        }),
        null,
        at(0),
      );
    });
    const { container } = show(api);
    await screen.findByTestId('snapshot-table');
    expect(rows()[0]).toHaveTextContent(XSS);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('explains a failure to reach the worker in the user’s language', async () => {
    const { api } = await lockerOver(async () => {});
    api.list = async () => {
      throw new MessagingError('no-receiver', 'Could not establish connection');
    };
    show(api, 'en');
    expect(await screen.findByRole('alert')).toHaveTextContent('The extension’s background is not available right now');
  });
});

describe('evidence locker · detail, notes and deletion', () => {
  it('shows the screenshot, fields, URL, hashes and chain status; adds a note; deletes after confirmation', async () => {
    const user = userEvent.setup();
    const { api, store } = await lockerOver(async (s) => {
      await s.capture(orderPage('20261118105822371604', '已支付', { title: `订单详情 ${XSS}` }), JPEG, at(0));
      await s.capture(orderPage('20261109143015264938', '已退款'), null, at(1));
    });
    const { container } = show(api);
    await screen.findByTestId('snapshot-table');
    await user.click(screen.getByRole('button', { name: /^查看 snap-000001：/ }));
    const detail = await screen.findByTestId('snapshot-detail');
    await within(detail).findByTestId('fields');
    expect(within(detail).getByRole('heading', { name: '快照 snap-000001' })).toHaveFocus();
    const shot = within(detail).getByTestId('screenshot');
    expect(shot.getAttribute('src')).toBe(`data:image/jpeg;base64,${toBase64(JPEG)}`);
    const fields = within(detail).getByTestId('fields');
    expect(within(fields).getByText('orderId').closest('tr')).toHaveTextContent('20261118105822371604');
    expect(within(fields).getByText('amountPaid').closest('tr')).toHaveTextContent('3145.37');
    expect(detail.querySelector('[data-field="title"]')).toHaveTextContent(`订单详情 ${XSS}`);
    expect(
      within(detail).getByRole('link', {
        name: 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261118105822371604',
      }),
    ).toBeInTheDocument();
    const stored = await store.get('snap-000001');
    expect(detail.querySelector('[data-hash="chain"]')).toHaveTextContent(stored!.chainHash);
    expect(detail.querySelector('[data-hash="screenshot"]')).toHaveTextContent(stored!.body.parts.screenshot!.sha256);
    await waitFor(() => expect(within(detail).getByTestId('chain-status')).toHaveAttribute('data-chain', 'ok'));
    expect(within(detail).getByTestId('chain-status')).toHaveTextContent('哈希链完整：2 条记录');
    expect(container.querySelectorAll('img')).toHaveLength(1);

    // A note, from the keyboard.
    await user.type(within(detail).getByLabelText('新备注'), '客服 11-20 电话承诺全额退款 <b>x</b>');
    await user.click(within(detail).getByRole('button', { name: '添加备注' }));
    await waitFor(() => expect(within(detail).getByRole('status')).toHaveTextContent('已添加备注（note-000003）'));
    expect(
      within(within(detail).getByTestId('notes')).getByText('客服 11-20 电话承诺全额退款 <b>x</b>'),
    ).toBeInTheDocument();
    expect(within(detail).getByLabelText('新备注')).toHaveValue('');
    await waitFor(() => expect(within(detail).getByTestId('chain-status')).toHaveTextContent('3 条记录'));

    // Delete: cancel first (nothing happens), then confirm.
    await user.click(within(detail).getByRole('button', { name: '删除快照' }));
    const confirm = within(detail).getByRole('alertdialog');
    expect(confirm).toHaveTextContent('确定删除 snap-000001？');
    await waitFor(() => expect(within(confirm).getByRole('button', { name: '取消' })).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(within(detail).queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(await store.get('snap-000001')).not.toBeNull();
    await user.click(within(detail).getByRole('button', { name: '删除快照' }));
    await user.click(within(within(detail).getByRole('alertdialog')).getByRole('button', { name: '确定删除' }));
    await waitFor(() => expect(screen.queryByTestId('snapshot-detail')).not.toBeInTheDocument());
    expect(screen.getByTestId('notice')).toHaveTextContent('已删除 snap-000001');
    await screen.findByText('共 1 条快照');
    expect(await store.get('snap-000001')).toBeNull();
    // The tombstone keeps the chain whole.
    expect(await store.verify()).toMatchObject({ ok: true, length: 4 });
  });

  it('opening the previous version starts afresh: its own heading focused, no message, no open question', async () => {
    const user = userEvent.setup();
    const { api } = await lockerOver(async (s) => {
      await s.capture(orderPage('20261118105822371604', '待支付'), null, at(0));
      await s.capture(orderPage('20261118105822371604', '已支付'), null, at(5));
    });
    show(api);
    await screen.findByTestId('snapshot-table');
    await user.click(screen.getByRole('button', { name: /^查看 snap-000002：/ }));
    const detail = await screen.findByTestId('snapshot-detail');
    await within(detail).findByTestId('fields');
    await user.type(within(detail).getByLabelText('新备注'), '已付款，等待开通');
    await user.click(within(detail).getByRole('button', { name: '添加备注' }));
    await waitFor(() => expect(within(detail).getByRole('status')).toHaveTextContent('已添加备注'));
    await user.click(within(detail).getByRole('button', { name: '删除快照' }));
    expect(within(detail).getByRole('alertdialog')).toBeInTheDocument();

    await user.click(within(detail).getByRole('button', { name: 'snap-000001' }));
    const previous = await screen.findByRole('heading', { name: '快照 snap-000001' });
    await waitFor(() => expect(previous).toHaveFocus());
    const shown = screen.getByTestId('snapshot-detail');
    expect(shown).toHaveAttribute('data-snapshot-id', 'snap-000001');
    expect(within(shown).queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(within(shown).queryByText(/已添加备注/)).not.toBeInTheDocument();
    await waitFor(() => expect(within(shown).getByTestId('fields')).toHaveTextContent('待支付'));
  });

  it('says so when a snapshot is gone', async () => {
    const user = userEvent.setup();
    const { api, store } = await lockerOver(async (s) => {
      await s.capture(orderPage('20261118105822371604'), null, at(0));
    });
    show(api);
    await screen.findByTestId('snapshot-table');
    await store.remove('snap-000001', at(1));
    await user.click(screen.getByRole('button', { name: /^查看 snap-000001：/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('找不到这条快照，它可能已被删除。');
  });
});

describe('evidence locker · export and bundle verification', () => {
  it('exports the selected snapshots and everything as bundles that verify', async () => {
    const user = userEvent.setup();
    const { api, downloads } = await lockerOver(async (s) => {
      await s.capture(orderPage('20261118105822371604'), JPEG, at(0));
      await s.capture(orderPage('20261109143015264938', '已退款'), null, at(1));
      await s.capture(orderPage('20261021090412158720'), null, at(2));
    });
    show(api);
    await screen.findByTestId('snapshot-table');
    expect(screen.getByRole('button', { name: '导出所选（0）' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: '选择 snap-000002' }));
    await user.click(screen.getByRole('checkbox', { name: '选择 snap-000003' }));
    await user.click(screen.getByRole('button', { name: '导出所选（2）' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(screen.getByTestId('notice')).toHaveTextContent(
      '已导出 2 条快照：refund-guard-evidence-20261122T120000.zip',
    );
    const selected = await verifyBundle(downloads[0]!.bytes);
    expect(selected.ok).toBe(true);
    expect(selected.snapshots.map((s) => s.id)).toEqual(['snap-000002', 'snap-000003']);

    await user.click(screen.getByRole('button', { name: '全部导出' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect((await verifyBundle(downloads[1]!.bytes)).snapshots).toHaveLength(3);
  });

  it('reports a verified bundle, then exactly which file and snapshot an altered one changed', async () => {
    const user = userEvent.setup();
    const { api, store } = await lockerOver(async (s) => {
      await s.capture(orderPage('20261118105822371604'), JPEG, at(0));
      await s.capture(orderPage('20261109143015264938', '已退款'), null, at(1));
    });
    const { zip } = await store.exportBundle(
      null,
      at(10),
      { name: 'refund-guard', version: '0.1.0' },
      'zh-CN',
      await signer(),
    );
    show(api);
    const input = screen.getByLabelText('选择证据包文件…');
    await user.upload(input, new File([zip as BlobPart], 'bundle.zip', { type: 'application/zip' }));
    const ok = await screen.findByTestId('verify-report');
    expect(ok).toHaveAttribute('data-verify', 'ok');
    expect(within(ok).getByTestId('verify-headline')).toHaveTextContent('校验通过');
    expect(within(ok).getByTestId('verify-chain')).toHaveAttribute('data-chain', 'ok');

    const tampered = zip.slice();
    const at2 = Buffer.from(tampered).lastIndexOf(Buffer.from('20261109143015264938'));
    tampered[at2] = tampered[at2]! ^ 1;
    await user.upload(input, new File([tampered as BlobPart], 'bundle-altered.zip', { type: 'application/zip' }));
    await waitFor(() => expect(screen.getByTestId('verify-report')).toHaveAttribute('data-verify', 'failed'));
    const bad = screen.getByTestId('verify-report');
    expect(within(bad).getByTestId('verify-headline')).toHaveTextContent(/^✘ 校验失败：发现 \d+ 处问题。$/);
    expect(within(bad).getByTestId('altered-snapshots')).toHaveTextContent('受影响的快照：snap-000002');
    const alteredRow = bad.querySelector('[data-status="altered"]');
    expect(alteredRow).toHaveAttribute('data-file', expect.stringMatching(/^snapshots\/snap-000002\//));
    expect(within(bad).getByTestId('verify-altered')).toHaveTextContent(/文件被改动：snapshots\/snap-000002\//);
    expect(bad.querySelector('[data-snapshot-id="snap-000001"]')).toHaveAttribute('data-ok', 'true');
    expect(bad.querySelector('[data-snapshot-id="snap-000002"]')).toHaveAttribute('data-ok', 'false');
  });

  it('names the signer: this browser’s key, or another one for a bundle signed elsewhere', async () => {
    const user = userEvent.setup();
    const { api, store } = await lockerOver(async (s) => {
      await s.capture(orderPage('20261118105822371604'), null, at(0));
    });
    const own = await keyFingerprint((await signer()).publicKeySpki);
    const mine = await store.exportBundle(
      null,
      at(10),
      { name: 'refund-guard', version: '0.1.0' },
      'zh-CN',
      await signer(),
    );
    show(api);
    const input = screen.getByLabelText('选择证据包文件…');
    await user.upload(input, new File([mine.zip as BlobPart], 'mine.zip', { type: 'application/zip' }));
    const signature = await screen.findByTestId('verify-signature');
    expect(signature).toHaveAttribute('data-signature', 'ok');
    expect(signature).toHaveAttribute('data-signer', 'this');
    expect(signature).toHaveTextContent(`签名： ✔ 有效（ECDSA-P256-SHA256），签名密钥指纹 ${own}`);
    expect(within(signature).getByTestId('verify-signer')).toHaveTextContent(`由本浏览器的密钥签名（指纹 ${own}）。`);

    const elsewhere = await store.exportBundle(
      null,
      at(11),
      { name: 'refund-guard', version: '0.1.0' },
      'zh-CN',
      await testSigner(),
    );
    await user.upload(input, new File([elsewhere.zip as BlobPart], 'theirs.zip', { type: 'application/zip' }));
    await waitFor(() => expect(screen.getByTestId('verify-signature')).toHaveAttribute('data-signer', 'other'));
    expect(screen.getByTestId('verify-signer')).toHaveTextContent(new RegExp(`不是本浏览器的密钥（${own}）`));
    expect(screen.getByTestId('verify-signer')).not.toHaveTextContent(`指纹 ${own}）`);
  });

  it('accepts a dropped file and explains a file that is not a bundle', async () => {
    const { api } = await lockerOver(async () => {});
    show(api, 'en');
    const zone = screen.getByTestId('dropzone');
    const file = new File(['not a zip at all'], 'notes.txt', { type: 'text/plain' });
    await act(async () => {
      zone.dispatchEvent(
        Object.assign(new Event('drop', { bubbles: true, cancelable: true }), { dataTransfer: { files: [file] } }),
      );
    });
    const report = await screen.findByTestId('verify-report');
    expect(report).toHaveAttribute('data-verify', 'failed');
    expect(report).toHaveTextContent('Not a readable ZIP file');
  });

  it('shows how far a verification is, and a cancelled one gives no verdict', async () => {
    const user = userEvent.setup();
    const { api, store } = await lockerOver(async (s) => {
      for (let i = 0; i < 3; i++) await s.capture(orderPage(`2026111810582237160${i}`), null, at(i));
    });
    const { zip } = await store.exportBundle(
      null,
      at(10),
      { name: 'refund-guard', version: '0.1.0' },
      'zh-CN',
      await signer(),
    );
    // The real verifier, paused at its second file until the test has pressed cancel.
    let pressed!: () => void;
    const cancelPressed = new Promise<void>((ok) => (pressed = ok));
    api.verifyBundle = async (bytes, options = {}) => {
      await new Promise<void>((ok) => {
        options.onProgress?.(1, 10, 'index.html');
        void cancelPressed.then(ok);
      });
      return verifyBundle(bytes, options);
    };
    show(api);
    await user.upload(
      screen.getByLabelText('选择证据包文件…'),
      new File([zip as BlobPart], 'bundle.zip', { type: 'application/zip' }),
    );
    expect(await screen.findByTestId('verify-progress')).toHaveTextContent('正在校验 bundle.zip：第 1 / 10 个文件');
    await user.click(screen.getByRole('button', { name: '取消校验' }));
    pressed();
    expect(await screen.findByText('已取消校验 bundle.zip，未得出结论。')).toBeInTheDocument();
    expect(screen.queryByTestId('verify-report')).toBeNull();
  });

  it('shows how far an export is, and a cancelled one downloads nothing', async () => {
    const user = userEvent.setup();
    const { api, downloads, gate } = await lockerOver(async (s) => {
      for (let i = 0; i < 6; i++) await s.capture(orderPage(`2026111810582237160${i}`), null, at(i));
    });
    let release!: () => void;
    gate.open = new Promise<void>((ok) => (release = ok));
    show(api);
    await screen.findByTestId('snapshot-table');
    await user.click(screen.getByRole('button', { name: '全部导出' }));
    // Every snapshot read and hashed, then the writing waits on the first chunk.
    await waitFor(() =>
      expect(screen.getByTestId('notice')).toHaveTextContent('正在读取并校验快照 6 / 6（snap-000006）'),
    );
    expect(screen.getByRole('progressbar', { name: '导出进度' })).toHaveAttribute('value', '6');
    expect(screen.getByRole('button', { name: '全部导出' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '取消导出' }));
    release();
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已取消导出，没有保存任何文件。'));
    expect(screen.queryByTestId('export-progress')).toBeNull();
    expect(downloads).toHaveLength(0);
    // The locker stays usable: the next export runs to the end.
    await user.click(screen.getByRole('button', { name: '全部导出' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect((await verifyBundle(downloads[0]!.bytes)).snapshots).toHaveLength(6);
  });

  it('shows an export failure as a localised alert', async () => {
    const user = userEvent.setup();
    const { api } = await lockerOver(async (s) => {
      await s.capture(orderPage('20261118105822371604'), null, at(0));
    });
    api.exportBundle = vi.fn(async () => {
      throw new MessagingError('handler', 'QuotaExceededError');
    });
    show(api);
    await screen.findByTestId('snapshot-table');
    await user.click(screen.getByRole('button', { name: '全部导出' }));
    expect(await screen.findByTestId('failure')).toHaveTextContent('操作失败：QuotaExceededError');
  });
});
