import 'fake-indexeddb/auto';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { orderPayload } from '../../lib/evidence/testing/ledger';
import { openEvidenceStore } from '../../platform/evidence-db';
import { recordCompaction, watchCompaction } from '../../platform/compaction-status';
import { digestThroughNodeBuffers } from '../../test/component/node-digest';
import { StaticLocale } from '../i18n';
import { CompactionNotice } from './CompactionNotice';

digestThroughNodeBuffers();

const T0 = new Date('2026-11-22T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A console order list of `length` rows: a page copy large enough to be re-encoded after its save. */
const orderList = (status: string, length: number) => {
  const rows = Array.from(
    { length },
    (_, i) =>
      `20${String((i * 2_654_435_761) % 4_294_967_291).padStart(10, '0')}\t云服务器 CVM\t${status}\t¥${((i * 37.13) % 50_000).toFixed(2)}`,
  );
  return orderPayload({
    text: `订单管理 共 ${length} 条\n${rows.join('\n')}`,
    dom: `<table><tr><th>订单号</th><th>产品</th><th>状态</th><th>金额</th></tr>${rows.map((r) => `<tr><td>${r.split('\t').join('</td><td>')}</td></tr>`).join('\n')}</table>`,
    fields: {},
  });
};

function show(locale: 'zh-CN' | 'en' = 'zh-CN') {
  render(
    <StaticLocale locale={locale}>
      <CompactionNotice api={{ watchCompaction }} />
    </StaticLocale>,
  );
}

/** Every distinct line the notice showed. */
function watchLines() {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    const line = document.querySelector('[data-testid="compaction"]')?.textContent;
    if (line && seen.at(-1) !== line) seen.push(line);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

describe('re-encoding the copies a stopped worker left, as the locker shows it', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the next worker records its progress; the locker counts it up, then says what was done, in zh-CN', async () => {
    // A worker stopped after acknowledging three large saves: their encodings never ran.
    const stopped = openEvidenceStore({ name: 'notice-resumed', beforeCompaction: () => new Promise(() => undefined) });
    for (const [i, status] of ['已支付', '已退款', '已取消'].entries())
      await stopped.capture(orderList(status, 1500), null, at(i));

    show();
    const lines = watchLines();
    const next = openEvidenceStore({ name: 'notice-resumed', onResume: recordCompaction });
    expect(await next.verify()).toMatchObject({ ok: true, length: 3 });
    await next.compacted();
    expect(
      await screen.findByText('已整理 3 份旧副本：页面副本重新编码后占用更少空间，内容与校验结果不变。'),
    ).toBeInTheDocument();
    lines.stop();
    expect(lines.seen.slice(0, -1)).toEqual([
      '正在整理 3 份旧副本（0 / 3）',
      '正在整理 3 份旧副本（1 / 3）',
      '正在整理 3 份旧副本（2 / 3）',
    ]);
    expect(await next.verify()).toMatchObject({ ok: true, length: 3 });
    // (The stopped store is left as a stopped worker leaves it: its encodings never settle.)
    await next.close();
  }, 20_000);

  it('a run under way when the locker opens shows where it is (en); one finished before says nothing', async () => {
    recordCompaction(4, 9);
    show('en');
    expect(await screen.findByText('Tidying 9 older page copies (4 / 9)')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Tidying progress' })).toHaveAttribute('value', '4');

    fakeBrowser.reset();
    document.body.innerHTML = '';
    recordCompaction(9, 9);
    await fakeBrowser.storage.session.get('compactionProgress');
    show('en');
    await new Promise((next) => setTimeout(next, 20));
    expect(screen.queryByTestId('compaction')).toBeNull();
  });
});
