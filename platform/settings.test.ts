import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadOutageLog, loadSettings, saveOutageLog, saveSettings, settingsItem } from './settings';

// The stored shape of version 1, as the extension wrote it (key, value and WXT's version meta).
const V1_FIXTURE = {
  settings: {
    locale: 'en',
    customPacks: [{ id: 'acme-drive', name: 'Acme Drive', rules: [{ id: 'x' }] }],
    holidayOverrides: [{ year: 2027, holidays: ['2027-02-08'], workdays: ['2027-02-06'] }],
  },
  settings$: { v: 1 },
};

describe('the settings item in extension storage', () => {
  it('migrates a stored version-1 value to version 2 in place, keeping customPacks and holidayOverrides untouched', async () => {
    await fakeBrowser.storage.local.set(structuredClone(V1_FIXTURE));
    await settingsItem.migrate();
    const raw = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(raw.settings$).toEqual({ v: 2 });
    expect(raw.settings).toEqual({ ...V1_FIXTURE.settings, reminders: { leadDays: [3, 1] }, genericSites: [], autoScreenshots: false });
    const { settings, invalid } = await loadSettings();
    expect(invalid).toBe(false);
    expect(settings.customPacks).toEqual(V1_FIXTURE.settings.customPacks);
    expect(settings.holidayOverrides).toEqual(V1_FIXTURE.settings.holidayOverrides);
  });

  it('saves in canonical form and refuses an invalid change without writing it', async () => {
    await saveSettings({ reminders: { leadDays: [1, 7, 3] } });
    expect((await loadSettings()).settings.reminders.leadDays).toEqual([7, 3, 1]);
    await expect(saveSettings({ genericSites: ['<all_urls>'] })).rejects.toThrow();
    expect((await loadSettings()).settings.genericSites).toEqual([]);
  });

  it('the outage log is validated as a whole before it is written', async () => {
    await saveOutageLog({ entries: [{ id: 'out-1', service: 'exmail', start: '2026-10-10T09:00:00+08:00', end: '2026-10-10T10:00:00+08:00' }] });
    await expect(saveOutageLog({ entries: [{ id: 'out-2', service: 'exmail', start: '2026-10-10T09:00:00+08:00', end: '2026-10-10T08:00:00+08:00' }] })).rejects.toThrow();
    expect((await loadOutageLog()).log.entries.map((e) => e.id)).toEqual(['out-1']);
  });
});
