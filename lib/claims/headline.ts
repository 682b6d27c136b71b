import type { Locale } from '../i18n';
import { localize, t } from '../policy/text';
import type { IsoDate } from '../time/zone';
import type { Verdict } from './eligibility';

/**
 * Provisional stand-in: replaced by the headline of the routes engine (the
 * same exports, the same signature) when that lands.
 */
export interface HeadlineWords {
  tone: 'good' | 'warn' | 'bad' | 'neutral';
  line: string;
  deadline: string | null;
  deadlineDate: IsoDate | null;
  estimated: boolean;
  confirmed: boolean;
}

const OUTCOME = {
  eligible: t('可以退款', 'Refund possible'),
  negotiable: t('可以协商', 'Worth asking'),
  compensation: t('可获赔偿', 'Compensation due'),
  'not-eligible': t('不可退款', 'No refund'),
  expired: t('已过期', 'Expired'),
} as const;
const REFUND = { full: t('全额退款', 'full refund'), partial: t('部分退款', 'partial refund'), difference: t('退差价', 'the difference'), voucher: t('代金券', 'voucher') } as const;
const UNTIL = t('截至 {date}', 'until {date}');

export function headlineWords(verdict: Verdict, locale: Locale, _now: string): HeadlineWords {
  const tone = verdict.outcome === 'eligible' ? 'good' : verdict.outcome === 'not-eligible' || verdict.outcome === 'expired' ? 'bad' : 'warn';
  const line = [localize(OUTCOME[verdict.outcome], locale), verdict.refund ? localize(REFUND[verdict.refund], locale) : null].filter(Boolean).join(' · ');
  const d = verdict.outcome === 'expired' ? null : verdict.deadline;
  return {
    tone,
    line,
    deadline: d ? localize(UNTIL, locale, { date: d.date }) : null,
    deadlineDate: d?.date ?? null,
    estimated: d?.estimated ?? false,
    confirmed: !verdict.provisional,
  };
}
