import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSensitiveField, luhnValid, redactText, residentIdValid, type RedactionCount } from './redact';

describe('luhnValid and residentIdValid', () => {
  it('accepts real test numbers and rejects one-digit changes', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('6222020200112233445')).toBe(false);
    expect(residentIdValid('11010519491231002X')).toBe(true);
    expect(residentIdValid('11010519491231002x')).toBe(true);
    expect(residentIdValid('110105194912310021')).toBe(false);
  });

  it('any single-digit change of a valid card number breaks its checksum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digits = '4111111111111111'.split('');
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        return !luhnValid(digits.join(''));
      }),
    );
  });
});

describe('redactText', () => {
  it('masks card numbers, plain or grouped, keeping the last four digits', () => {
    const count: RedactionCount = { cards: 0, ids: 0 };
    const out = redactText('卡号 4111111111111111，备用 4111 1111 1111 1111 / 4111-1111-1111-1111', count);
    expect(out).not.toMatch(/4111\s?-?1111\s?-?1111/);
    expect(out.match(/\*\*\*\* \*\*\*\* \*\*\*\* 1111/g)).toHaveLength(3);
    expect(count.cards).toBe(3);
  });

  it('masks ID numbers with a valid check digit only', () => {
    expect(redactText('身份证号：11010519491231002X')).toBe('身份证号：******************');
    expect(redactText('编号 110105194912310021')).toBe('编号 110105194912310021');
  });

  it('finds a card number next to other digit groups', () => {
    expect(redactText('1 4111 1111 1111 1111 2')).toBe('1 **** **** **** 1111 2');
    expect(redactText('7 4111111111111111')).toBe('7 **** **** **** 1111');
  });

  it('does not take millisecond timestamps or phone numbers for cards', () => {
    for (const text of ['1763791234567', '1763791234560', '13800138000', '4008 1000 10']) {
      expect(redactText(text)).toBe(text);
    }
  });

  it('keeps order numbers, amounts and dates that merely look numeric', () => {
    const text =
      '订单号 20261120123456789012 实付金额 ¥1,234.56 支付时间 2026-11-20 10:15:00 实例 ins-4111111111111111a';
    expect(redactText(text)).toBe(text);
  });

  it('finds a card grouped together with order numbers too long to be cards', () => {
    expect(redactText('20261121182946105305 4111 1111 1111 1111')).toBe('20261121182946105305 **** **** **** 1111');
    expect(redactText('4111111111111111-20261121182946105305')).toBe('**** **** **** 1111-20261121182946105305');
    expect(redactText('20261121182946105305 20261121093858923413')).toBe('20261121182946105305 20261121093858923413');
  });

  it('masks all of a card whose first group also ends a false match', () => {
    // "53 5523 5 40 4111" is Luhn-valid with a card prefix; it overlaps the real card.
    const out = redactText('53 5523 5 40 4111 1111 1111 1111');
    expect(out).toBe('**** **** **** 1111');
    expect(out.replace(/\D/g, '')).toBe('1111');
  });

  it('masks a card among any digit groups around it, long or short', () => {
    const group = fc.oneof(fc.stringMatching(/^\d{1,4}$/), fc.stringMatching(/^\d{18,24}$/));
    const groups = fc.array(group, { maxLength: 5 });
    const separator = fc.constantFrom(' ', '-');
    fc.assert(
      fc.property(groups, separator, groups, separator, (before, s1, after, s2) => {
        const text = [...before, '4111 1111 1111 1111'].join(s1) + (after.length ? s2 + after.join(s2) : '');
        return !redactText(text).includes('1111 1111 1111');
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves no valid card number behind in arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (before, after) => {
        const out = redactText(`${before} 4111111111111111 ${after}`);
        return !out.includes('4111111111111111');
      }),
      { numRuns: 300 },
    );
  });
});

describe('isSensitiveField', () => {
  it.each([
    ['cardNumber', undefined],
    ['cc-csc', undefined],
    ['CVV', undefined],
    ['卡号', undefined],
    ['银行账号', undefined],
    ['身份证号码', undefined],
    ['anything', 'password'],
    ['login 支付密码', undefined],
  ])('%s (type %s) is sensitive', (descriptor, type) => {
    expect(isSensitiveField(descriptor, type)).toBe(true);
  });

  it.each(['问题标题', 'email 邮箱', '手机号', 'seats 账户数', 'coupon 优惠码'])('%s is not', (descriptor) => {
    expect(isSensitiveField(descriptor)).toBe(false);
  });
});
