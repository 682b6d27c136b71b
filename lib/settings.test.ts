import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  migrateSettings,
  migrateSettingsV1toV2,
  readSettings,
  SETTINGS_VERSION,
  sitePattern,
} from './settings';

describe('reading stored settings', () => {
  it('gives defaults when nothing is stored', () => {
    expect(readSettings(undefined)).toEqual({ settings: defaultSettings, invalid: false });
    expect(defaultSettings.locale).toBe('auto');
  });

  it('keeps a valid choice and fills missing fields with defaults', () => {
    expect(readSettings({ locale: 'en' }).settings.locale).toBe('en');
    expect(readSettings({}).settings).toEqual(defaultSettings);
  });

  it('flags an unreadable value instead of trusting it', () => {
    expect(readSettings({ locale: 'klingon' })).toEqual({ settings: defaultSettings, invalid: true });
    expect(readSettings('corrupted')).toEqual({ settings: defaultSettings, invalid: true });
  });
});

describe('settings migration, version 1 → 2', () => {
  // A version-1 value exactly as it was stored (fixture of the old shape).
  const v1 = {
    locale: 'en',
    customPacks: [{ id: 'acme-cloud', name: 'Acme', rules: [] }],
    holidayOverrides: [{ year: 2027, holidays: ['2027-02-08'], workdays: [], source: 'gov.cn' }],
  };

  it('adds the new fields with their defaults', () => {
    const migrated = migrateSettings(v1, 1);
    const { settings, invalid } = readSettings(migrated);
    expect(invalid).toBe(false);
    expect(settings.reminders.leadDays).toEqual([3, 1]);
    expect(settings.genericSites).toEqual([]);
    expect(settings.autoScreenshots).toBe(false);
    expect(settings.locale).toBe('en');
  });

  it('keeps customPacks and holidayOverrides exactly as stored (read raw elsewhere)', () => {
    const migrated = migrateSettingsV1toV2(structuredClone(v1)) as typeof v1;
    expect(migrated.customPacks).toEqual(v1.customPacks);
    expect(migrated.holidayOverrides).toEqual(v1.holidayOverrides);
  });

  it('leaves a value that is not an object for readSettings to flag, instead of replacing it', () => {
    expect(migrateSettings('corrupted', 1)).toBe('corrupted');
    expect(readSettings(migrateSettings('corrupted', 1)).invalid).toBe(true);
  });

  it('is a no-op from the current version', () => {
    expect(migrateSettings({ locale: 'zh-CN' }, SETTINGS_VERSION)).toEqual({ locale: 'zh-CN' });
  });
});

describe('new version-2 fields', () => {
  it('sorts and de-duplicates lead times and bounds them', () => {
    expect(readSettings({ reminders: { leadDays: [1, 3, 1, 0] } }).settings.reminders.leadDays).toEqual([3, 1, 0]);
    expect(readSettings({ reminders: { leadDays: [61] } }).invalid).toBe(true);
    expect(readSettings({ reminders: { leadDays: [1.5] } }).invalid).toBe(true);
  });

  it('turns what a user types into a host-permission pattern, or refuses it', () => {
    expect(sitePattern('https://Shop.Example.com/cart?x=1')).toBe('https://shop.example.com/*');
    expect(sitePattern('course.example.com')).toBe('https://course.example.com/*');
    expect(sitePattern('http://app.example.com:8080/billing')).toBe('http://app.example.com:8080/*');
    expect(sitePattern('ftp://example.com')).toBeNull();
    expect(sitePattern('not a site')).toBeNull();
    expect(sitePattern('')).toBeNull();
    expect(readSettings({ genericSites: ['<all_urls>'] }).invalid).toBe(true);
  });
});
