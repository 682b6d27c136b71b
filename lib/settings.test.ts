import { describe, expect, it } from 'vitest';
import { defaultSettings, readSettings } from './settings';

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
