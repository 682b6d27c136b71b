import type { Locale } from '../i18n';
import { localize, zhEn, type LocalizedText } from './text';

/**
 * Input problems (facts, SLA inputs) in the reader's language. Messages are
 * built from the issue's code, not from zod's English text; the custom
 * messages the schemas write are looked up here in both languages.
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

/** The schemas' own messages (English, as written) → both languages. */
const CUSTOM: Record<string, LocalizedText> = {
  'must be an ISO date or date-time, e.g. 2026-03-01 or 2026-03-01T10:00:00+08:00': zhEn(
    '应为 ISO 日期或日期时间，例如 2026-03-01 或 2026-03-01T10:00:00+08:00',
    'must be an ISO date or date-time, e.g. 2026-03-01 or 2026-03-01T10:00:00+08:00',
  ),
  'must be an ISO date-time, e.g. 2026-03-04T10:00:00+08:00': zhEn(
    '应为 ISO 日期时间，例如 2026-03-04T10:00:00+08:00',
    'must be an ISO date-time, e.g. 2026-03-04T10:00:00+08:00',
  ),
  'must be a month written YYYY-MM': zhEn('应为 YYYY-MM 格式的月份', 'must be a month written YYYY-MM'),
};

const TEXT = {
  required: zhEn('必填，未提供', 'is required'),
  type: zhEn('类型不对：应为 {expected}', 'must be a {expected}'),
  oneOf: zhEn('应为以下之一：{values}', 'must be one of: {values}'),
  min: zhEn('不能小于 {minimum}', 'must be at least {minimum}'),
  max: zhEn('不能大于 {maximum}', 'must be at most {maximum}'),
  invalid: zhEn('取值无效', 'is not valid'),
};

const TYPES: Record<string, LocalizedText> = {
  string: zhEn('文本', 'text string'),
  number: zhEn('数字', 'number'),
  boolean: zhEn('true 或 false', 'true or false'),
  object: zhEn('对象', 'object'),
  array: zhEn('数组', 'array'),
};

/** "purchasedAt: 应为 ISO 日期…" — the path, then the problem. */
export function localizeIssue(issue: IssueLike, locale: Locale): string {
  const path =
    issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      .replace(/^\./, '') || (locale === 'zh-CN' ? '（输入）' : '(input)');
  return `${path}: ${problem(issue, locale)}`;
}

function problem(issue: IssueLike, locale: Locale): string {
  const custom = CUSTOM[issue.message];
  if (custom) return localize(custom, locale);
  const oneOf = /^must be one of (.+)$/.exec(issue.message);
  if (oneOf) return localize(TEXT.oneOf, locale, { values: oneOf[1] });
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return localize(TEXT.required, locale);
      return localize(TEXT.type, locale, {
        expected: localize(
          TYPES[String(issue.expected)] ?? zhEn(String(issue.expected), String(issue.expected)),
          locale,
        ),
      });
    case 'invalid_value':
      return localize(TEXT.oneOf, locale, {
        values: (issue.values ?? []).map(String).join(locale === 'zh-CN' ? '、' : ', '),
      });
    case 'too_small':
      return localize(TEXT.min, locale, { minimum: String(issue.minimum) });
    case 'too_big':
      return localize(TEXT.max, locale, { maximum: String(issue.maximum) });
    default:
      // A message of our own in one language only: shown as written in English, otherwise the generic word.
      return locale === 'en' ? issue.message : localize(TEXT.invalid, locale);
  }
}
