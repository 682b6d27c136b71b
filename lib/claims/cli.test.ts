import { describe, it, expect } from 'vitest';
import { runClaimsCli, parseOutageCsv, type CliIo } from './cli';

function io(files: Record<string, string>, now = '2026-04-09T10:00:00+08:00'): CliIo {
  return {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file '${path}'`);
      return text;
    },
    now: () => now,
  };
}

const CSV =
  'start,end,excluded,note\n2026-03-10T09:00,2026-03-10T11:30,,\n"2026-03-20 02:00","2026-03-20 03:00",notified-maintenance,"upgrade, announced"\n2026-03-21T09:00:00+08:00,2026-03-21T09:00:30+08:00,,\n';

describe('claims CLI: sla', () => {
  it('month + CSV outage log + prepaid fee → the SLA result as JSON', () => {
    const r = runClaimsCli(
      ['sla', '--service', 'exmail', '--month', '2026-03', '--outages', 'log.csv', '--prepaid', '1200/12', '--json'],
      io({ 'log.csv': CSV }),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      month: '2026-03',
      unavailableMinutes: 150,
      compensationPercent: 10,
      monthlyFee: 100,
      voucher: 10,
      claim: { opensAfter: '2026-04-08', closesOn: '2026-05-30', estimated: false },
    });
    expect(out.excluded[0]).toMatchObject({ code: 'notified-maintenance' });
    expect(out.ignored[0]).toMatchObject({ reason: 'under-one-minute' });
  });

  it('JSON outage logs, a monthly fee and vouchers', () => {
    const log = JSON.stringify({
      outages: [{ start: '2026-04-10T00:00:00+08:00', end: '2026-04-11T12:00:00.001+08:00' }],
    });
    const r = runClaimsCli(
      [
        'sla',
        '--service=cvm',
        '--month=2026-04',
        '--outages=log.json',
        '--fee=500',
        '--vouchers=100',
        '--locale=en',
        '--json',
      ],
      io({ 'log.json': log }),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      service: 'cvm',
      compensationPercent: 100,
      monthlyFee: 400,
      voucher: 400,
      claim: { opensAfter: '2026-05-11' },
    });
  });

  it('holiday overrides make a 2027 window exact', () => {
    const overrides = JSON.stringify([{ year: 2027, holidays: ['2027-01-01'], workdays: [] }]);
    const r = runClaimsCli(
      ['sla', '--service', 'exmail', '--month', '2026-12', '--outages', 'log.json', '--holidays', 'h.json', '--json'],
      io({ 'log.json': '[]', 'h.json': overrides }),
    );
    expect(JSON.parse(r.stdout).claim).toEqual({
      opensAfter: '2027-01-08',
      closesOn: '2027-03-01',
      estimated: false,
      channel: 'ticket',
    });
  });

  it.each([
    [['sla', '--month', '2026-03', '--outages', 'log.csv'], 2, 'sla needs --service'],
    [
      ['sla', '--service', 'exmail', '--month', '2026-03', '--outages', 'missing.csv'],
      2,
      'cannot read outage file "missing.csv"',
    ],
    [
      ['sla', '--service', 'exmail', '--month', '2026-03', '--outages', 'log.csv', '--prepaid', '1200'],
      2,
      '--prepaid must look like <amount>/<months>',
    ],
    [
      ['sla', '--service', 'exmail', '--month', '2026-03', '--outages', 'log.csv', '--fee', '-3'],
      2,
      '--fee must be a number ≥ 0',
    ],
    [
      ['sla', '--service', 'exmail', '--month', '2026-3', '--outages', 'log.csv'],
      1,
      'month: must be a month written YYYY-MM',
    ],
    [['sla', '--service', 'exmail', '--month', '2026-03', '--outages', 'bad.csv'], 2, 'unknown columns: begin'],
    [['sla', '--service', 'exmail', '--month', '2026-03', '--outages', 'rev.csv'], 1, 'outages[0]: end'],
    [
      ['sla', '--service', 'exmail', '--month', '2026-03', '--outages', 'log.csv', '--colour'],
      2,
      'unknown option --colour',
    ],
    [['frobnicate'], 2, 'unknown command "frobnicate"'],
  ])('%j → exit %i with "%s"', (argv, code, message) => {
    const r = runClaimsCli(
      [...(argv as string[]), '--locale', 'en'],
      io({ 'log.csv': CSV, 'bad.csv': 'begin,end\n', 'rev.csv': 'start,end\n2026-03-10T11:00,2026-03-10T09:00\n' }),
    );
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('no arguments prints usage and fails; help succeeds', () => {
    expect(runClaimsCli([], io({}))).toMatchObject({ code: 2, stderr: expect.stringContaining('用法：') });
    expect(runClaimsCli(['help', '--locale', 'en'], io({}))).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage:'),
    });
  });

  it('prints a readable summary by default: availability, tier, voucher and window', () => {
    const r = runClaimsCli(
      ['sla', '--service', 'exmail', '--month', '2026-03', '--outages', 'log.csv', '--prepaid', '1200/12'],
      io({ 'log.csv': CSV }),
    );
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).toThrow();
    expect(r.stdout).toContain('腾讯企业邮 2026-03 SLA');
    expect(r.stdout).toContain('可用性：99.6639%（承诺 99.9%），不可用 150 分钟');
    expect(r.stdout).toContain('赔偿：月度服务费的 10%，即 10.00 元（代金券）');
    expect(r.stdout).toContain('申请：2026-04-08 之后、2026-05-30 之前，只能通过工单');
    const en = runClaimsCli(
      [
        'sla',
        '--service',
        'exmail',
        '--month',
        '2026-03',
        '--outages',
        'log.csv',
        '--prepaid',
        '1200/12',
        '--locale',
        'en',
      ],
      io({ 'log.csv': CSV }),
    );
    expect(en.stdout).toContain('Credit: 10% of the monthly fee, i.e. CNY 10.00 (voucher)');
    // The summary lines are English (clause names quoted from Chinese sources may follow in the basis).
    expect(en.stdout.split('\n').slice(0, 4).join('\n')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('claims CLI: check, ticket, pack', () => {
  const facts = JSON.stringify({
    vendor: 'tencent-cloud',
    purchasedAt: '2026-11-22T10:00:00+08:00',
    billing: 'prepaid',
    renewal: false,
    convertedFromPayAsYouGo: false,
    firstNoReasonRefundUsed: false,
    promoNonRefundable: false,
    orderId: 'T-1',
  });

  it('check: facts JSON → verdict, with --now or the injected clock', () => {
    const r = runClaimsCli(
      ['check', 'facts.json', '--now', '2026-11-23T10:00:00+08:00', '--locale', 'en', '--json'],
      io({ 'facts.json': facts }),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      outcome: 'eligible',
      refund: 'full',
      deadline: { date: '2026-11-27' },
      locale: 'en',
    });
    const later = runClaimsCli(
      ['check', 'facts.json', '--json'],
      io({ 'facts.json': facts }, '2026-11-30T10:00:00+08:00'),
    );
    expect(JSON.parse(later.stdout)).toMatchObject({ outcome: 'eligible', refund: 'partial' });
  });

  it('check: a readable summary by default — headline, routes with status and deadlines, questions', () => {
    const open = JSON.stringify({ ...JSON.parse(facts), convertedFromPayAsYouGo: undefined });
    const zh = runClaimsCli(['check', 'facts.json', '--now', '2026-11-23T10:00:00+08:00'], io({ 'facts.json': open }));
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('结论：可能可以全额退款 · 需确认 1 项');
    expect(zh.stdout).toContain('期限：11月27日前（还剩 4 天）');
    expect(zh.stdout).toMatch(/\? 五天无理由全额退款 — 需回答：convertedFromPayAsYouGo · 截止 2026-11-27/);
    expect(zh.stdout).toMatch(/✓ 普通自助退还部分退款 — 可申请/);
    // Routes are 途径, as the popup names them ('各途径的申请期限'); 路径 reads as a file path.
    expect(zh.stdout).toContain('可申请的途径（最优的在前）：');
    expect(`${zh.stdout}${runClaimsCli(['help'], io({})).stdout}`).not.toContain('路径');
    expect(zh.stdout).toContain('待回答的问题：\n  1. 该实例是否由按量计费转为包年包月？');
    const en = runClaimsCli(
      ['check', 'facts.json', '--now', '2026-12-03T10:00:00+08:00', '--locale', 'en'],
      io({ 'facts.json': facts }),
    );
    expect(en.stdout).toContain('Verdict: Five-day no-reason has passed · partial refund still available');
    expect(en.stdout).toMatch(/✗ Five-day no-reason full refund — closed · until 2026-11-27/);
    const campaign = runClaimsCli(
      ['check', 'facts.json', '--now', '2026-11-23T10:00:00+08:00'],
      io({ 'facts.json': JSON.stringify({ ...JSON.parse(facts), promoNonRefundable: true }) }),
    );
    expect(campaign.stdout).toContain('结论：不可退款');
    expect(campaign.stdout).toMatch(/✗ 五天无理由全额退款 — 被“活动不退”排除/);
  });

  it('help check documents the facts file, with an example that checks as it stands', () => {
    for (const locale of ['zh-CN', 'en']) {
      const help = runClaimsCli(['help', 'check', '--locale', locale], io({}));
      expect(help.code).toBe(0);
      for (const key of ['vendor', 'purchasedAt', 'reason', 'billing', 'amountPaid', 'resellerPromise'])
        expect(help.stdout).toContain(key);
      const example = /\{\n[\s\S]*?\n\}/.exec(help.stdout)?.[0];
      expect(example).toBeDefined();
      const r = runClaimsCli(
        ['check', 'example.json', '--now', '2026-12-06T10:00:00+08:00', '--locale', locale],
        io({ 'example.json': example! }),
      );
      expect(r.code).toBe(0);
    }
    expect(runClaimsCli(['help', 'refunds'], io({}))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('没有“refunds”的说明'),
    });
  });

  it('errors are in the chosen language only', () => {
    const cases: string[][] = [
      ['check'],
      ['check', 'missing.json'],
      ['check', 'f.json', '--now', '2026-03-01'],
      ['check', 'acme.json', '--now', '2026-03-01'],
      ['sla', '--service', 'exmail', '--month', '2026-3', '--outages', 'log.json'],
      ['frobnicate'],
    ];
    const files = {
      'f.json': '{"vendor":"letsvpn"}',
      'acme.json': '{"vendor":"acme","purchasedAt":"2026-02-01"}',
      'log.json': '[]',
    };
    for (const argv of cases) {
      const zh = runClaimsCli(argv, io(files));
      expect(zh.code).toBeGreaterThan(0);
      const first = zh.stderr.split('\n\n')[0]!;
      expect(first).toMatch(/^错误：/);
      // No English sentence: what is left are file names, field names and values.
      expect(first.replace(/ENOENT[^\n]*/, '')).not.toMatch(
        /\b(?:must|needs?|cannot|unknown|invalid|required|file|is not)\b/i,
      );
      const en = runClaimsCli([...argv, '--locale', 'en'], io(files));
      expect(en.stderr.split('\n\n')[0]).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('ticket: the verdict and its draft; escalation targets', () => {
    const r = runClaimsCli(
      ['ticket', 'facts.json', '--now', '2026-11-23T10:00:00+08:00', '--json'],
      io({ 'facts.json': facts }),
    );
    const out = JSON.parse(r.stdout);
    expect(out.ticket).toMatchObject({ channel: 'ticket', fields: { title: expect.stringContaining('T-1') } });
    const text = runClaimsCli(
      ['ticket', 'facts.json', '--now', '2026-11-23T10:00:00+08:00'],
      io({ 'facts.json': facts }),
    );
    expect(text.stdout).toContain('结论：可全额退款 · 五天无理由');
    expect(text.stdout).toContain(`标题：${out.ticket.title}`);
    expect(text.stdout).toContain(out.ticket.description);
    const esc = runClaimsCli(
      ['ticket', 'facts.json', '--now', '2026-11-23', '--target', 'heimao', '--json'],
      io({ 'facts.json': facts }),
    );
    expect(JSON.parse(esc.stdout).ticket.target).toBe('heimao');
    expect(runClaimsCli(['ticket', 'facts.json', '--target', 'court'], io({ 'facts.json': facts })).code).toBe(2);
  });

  it('bad facts and unknown vendors exit 1 with the reason', () => {
    const bad = runClaimsCli(
      ['check', 'f.json', '--now', '2026-03-01', '--locale', 'en'],
      io({ 'f.json': '{"vendor":"letsvpn"}' }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('purchasedAt');
    const unknown = runClaimsCli(
      ['check', 'f.json', '--now', '2026-03-01', '--locale', 'en'],
      io({ 'f.json': '{"vendor":"acme","purchasedAt":"2026-02-01"}' }),
    );
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining('No policy pack for vendor "acme"') });
    const notJson = runClaimsCli(['check', 'f.json', '--locale', 'en'], io({ 'f.json': '{vendor:' }));
    expect(notJson).toMatchObject({ code: 2, stderr: expect.stringContaining('is not valid JSON') });
    expect(runClaimsCli(['check', '--locale', 'en'], io({})).stderr).toContain('check needs a facts file');
  });

  it('user packs via --packs; pack validation', () => {
    const pack = {
      id: 'acme',
      name: 'Acme',
      lastChecked: '2026-10-01',
      covers: 'Acme',
      rules: [
        {
          id: 'no',
          outcome: 'not-eligible',
          refund: null,
          claimWith: 'vendor',
          summary: 'No refunds',
          citations: [{ source: 'acme.example/terms', clause: '9' }],
        },
      ],
    };
    const files = {
      'p.json': JSON.stringify([pack]),
      'one.json': JSON.stringify(pack),
      'f.json': '{"vendor":"acme","purchasedAt":"2026-02-01"}',
      'broken.json': JSON.stringify({ ...pack, rules: [] }),
    };
    expect(
      JSON.parse(
        runClaimsCli(['check', 'f.json', '--packs', 'p.json', '--now', '2026-03-01', '--json'], io(files)).stdout,
      ),
    ).toMatchObject({ vendor: 'acme', outcome: 'not-eligible' });
    expect(JSON.parse(runClaimsCli(['pack', 'one.json', '--json'], io(files)).stdout)).toEqual({
      ok: true,
      id: 'acme',
      rules: 1,
    });
    expect(runClaimsCli(['pack', 'one.json'], io(files)).stdout).toBe('规则包“acme”有效：1 条规则。\n');
    expect(runClaimsCli(['pack', 'broken.json'], io(files))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('rules: a pack needs at least one rule'),
    });
  });
});

describe('outage CSV', () => {
  it('reads quoted fields, comments, a BOM and CRLF', () => {
    expect(
      parseOutageCsv('\uFEFF# log\r\nstart,end,note\r\n2026-03-01T01:00,2026-03-01T02:00,"router, ""core"""\r\n'),
    ).toEqual([{ start: '2026-03-01T01:00', end: '2026-03-01T02:00', note: 'router, "core"' }]);
  });
});
