import type { Locale, MessageKey, Translate } from '../i18n';
import { engineTranslator as translator } from '../i18n/engine';
import { joinList, localize, zhEn } from './text';

/**
 * Input problems (facts, SLA inputs) in the reader's language. Messages are
 * built from the issue's code, not from zod's English text; the custom
 * messages the schemas write have catalog keys (lib/i18n/sections/checker.ts).
 */
interface IssueLike {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
  input?: unknown;
  values?: readonly unknown[];
  minimum?: unknown;
  maximum?: unknown;
}

/** The schemas' own messages (English, as written) → their catalog keys. */
const CUSTOM: Record<string, MessageKey> = {
  'must be an ISO date or date-time, e.g. 2026-03-01 or 2026-03-01T10:00:00+08:00': 'error.input.isoDate',
  'must be an ISO date-time, e.g. 2026-03-04T10:00:00+08:00': 'error.input.isoDateTime',
  'must be a month written YYYY-MM': 'error.input.month',
};

const TYPES: Record<string, MessageKey> = {
  string: 'error.input.type.string',
  number: 'error.input.type.number',
  boolean: 'error.input.type.boolean',
  object: 'error.input.type.object',
  array: 'error.input.type.array',
};

/** "purchasedAt: 应为 ISO 日期…" — the path, then the problem. */
export function localizeIssue(issue: IssueLike, locale: Locale): string {
  const t = translator(locale);
  const path =
    issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '') || t('error.input.whole');
  return `${path}: ${problem(issue, t, locale)}`;
}

function problem(issue: IssueLike, t: Translate, locale: Locale): string {
  const custom = CUSTOM[issue.message];
  if (custom) return t(custom);
  const oneOf = /^must be one of (.+)$/.exec(issue.message);
  if (oneOf) return t('error.input.oneOf', { values: oneOf[1] ?? '' });
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return t('error.input.required');
      const type = TYPES[String(issue.expected)];
      return t('error.input.type', { expected: type ? t(type) : String(issue.expected) });
    }
    case 'invalid_value':
      return t('error.input.oneOf', { values: joinList((issue.values ?? []).map(String), locale) });
    case 'too_small':
      return t('error.input.min', { minimum: String(issue.minimum) });
    case 'too_big':
      return t('error.input.max', { maximum: String(issue.maximum) });
    default:
      // zod's own words exist in English only: shown as written there, the generic word in Chinese.
      return localize(zhEn(t('error.input.other'), issue.message), locale);
  }
}
