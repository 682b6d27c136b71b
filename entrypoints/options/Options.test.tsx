import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LocaleProvider } from '../../components/i18n';
import type { SettingsApi, UpcomingDeadline } from '../../components/settings/api';
import { EXAMPLE_PACK, EXAMPLE_PACKS_TEXT } from '../../components/settings/packs';
import { EXPORT_FORMAT } from '../../components/settings/transfer';
import { resolveLocale } from '../../lib/i18n';
import { emptyOutageLog } from '../../lib/outages';
import { loadOutageLog, loadSettings, saveSettings, watchSettings } from '../../platform/settings';
import { Options } from './Options';

/** Real settings storage (fake browser); the permission, worker and file parts are recorded fakes. */
function fakeApi(overrides: Partial<SettingsApi> = {}) {
  const api = {
    load: loadSettings,
    save: saveSettings,
    loadOutageLog: async () => (await loadOutageLog()).log,
    requestOrigins: vi.fn(async (_origins: string[]) => true),
    removeOrigins: vi.fn(async (_origins: string[]) => true),
    containsOrigins: vi.fn(async (_origins: string[]) => true),
    syncSites: vi.fn(async () => ({ registered: [], missingPermission: [] })),
    upcoming: vi.fn(async () => [] as UpcomingDeadline[]),
    exportEvidence: vi.fn(async () => ({
      fileName: 'refund-guard-evidence-20261122T020000.zip',
      base64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==',
      count: 0,
    })),
    wipeEvidence: vi.fn(async () => 4),
    signingKey: vi.fn(async () => ({
      fingerprint: '3f2a 9c1b 0d4e 7a65 1b2c 3d4e 5f60 7182 93a4 b5c6 d7e8 f901 2345 6789 abcd ef01',
    })),
    writeAll: vi.fn(async (settings, outageLog) => fakeBrowser.storage.local.set({ settings, outageLog })),
    clearAll: vi.fn(async () => fakeBrowser.storage.local.clear()),
    download: vi.fn<(name: string, data: Blob) => void>(),
    now: () => new Date('2026-11-22T02:00:00Z'),
    ...overrides,
  } satisfies SettingsApi;
  return api;
}

function renderOptions(browserLanguages: string[], api: SettingsApi = fakeApi()) {
  return render(
    <LocaleProvider
      resolve={(p) => resolveLocale(p, browserLanguages)}
      load={async () => (await loadSettings()).settings.locale}
      subscribe={(onChange) => watchSettings((s) => onChange(s.locale))}
    >
      <Options api={api} />
    </LocaleProvider>,
  );
}

const stored = async () =>
  (await fakeBrowser.storage.local.get('settings')).settings as Record<string, any> | undefined;
const section = (name: string) => document.querySelector(`[data-section="${name}"]`) as HTMLElement;

describe('Options: language', () => {
  it('stores the chosen language and switches the page to it', async () => {
    const user = userEvent.setup();
    renderOptions(['zh-CN']);
    const select = await screen.findByLabelText('界面语言');
    expect(select).toHaveValue('auto');
    await user.selectOptions(select, 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Refund Guard · Settings' })).toBeInTheDocument();
    expect(await stored()).toMatchObject({ locale: 'en' });
    expect(within(section('language')).getByRole('status')).toHaveTextContent('Saved');
  });

  it('follows an English browser until the user overrides it', async () => {
    renderOptions(['en-US']);
    expect(await screen.findByLabelText('Language')).toHaveValue('auto');
    expect(screen.getByRole('link', { name: 'SLA outage log' })).toHaveAttribute('href', 'sla.html');
  });

  it('warns about unreadable stored settings and keeps them until the user saves', async () => {
    await fakeBrowser.storage.local.set({ settings: { locale: 42 } });
    renderOptions(['zh-CN']);
    expect(await screen.findByRole('alert')).toHaveTextContent('设置数据无法读取');
    await waitFor(() => expect(screen.getByLabelText('界面语言')).toHaveValue('auto'));
    expect(await stored()).toEqual({ locale: 42 });
  });
});

describe('Options: reminders', () => {
  it('saves each lead-time change as it is made, sorted; there is no save button', async () => {
    const user = userEvent.setup();
    renderOptions(['zh-CN']);
    const first = await screen.findByLabelText('第 1 个提醒：提前天数');
    expect(first).toHaveValue(3);
    expect(screen.getByLabelText('第 2 个提醒：提前天数')).toHaveValue(1);
    expect(within(section('reminders')).queryByRole('button', { name: /保存/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: '添加提醒' }));
    expect(screen.getByLabelText('第 3 个提醒：提前天数')).toHaveValue(7);
    await waitFor(async () => expect((await stored())?.reminders).toEqual({ leadDays: [7, 3, 1] }));
    expect(await within(section('reminders')).findByRole('status')).toHaveTextContent('提醒设置已保存');
    const third = screen.getByLabelText('第 3 个提醒：提前天数');
    await user.clear(third);
    await user.type(third, '14');
    await waitFor(async () => expect((await stored())!.reminders).toEqual({ leadDays: [14, 3, 1] }));
    // Leaving the field sorts the rows; removing the second (3 days) saves at once.
    await user.tab();
    expect(screen.getByLabelText('第 2 个提醒：提前天数')).toHaveValue(3);
    await user.click(within(section('reminders')).getAllByRole('button', { name: '删除此提醒' })[1]!);
    await waitFor(async () => expect((await stored())!.reminders).toEqual({ leadDays: [14, 1] }));
  });

  it('lists the deadlines still ahead, with the §5.4 warning for an Exmail expiry', async () => {
    const upcoming: UpcomingDeadline[] = [
      {
        id: 'order|tencent-cloud|1|five-day-no-reason',
        kind: 'refund-window',
        date: '2026-11-23',
        label: '五天无理由退还截止（含第 5 天）',
        estimated: false,
        conditional: true,
        orderId: '1',
        product: '云服务器 CVM',
        dataDeletionWarning: false,
        afterEnd: null,
        headline: null,
        notification: { title: '', message: '' },
      },
      {
        id: 'expiry|tencent-exmail|EX-9',
        kind: 'service-expiry',
        date: '2027-02-10',
        label: '腾讯企业邮箱 服务到期（按付款时间和购买时长估算）',
        estimated: true,
        conditional: false,
        orderId: 'EX-9',
        product: '腾讯企业邮箱',
        dataDeletionWarning: true,
        afterEnd: '到期未续约时，腾讯云有权在服务结束后随时清空全部邮件和通讯录（SLA 5.4），请提前续费或备份。',
        headline: null,
        notification: { title: '', message: '' },
      },
    ];
    renderOptions(['zh-CN'], fakeApi({ upcoming: vi.fn(async () => upcoming) }));
    const first = await screen.findByText(/五天无理由退还截止/);
    expect(first.closest('li')).toHaveTextContent(
      '2026-11-23 · 五天无理由退还截止（含第 5 天） · 云服务器 CVM · 订单 1 · 是否适用仍待确认',
    );
    const second = document.querySelector('[data-deadline="expiry|tencent-exmail|EX-9"]')!;
    expect(second).toHaveTextContent('（估算）');
    expect(second).toHaveTextContent('SLA 5.4');
  });

  it('refuses a lead time out of range and changes nothing', async () => {
    const user = userEvent.setup();
    renderOptions(['zh-CN']);
    const first = await screen.findByLabelText('第 1 个提醒：提前天数');
    await user.clear(first);
    await user.type(first, '61');
    expect(within(section('reminders')).getByRole('alert')).toHaveTextContent('0 到 60');
    // "6" on the way to "61" was a valid change and was saved; "61" is not.
    expect((await stored())?.reminders.leadDays ?? [3, 1]).not.toContain(61);
  });
});

describe('Options: sites for generic checkout detection', () => {
  it('asks for the site permission, stores the site and has the worker register it — by keyboard', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderOptions(['zh-CN'], api);
    const input = await screen.findByLabelText('网站地址');
    await user.click(input);
    await user.keyboard('shop.example.com/cart{Enter}');
    expect(await within(section('sites')).findByRole('status')).toHaveTextContent('已添加 https://shop.example.com');
    expect(api.requestOrigins).toHaveBeenCalledWith(['https://shop.example.com/*']);
    expect(api.syncSites).toHaveBeenCalledTimes(1);
    expect((await stored())!.genericSites).toEqual(['https://shop.example.com/*']);

    await user.click(screen.getByRole('button', { name: '移除 https://shop.example.com' }));
    expect(await within(section('sites')).findByRole('status')).toHaveTextContent('已移除');
    expect(api.removeOrigins).toHaveBeenCalledWith(['https://shop.example.com/*']);
    expect((await stored())!.genericSites).toEqual([]);
  });

  it('a refused permission adds nothing', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ requestOrigins: vi.fn(async () => false) });
    renderOptions(['zh-CN'], api);
    await user.type(await screen.findByLabelText('网站地址'), 'https://shop.example.com');
    await user.click(screen.getByRole('button', { name: '添加网站' }));
    expect(await within(section('sites')).findByRole('alert')).toHaveTextContent(
      '浏览器未授予访问 https://shop.example.com 的权限',
    );
    expect(api.syncSites).not.toHaveBeenCalled();
    expect(await stored()).toBeUndefined();
  });
});

describe('Options: automatic screenshots', () => {
  it('turning it on requests <all_urls>; off removes it', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderOptions(['zh-CN'], api);
    const toggle = await screen.findByRole('checkbox', { name: '保存证据时自动截图' });
    await user.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(api.requestOrigins).toHaveBeenCalledWith(['<all_urls>']);
    expect((await stored())!.autoScreenshots).toBe(true);
    await user.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(api.removeOrigins).toHaveBeenCalledWith(['<all_urls>']);
  });

  it('stays off when the browser refuses', async () => {
    const user = userEvent.setup();
    renderOptions(['zh-CN'], fakeApi({ requestOrigins: vi.fn(async () => false) }));
    await user.click(await screen.findByRole('checkbox', { name: '保存证据时自动截图' }));
    expect(await within(section('screenshots')).findByRole('alert')).toHaveTextContent('自动截图保持关闭');
    expect(screen.getByRole('checkbox', { name: '保存证据时自动截图' })).not.toBeChecked();
  });
});

describe('Options: custom policies', () => {
  it('invalid JSON shows its line and leaves settings unchanged; the example pack saves', async () => {
    const user = userEvent.setup();
    await fakeBrowser.storage.local.set({
      settings: { locale: 'zh-CN', customPacks: [], holidayOverrides: [{ keep: 'as is' }] },
    });
    renderOptions(['zh-CN']);
    const editor = await screen.findByLabelText('政策包 JSON');
    await user.click(editor);
    await user.paste('[\n  { "id": "acme-drive", }\n]');
    // Checked once typing pauses: the error is shown at its line, and nothing is saved.
    expect(await within(section('packs')).findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('第 2 行');
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    expect(await stored()).toEqual({ locale: 'zh-CN', customPacks: [], holidayOverrides: [{ keep: 'as is' }] });
    expect(within(section('packs')).queryByRole('button', { name: /保存/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: '插入示例' }));
    expect(await within(section('packs')).findByRole('status', {}, { timeout: 3000 })).toHaveTextContent(
      '已保存 1 个自定义政策包',
    );
    expect(await stored()).toMatchObject({ customPacks: [EXAMPLE_PACK], holidayOverrides: [{ keep: 'as is' }] });
  });
});

describe('Options: holiday overrides', () => {
  it('picks days with date controls, saves each change, and refuses a day outside the year', async () => {
    const user = userEvent.setup();
    renderOptions(['zh-CN']);
    await user.type(await screen.findByLabelText('年份'), '2027');
    const pickOff = screen.getByLabelText('选择放假日期');
    expect(pickOff).toHaveAttribute('type', 'date');
    expect(pickOff).toHaveAttribute('min', '2027-01-01');
    expect(screen.queryByRole('textbox', { name: /放假/ })).toBeNull();
    expect(screen.getByText('加入至少一个放假日期后，该年份即自动保存。')).toBeInTheDocument();

    // A day from another year is refused and nothing is stored.
    await user.type(pickOff, '2026-12-31');
    await user.click(screen.getByRole('button', { name: '加入放假日期' }));
    expect(within(section('holidays')).getByRole('alert')).toHaveTextContent('2026-12-31 is not in 2027');
    expect(await stored()).toBeUndefined();
    await user.click(screen.getByRole('button', { name: '移除 2026-12-31' }));

    await user.type(pickOff, '2027-02-09');
    await user.click(screen.getByRole('button', { name: '加入放假日期' }));
    expect(await within(section('holidays')).findByRole('status')).toHaveTextContent('2027 年的节假日安排已保存');
    await user.type(pickOff, '2027-02-08');
    await user.keyboard('{Enter}');
    await user.type(screen.getByLabelText('选择调休上班日期'), '2027-02-06');
    await user.click(screen.getByRole('button', { name: '加入调休上班日期' }));
    await waitFor(async () =>
      expect((await stored())!.holidayOverrides).toEqual([
        { year: 2027, holidays: ['2027-02-08', '2027-02-09'], workdays: ['2027-02-06'] },
      ]),
    );
    expect(screen.getByText('2027 年：2 个放假日，1 个调休上班日')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '移除 2027-02-09' }));
    await waitFor(async () => expect((await stored())!.holidayOverrides[0].holidays).toEqual(['2027-02-08']));
  });
});

describe('Options: custom packs save as they change', () => {
  it('a valid pack is saved once typing pauses, and at once when the editor loses focus, without pressing a button', async () => {
    const user = userEvent.setup();
    renderOptions(['zh-CN']);
    await user.click(await screen.findByLabelText('政策包 JSON'));
    await user.paste(EXAMPLE_PACKS_TEXT);
    await user.tab();
    await waitFor(async () => expect((await stored())?.customPacks).toEqual([EXAMPLE_PACK]));
    expect(within(section('packs')).getByRole('status')).toHaveTextContent('已保存 1 个自定义政策包');
  });
});

describe('Options: layout', () => {
  it('a side navigation links every section group, and says that settings save as they change', async () => {
    renderOptions(['zh-CN']);
    const nav = await screen.findByRole('navigation', { name: '设置分区' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(
      expect.arrayContaining(['界面语言', '截止提醒', '自定义政策包', '节假日安排', '数据导入导出', 'SLA 故障记录']),
    );
    await screen.findByLabelText('第 1 个提醒：提前天数');
    for (const link of links) {
      const href = link.getAttribute('href')!;
      if (href.startsWith('#')) expect(document.getElementById(href.slice(1))).not.toBeNull();
    }
    expect(nav).toHaveTextContent('每项设置改动后立即保存。');
  });
});

describe('Options: export, import and wipe', () => {
  it('exports settings with the outage log, and evidence as its bundle', async () => {
    const user = userEvent.setup();
    const download = vi.fn<(name: string, data: Blob) => void>();
    const api = fakeApi({ download });
    renderOptions(['zh-CN'], api);
    await user.click(await screen.findByRole('button', { name: '导出设置与故障记录' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [name, blob] = download.mock.calls[0]!;
    expect(name).toBe('refund-guard-settings-20261122T020000.json');
    expect(JSON.parse(await blob.text())).toMatchObject({
      format: EXPORT_FORMAT,
      settingsVersion: 2,
      settings: { locale: 'auto' },
      outageLog: emptyOutageLog,
    });
    await user.click(screen.getByRole('button', { name: '导出全部证据' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    expect(download.mock.calls[1]![0]).toBe('refund-guard-evidence-20261122T020000.zip');
  });

  it('shows the fingerprint of the bundle signing key, read-only, in Chinese and English', async () => {
    const api = fakeApi();
    renderOptions(['zh-CN'], api);
    const key = await screen.findByLabelText('证据包签名密钥指纹');
    await waitFor(() =>
      expect(key).toHaveValue('3f2a 9c1b 0d4e 7a65 1b2c 3d4e 5f60 7182 93a4 b5c6 d7e8 f901 2345 6789 abcd ef01'),
    );
    expect(key).toHaveAttribute('readonly');
    expect(key).toHaveAccessibleDescription(/本浏览器独有的密钥签名/);
    cleanup();
    renderOptions(
      ['en-US'],
      fakeApi({ signingKey: vi.fn(async () => Promise.reject(new Error('IndexedDB unavailable'))) }),
    );
    expect(await screen.findByText('The signing key could not be read: IndexedDB unavailable')).toBeInTheDocument();
    expect(screen.getByText('Evidence bundle signing key fingerprint')).toBeInTheDocument();
  });

  it('an invalid import changes nothing; a valid one replaces settings and log together', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    await fakeBrowser.storage.local.set({ settings: { locale: 'zh-CN' } });
    renderOptions(['zh-CN'], api);
    const input = await screen.findByLabelText('导入设置与故障记录');
    const bad = {
      format: EXPORT_FORMAT,
      settingsVersion: 2,
      settings: { locale: 'en' },
      outageLog: {
        entries: [
          { id: 'out-1', service: 'exmail', start: '2026-10-10T11:00:00+08:00', end: '2026-10-10T10:00:00+08:00' },
        ],
      },
    };
    await user.upload(input, new File([JSON.stringify(bad)], 'bad.json', { type: 'application/json' }));
    expect(await within(section('data')).findByRole('alert')).toHaveTextContent('导入文件无效，未改变任何数据');
    expect(api.writeAll).not.toHaveBeenCalled();
    expect(await stored()).toEqual({ locale: 'zh-CN' });

    // A version-1 export migrates on the way in.
    const good = {
      format: EXPORT_FORMAT,
      settingsVersion: 1,
      settings: { locale: 'en', customPacks: [], holidayOverrides: [] },
      outageLog: {
        entries: [
          { id: 'out-1', service: 'exmail', start: '2026-10-10T09:00:00+08:00', end: '2026-10-10T10:00:00+08:00' },
        ],
      },
    };
    await user.upload(
      screen.getByLabelText('导入设置与故障记录'),
      new File([JSON.stringify(good)], 'good.json', { type: 'application/json' }),
    );
    await waitFor(() => expect(api.writeAll).toHaveBeenCalledTimes(1));
    expect(await stored()).toMatchObject({ locale: 'en', reminders: { leadDays: [3, 1] } });
    expect(
      ((await fakeBrowser.storage.local.get('outageLog')).outageLog as { entries: unknown[] }).entries,
    ).toHaveLength(1);
  });

  it('wipes everything only after the confirmation word is typed', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    await fakeBrowser.storage.local.set({
      settings: { locale: 'zh-CN', genericSites: ['https://shop.example.com/*'], autoScreenshots: true },
    });
    renderOptions(['zh-CN'], api);
    const button = await screen.findByRole('button', { name: '清除全部数据' });
    expect(button).toBeDisabled();
    await user.type(screen.getByLabelText('确认文字'), '全部');
    expect(button).toBeDisabled();
    await user.type(screen.getByLabelText('确认文字'), '删除');
    expect(button).toBeEnabled();
    await user.click(button);
    expect(await within(section('data')).findByRole('status')).toHaveTextContent('已清除：4 个证据快照');
    expect(api.wipeEvidence).toHaveBeenCalledTimes(1);
    expect(api.clearAll).toHaveBeenCalledTimes(1);
    expect(api.removeOrigins).toHaveBeenCalledWith(['https://shop.example.com/*', '<all_urls>']);
    expect(await stored()).toBeUndefined();
  });
});

describe('Options: a permission revoked in the browser', () => {
  it('shows automatic screenshots as off, with why', async () => {
    await fakeBrowser.storage.local.set({ settings: { autoScreenshots: true } });
    renderOptions(['zh-CN'], fakeApi({ containsOrigins: vi.fn(async () => false) }));
    const toggle = await screen.findByRole('checkbox', { name: '保存证据时自动截图' });
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(screen.getByText(/该权限已在浏览器设置中撤销/)).toBeInTheDocument();
  });
});
