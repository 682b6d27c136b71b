import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { StaticLocale } from '../i18n';
import { defaultSettings } from '../../lib/settings';
import { emptyOutageLog } from '../../lib/outages';
import type { SettingsApi } from './api';
import { DataSection } from './DataSection';
import { buildExport } from './transfer';

const T0 = Date.parse('2026-10-01T00:00:00Z');

/** An export with `count` logged Exmail outages, ten minutes each, an hour apart (every tenth one excluded). */
function exportWith(count: number, broken?: number) {
  const entries = Array.from({ length: count }, (_, i) => ({
    id: `out-${i}`,
    service: 'exmail' as const,
    start: new Date(T0 + i * 3_600_000).toISOString(),
    end: new Date(T0 + i * 3_600_000 + (i === broken ? -600_000 : 600_000)).toISOString(),
    failed: ['webmail' as const],
    note: `第 ${i} 次：网页版无法登录`,
    snapshotIds: [],
    ...(i % 10 === 0 ? { excluded: 'other', note: '计划内维护（已提前通知）' } : {}),
  }));
  const settings = { ...defaultSettings, genericSites: ['https://shop.example.cn/*', 'https://pay.example.com/*'] };
  return JSON.stringify(buildExport(settings, { ...emptyOutageLog, entries }, new Date('2026-12-01T08:00:00Z')));
}

function renderSection() {
  const api = {
    signingKey: vi.fn(async () => ({ fingerprint: 'ab:cd' })),
    writeAll: vi.fn(async () => {}),
  } as unknown as SettingsApi & { writeAll: ReturnType<typeof vi.fn> };
  const onReload = vi.fn(async () => {});
  render(
    <StaticLocale locale="zh-CN">
      <DataSection api={api} onReload={onReload} />
    </StaticLocale>,
  );
  return { api, onReload, input: screen.getByLabelText('导入设置与故障记录') };
}

/** Every distinct text the import's progress line showed while it ran. */
function watchProgress() {
  const seen: string[] = [];
  const observer = new MutationObserver(() => {
    const line = document.querySelector('[data-testid="import-progress"] [role="status"]')?.textContent;
    if (line && seen.at(-1) !== line) seen.push(line);
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

const file = (text: string) => new File([text], 'refund-guard-settings.json', { type: 'application/json' });

describe('importing settings: progress while checking, then one write', () => {
  it('a 5,000-entry file shows the settings step and the entries counted up, then the result in zh-CN', async () => {
    const user = userEvent.setup();
    const { api, onReload, input } = renderSection();
    const progress = watchProgress();
    await user.upload(input, file(exportWith(5000)));
    expect(await screen.findByText('已导入：设置与 5000 条故障记录', {}, { timeout: 20_000 })).toBeInTheDocument();
    progress.stop();

    expect(progress.seen.slice(0, 2)).toEqual(['正在读取文件…', '正在校验设置（0 个自定义政策包、2 个站点）']);
    const counts = progress.seen
      .map((line) => /^正在校验故障记录：(\d+) \/ 5000$/.exec(line)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    expect(counts.length).toBeGreaterThanOrEqual(5);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(5000);
    expect(progress.seen.at(-1)).toBe('正在写入设置与 5000 条故障记录…');

    expect(api.writeAll).toHaveBeenCalledTimes(1);
    const [settings, log] = api.writeAll.mock.calls[0] as [{ genericSites: string[] }, { entries: unknown[] }];
    expect(settings.genericSites).toEqual(['https://shop.example.cn/*', 'https://pay.example.com/*']);
    expect(log.entries).toHaveLength(5000);
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });

  it('cancelling while it checks writes nothing and says so', async () => {
    const user = userEvent.setup();
    const { api, input } = renderSection();
    await user.upload(input, file(exportWith(5000)));
    fireEvent.click(await screen.findByRole('button', { name: '取消导入' }));
    expect(await screen.findByText('已取消导入，未改变任何数据')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('import-progress')).toBeNull());
    expect(api.writeAll).not.toHaveBeenCalled();
  });

  it('a bad entry deep in the file stops the import at that entry, nothing written', async () => {
    const user = userEvent.setup();
    const { api, input } = renderSection();
    await user.upload(input, file(exportWith(3000, 2345)));
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent(
      '导入文件无效，未改变任何数据：outageLog.entries.2345.end: end must be after start',
    );
    expect(api.writeAll).not.toHaveBeenCalled();
  });
});
