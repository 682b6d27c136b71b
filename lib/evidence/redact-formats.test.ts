import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countCoveredFrames,
  isSensitiveField,
  isSessionParam,
  redactDom,
  redactInPlace,
  redactText,
  redactUrl,
  type RedactionCount,
} from './redact';

/**
 * Formats a hostile or merely unusual page writes secrets in (issue 19,
 * "Formats"), and the numbers that must survive because they are evidence.
 */

const CARD = '4012888888881881';
const noDigitsOf = (out: string, secret: string) =>
  expect(out.replace(/[^\d０-９Xx]/g, '')).not.toContain(secret.slice(0, 12));

describe('redactText: card, ID and bank-account formats', () => {
  it.each([
    ['dots between groups', `卡号 4012.8888.8888.1881 已绑定`],
    ['no-break spaces between groups', `卡号 4012\u00a08888\u00a08888\u00a01881`],
    ['ideographic spaces', `卡号 4012\u30008888\u30008888\u30001881`],
    ['full-width digits', '卡号 ４０１２８８８８８８８８１８８１'],
    ['full-width digits in groups', '卡号 ４０１２ ８８８８ ８８８８ １８８１'],
    ['glued to letters', 'VISA4012888888881881EXP'],
    ['a newline inside the number', '卡号 4012 8888\n8888 1881'],
    ['two spaces between groups', '卡号 4012  8888  8888  1881'],
  ])('masks a card with %s', (_name, text) => {
    const count: RedactionCount = { cards: 0, ids: 0 };
    const out = redactText(text, count);
    const digits = out.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/\D/g, '');
    expect(digits).not.toContain('40128888');
    expect(digits).toContain('1881');
    expect(count.cards).toBe(1);
  });

  it('masks a Visa number glued to the scheme name', () => {
    expect(redactText('支付方式：VISA4024007188449986')).not.toContain('402400718844');
  });

  it.each([
    ['grouped 6-8-4', '身份证 310104 19851122 1017'],
    ['grouped with dashes', '证件号码：310104-19851122-1017'],
    ['glued to letters', 'ID310104198511221017'],
    ['full-width', '身份证号 ３１０１０４１９８５１１２２１０１７'],
  ])('masks an ID number %s', (_name, text) => {
    const count: RedactionCount = { cards: 0, ids: 0 };
    const out = redactText(text, count);
    const digits = out.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/\D/g, '');
    expect(digits).not.toContain('19851122');
    expect(count.ids).toBe(1);
  });

  it.each([
    '对公账号：1100101234567890123',
    '银行账号 6222 0212 3456 7890 12',
    '收款账户: 31050161393600001234',
    'Bank account no. 1100101234567890123',
  ])('masks a bank account after its label: %s', (text) => {
    const count: RedactionCount = { cards: 0, ids: 0, secrets: 0 };
    const out = redactText(text, count);
    expect(out.replace(/\D/g, '').length).toBeLessThanOrEqual(4);
    expect(count.cards + count.secrets!).toBe(1);
  });

  it('leaves order numbers, account ids, amounts and dates alone', () => {
    const text = [
      '订单号 20261118105907123456',
      '订单编号：LV20261110203311',
      '账号ID 100012345678  APPID 1250000000',
      '实付 ¥499.00 2026-11-18 10:59:07',
      '实例 ins-4k2v9xq1 · 流水号 2026111810590712',
      '手机 138 0013 8000',
      '金额 5,000.00 元  数量 1  2026.11.18',
    ].join('\n');
    expect(redactText(text)).toBe(text);
  });

  it('keeps a 3,000-order list intact', () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `2026111810${String(590712345 + i).padStart(10, '0')}\t¥${(i % 97) + 1}.00\t2026-11-18 10:59:07\t已支付`,
    );
    const text = rows.join('\n');
    expect(redactText(text)).toBe(text);
  });
});

describe('isSensitiveField: PIN and payment passwords', () => {
  it.each(['pin', 'PIN', '支付密码', '交易密码', 'card pin'])('%s is sensitive', (d) =>
    expect(isSensitiveField(d)).toBe(true),
  );
  it.each(['shipping', 'pinyin', 'opinion', 'spinner'])('%s is not', (d) => expect(isSensitiveField(d)).toBe(false));
});

describe('redactDom: the markup as it renders', () => {
  it('masks a card split across elements, entities and line breaks in the markup', () => {
    const html = [
      '<p>卡号 <span>4012</span><span>8888</span><span>8888</span><span>1881</span></p>',
      '<p>卡号 4012&nbsp;8888&#160;8888&nbsp;1881</p>',
      '<p>卡号 4012\n      8888\n      8888 1881</p>',
      '<p>卡号 4012  8888  8888  1881</p>',
      '<p>卡号 <b>4012 8888</b><br>8888 1881</p>',
    ].join('\n');
    const out = redactDom(html);
    for (const line of out.split('\n\n')) noDigitsOf(line.replace(/<[^>]*>|&[#\w]+;/g, ''), CARD);
    expect(out.replace(/<[^>]*>|&[#\w]+;|\s/g, '')).not.toContain('40128888');
    expect(out).toContain('<span>');
  });

  it('masks an input labelled by a neighbouring element, a label cell or a form-item wrapper', () => {
    const html = [
      '<div><span>银行账号</span><input name="f3" value="6222021001115678903"></div>',
      '<table><tr><td>对公账户</td><td><input name="acct" value="1100101234567890123"></td></tr></table>',
      '<div class="form-item"><div class="label">交易密码</div><div class="ctl"><input name="x1" type="text" value="864209"></div></div>',
    ].join('');
    const out = redactDom(html);
    expect(out).not.toContain('6222021001115678903');
    expect(out).not.toContain('1100101234567890123');
    expect(out).not.toContain('864209');
  });

  it('masks hidden session and credential fields, and keeps other hidden values', () => {
    const html =
      '<form><input type="hidden" name="csrf_token" value="c5rf-8f1a9"><input type="hidden" name="sid" value="Wm8sT2kL5pQ1"><input type="hidden" name="dealName" value="20261118105907123456"></form>';
    const out = redactDom(html);
    expect(out).not.toContain('c5rf-8f1a9');
    expect(out).not.toContain('Wm8sT2kL5pQ1');
    expect(out).toContain('value="20261118105907123456"');
  });

  it('keeps an order number in an input and in text', () => {
    const html = '<div><span>订单号</span><input name="q" value="20261118105907123456"></div><p>LV20261110203311</p>';
    expect(redactDom(html)).toBe(html);
  });
});

describe('redactUrl', () => {
  it('decodes before masking: plus signs and %20 between card groups', () => {
    expect(redactUrl('http://pay.example.com/confirm?cc=4556+0239+8710+4520&step=2')).not.toMatch(/4556.?0239/);
    expect(redactUrl('http://pay.example.com/confirm?cc=4556%200239%208710%204520')).not.toMatch(/4556(%20)?0239/);
    expect(redactUrl('http://pay.example.com/c/4556%2D0239%2D8710%2D4520')).not.toMatch(/0239/);
  });

  it('drops session-like query parameters and keeps the others', () => {
    const out = redactUrl(
      'http://exmail.qq.com/cgi-bin/frame_html?sid=AbC123xyz_Q,2&r=8f1&t=today&access_token=zz9&SessionId=77&ticket=T-1&auth=q&api_key=k#top',
    );
    expect(out).toBe('http://exmail.qq.com/cgi-bin/frame_html?r=8f1&t=today#top');
  });

  it('keeps parameters that only contain such a word: a ticket number, a keyword', () => {
    expect(
      redactUrl(
        'http://console.cloud.tencent.com/workorder/detail?ticketId=20261120001&keyword=退款&key=k1&ticket=ST-1',
      ),
    ).toBe('http://console.cloud.tencent.com/workorder/detail?ticketId=20261120001&keyword=退款');
    expect(isSessionParam('ticket-title')).toBe(false);
    expect(isSessionParam('x-auth-token')).toBe(true);
  });

  it('leaves an ordinary URL as it was, byte for byte', () => {
    const url = 'http://console.cloud.tencent.com/expense/deal/detail?dealName=20261118105822371604&from=list';
    expect(redactUrl(url)).toBe(url);
  });

  it('survives a malformed escape', () => {
    expect(redactUrl('http://a.example.com/x?q=%E4%ZZ&cc=4012888888881881')).not.toContain('40128888');
  });
});

describe('redactInPlace (what live text nodes are masked with)', () => {
  it('keeps the length of any text, so each text node can take back its slice', () => {
    const pieces = fc.constantFrom(
      '4012',
      '8888',
      '1881',
      ' ',
      '\u2063',
      '\n',
      '.',
      '-',
      '对公账号：',
      '3101',
      '04',
      '1985',
      '1122',
      '1017',
      'ａ',
      '４',
      'VISA',
      '<b>',
      '&nbsp;',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 30 }),
        (parts) => redactInPlace(parts.join('')).length === parts.join('').length,
      ),
    );
  });

  it('stars a card split over text nodes of one block and keeps its last four', () => {
    expect(redactInPlace('卡号 4012\u20638888\u20638888\u20631881')).toBe('卡号 ****\u2063****\u2063****\u20631881');
    expect(redactInPlace('35660020\u206320360505')).toBe('********\u2063****0505');
    expect(redactInPlace('订单号 2026111810\u20635907123456')).toBe('订单号 2026111810\u20635907123456');
  });
});

describe('countCoveredFrames', () => {
  it('counts the markers a copy holds where frames of another origin stood', () => {
    expect(
      countCoveredFrames(
        '<p>x</p><div data-rg-covered-frame="card.example.net"></div><div data-rg-covered-frame=""></div>',
      ),
    ).toBe(2);
    expect(countCoveredFrames('<p>data-rg-covered-frame</p>')).toBe(0);
  });
});
