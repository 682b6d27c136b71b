import { describe, expect, it } from 'vitest';
import { messageKeys, resolveLocale, translator } from './index';
import { zhCN } from './zh-CN';
import { en } from './en';
import { cliText, type CliKey } from './cli';
import { en as cliEn, zhCN as cliZh } from './sections/cli';

describe('locale resolution', () => {
  it('follows the browser when the user chose "auto"', () => {
    expect(resolveLocale('auto', ['en-US', 'zh-CN'])).toBe('en');
    expect(resolveLocale('auto', ['zh-TW', 'en'])).toBe('zh-CN');
    expect(resolveLocale(undefined, ['zh-CN'])).toBe('zh-CN');
  });

  it('falls back to zh-CN, the default, for languages it does not speak', () => {
    expect(resolveLocale('auto', ['fr-FR', 'de'])).toBe('zh-CN');
    expect(resolveLocale('auto', [])).toBe('zh-CN');
    expect(resolveLocale('auto', ['fr-FR', 'en-GB'])).toBe('en');
  });

  it('lets the user override the browser', () => {
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
    expect(resolveLocale('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});

describe('catalogs', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    expect(messageKeys('en').sort()).toEqual(messageKeys('zh-CN').sort());
    for (const value of [...Object.values(zhCN), ...Object.values(en)]) expect(value.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of messageKeys('zh-CN')) expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
  });

  it('English text is not left in Chinese', () => {
    for (const key of messageKeys('en')) {
      // Names kept in Chinese on purpose: the language's own name, the complaint platform's name.
      if (key === 'options.language.zh-CN' || key === 'ticket.complaint.heimao.platform') continue;
      expect(en[key], key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('zh-CN');
    expect(t('card.detected', { vendor: '腾讯云', kind: '购买页' })).toBe('已识别：腾讯云 · 购买页');
    expect(t('card.detected', { vendor: '腾讯云' })).toBe('已识别：腾讯云 · {kind}');
    expect(translator('en')('error.handler', { message: 'quota' })).toBe('The action failed: quota');
  });
});

describe("the command line's section (lib/i18n/sections/cli.ts)", () => {
  it('has the same placeholders in both languages, none empty', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(cliZh) as CliKey[]) {
      expect(cliZh[key].trim(), key).not.toBe('');
      expect(placeholders(cliEn[key]), key).toEqual(placeholders(cliZh[key]));
    }
  });

  it('English text is not left in Chinese (the brand 快连 keeps its name)', () => {
    for (const key of Object.keys(cliEn) as CliKey[])
      expect(cliEn[key].replace(/快连/g, ''), key).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('fills its placeholders, and leaves JSON braces in help texts alone', () => {
    expect(cliText('cli.error.unknownCommand', 'en', { command: 'x' })).toBe('unknown command "x"');
    expect(cliText('cli.error.outageArray', 'zh-CN', { path: 'a.json' })).toBe(
      '故障文件“a.json”应包含故障数组（或 { "outages": [...] }）',
    );
  });
});
