import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readStoredSettings } from './page-settings';
import { countingReads } from './storage-testing';
import { loadOutageLog, loadSettings, saveOutageLog, saveSettings, settingsFrom, settingsItem } from './settings';

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
    expect(raw.settings).toEqual({
      ...V1_FIXTURE.settings,
      reminders: { leadDays: [3, 1] },
      genericSites: [],
      autoScreenshots: false,
    });
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
    await saveOutageLog({
      entries: [
        { id: 'out-1', service: 'exmail', start: '2026-10-10T09:00:00+08:00', end: '2026-10-10T10:00:00+08:00' },
      ],
    });
    await expect(
      saveOutageLog({
        entries: [
          { id: 'out-2', service: 'exmail', start: '2026-10-10T09:00:00+08:00', end: '2026-10-10T08:00:00+08:00' },
        ],
      }),
    ).rejects.toThrow();
    expect((await loadOutageLog()).log.entries.map((e) => e.id)).toEqual(['out-1']);
  });
});

describe('the settings read in one storage read (as the popup opens)', () => {
  beforeEach(() => fakeBrowser.reset());

  const oneRead = () => countingReads(async () => settingsFrom(await readStoredSettings()));

  it('gives what the settings item gives, without writing, for a version-1 value', async () => {
    await fakeBrowser.storage.local.set(structuredClone(V1_FIXTURE));
    const { result, reads } = await oneRead();
    expect(reads).toBe(1);
    // Still version 1 in storage: the in-memory migration wrote nothing.
    expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({ v: 1 });
    expect(result).toEqual(await loadSettings());
    expect(result.settings.reminders.leadDays).toEqual([3, 1]);
  });

  it('takes a value without its version as version 1, as the item does', async () => {
    await fakeBrowser.storage.local.set({ settings: structuredClone(V1_FIXTURE.settings) });
    const { result } = await oneRead();
    expect(result).toEqual({
      settings: expect.objectContaining({ locale: 'en', genericSites: [], autoScreenshots: false }),
      invalid: false,
    });
  });

  it('reads the current version as saved, nothing stored as the defaults, and flags what it cannot read', async () => {
    expect((await oneRead()).result).toEqual(await loadSettings());
    await saveSettings({ locale: 'en', autoScreenshots: true });
    expect((await oneRead()).result).toEqual({
      settings: expect.objectContaining({ locale: 'en', autoScreenshots: true }),
      invalid: false,
    });
    await fakeBrowser.storage.local.set({ settings: { locale: 'fr' }, settings$: { v: 2 } });
    expect((await oneRead()).result).toEqual({ settings: expect.objectContaining({ locale: 'auto' }), invalid: true });
  });
});
