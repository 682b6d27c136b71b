import type { z } from '../../lib/zod';
import { policyPackSchema } from '../../lib/policy/schema';
import { SHIPPED_PACKS } from '../../lib/policy/registry';
import { JsonSyntaxError, parseJsonWithLines, pathText } from './json-lines';

/** What the custom-policy editor reports: nothing is saved unless `ok`. */
export type PacksCheck =
  | { ok: true; packs: unknown[] }
  | { ok: false; kind: 'syntax'; line: number; column: number; message: string }
  | { ok: false; kind: 'not-array' }
  | { ok: false; kind: 'schema'; issues: { line: number; path: string; message: string }[] };

function flatten(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[],
  out: { path: PropertyKey[]; message: string }[],
) {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length && !issue.message.startsWith('expected')) {
      // One branch nearly matched: its problems say more than "no branch matched".
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
      if (best) {
        flatten(best, path, out);
        continue;
      }
    }
    out.push({ path, message: issue.message });
  }
}

/**
 * Checks the editor's text: JSON syntax (line and column), then each pack
 * against the pack schema (each problem at the line of its path), then ids
 * (a shipped vendor's id, or one used twice).
 */
export function checkPacksText(text: string): PacksCheck {
  let located;
  try {
    located = parseJsonWithLines(text.trim() ? text : '[]');
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      return { ok: false, kind: 'syntax', line: error.line, column: error.column, message: error.message };
    throw error;
  }
  const value = located.value;
  if (!Array.isArray(value)) return { ok: false, kind: 'not-array' };
  const problems: { path: PropertyKey[]; message: string }[] = [];
  const ids = new Set<string>();
  value.forEach((pack, i) => {
    const parsed = policyPackSchema().safeParse(pack);
    if (!parsed.success) {
      flatten(parsed.error.issues, [i], problems);
      return;
    }
    if (Object.hasOwn(SHIPPED_PACKS, parsed.data.id))
      problems.push({ path: [i, 'id'], message: `"${parsed.data.id}" is a shipped pack; choose another id` });
    else if (ids.has(parsed.data.id)) problems.push({ path: [i, 'id'], message: `"${parsed.data.id}" is given twice` });
    ids.add(parsed.data.id);
  });
  if (problems.length) {
    const seen = new Set<string>();
    const issues = problems
      .map((p) => ({ line: located.lineOf(p.path), path: pathText(p.path), message: p.message }))
      .filter((p) => {
        const k = `${p.path}|${p.message}`;
        return seen.has(k) ? false : (seen.add(k), true);
      })
      .sort((a, b) => a.line - b.line);
    return { ok: false, kind: 'schema', issues };
  }
  return { ok: true, packs: value };
}

/** A complete, valid example for a vendor Refund Guard does not ship (invented; cite your own sources). */
export const EXAMPLE_PACK = {
  id: 'acme-drive',
  name: { 'zh-CN': '示例网盘 Acme Drive', en: 'Acme Drive (example)' },
  lastChecked: '2026-11-01',
  covers: { 'zh-CN': 'Acme Drive 个人版与团队版的年付订阅', en: 'Acme Drive Personal and Team annual plans' },
  rules: [
    {
      id: 'fourteen-day-money-back',
      when: {
        all: [
          { fact: 'renewal', is: false },
          { fact: 'reason', in: ['changed-mind', 'dissatisfied'] },
        ],
      },
      outcome: 'eligible',
      refund: 'full',
      claimWith: 'vendor',
      summary: {
        'zh-CN': '首次购买 14 天内可无理由全额退款',
        en: 'Full refund within 14 days of a first purchase, no reason needed',
      },
      citations: [{ source: 'https://acme-drive.example/legal/refunds', clause: '2.1' }],
      deadline: {
        kind: 'period',
        amount: 14,
        unit: 'calendar-days',
        from: 'purchase',
        label: { 'zh-CN': '14 天退款期截止', en: '14-day refund window ends' },
      },
      channels: ['acme-support'],
    },
    {
      id: 'no-refund',
      outcome: 'not-eligible',
      refund: null,
      claimWith: 'vendor',
      summary: { 'zh-CN': '超过 14 天或续费订单不予退款', en: 'No refund after 14 days or for renewals' },
      citations: [{ source: 'https://acme-drive.example/legal/refunds', clause: '2.3' }],
    },
  ],
  channels: [
    {
      id: 'acme-support',
      kind: 'email',
      name: { 'zh-CN': 'Acme 客服邮箱', en: 'Acme support email' },
      value: 'billing@acme-drive.example',
      citations: [{ source: 'https://acme-drive.example/contact' }],
    },
  ],
};

export const EXAMPLE_PACKS_TEXT = JSON.stringify([EXAMPLE_PACK], null, 2);
