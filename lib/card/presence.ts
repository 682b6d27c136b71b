import type { Locale } from '../i18n';
import { findPack } from '../policy/registry';
import { citationTitle } from '../policy/sources';
import { localize } from '../policy/text';
import { pageTranslator } from '../i18n/page';
import { isAnecdote } from './anecdote';
import { recognizeWebmailFailure } from '../outages';
import type { PageSignals } from './signals';
import type { PageMatch } from '../vendors/types';
import { addCalendarDays, parseInstant, shanghaiDate, type IsoDate } from '../time/zone';

/**
 * Whether the in-page card shows, and how: not at all (a page with nothing to
 * act on: the toolbar badge is enough), as a one-line pill, or expanded (only
 * when it matters: a checkout showing a risk, or a deadline within three days).
 */
export type CardPresence = 'none' | 'pill' | 'expanded';

export { NO_SIGNALS, readsNotActivated, type PageSignals } from './signals';

/** Days ahead within which a deadline opens the card by itself. */
export const URGENT_DAYS = 3;

/** A deadline date is urgent when it falls from today to `URGENT_DAYS` days ahead (Asia/Shanghai dates). */
export function isUrgent(date: IsoDate | null | undefined, today: IsoDate): boolean {
  return !!date && date >= today && date <= addCalendarDays(today, URGENT_DAYS);
}

/** What the card shows beyond deadlines on the pages where the moment matters. */
export interface CardNotice {
  kind: 'not-activated' | 'outage-logged' | 'outage-seen' | 'ticket-draft';
  /** One line, the notice's point. */
  title: string;
  /** What to do or ask, in order. */
  lines: string[];
  citation: { title: string; source: string; clause?: string } | null;
}

/**
 * The notice a page calls for, with the clause it rests on (the policy rule's
 * own citation, never a user's case story as a basis).
 */
export function cardNotice(match: PageMatch, signals: PageSignals, now: string, locale: Locale): CardNotice | null {
  const nowMs = parseInstant(now);
  const t = pageTranslator(locale);
  // The vendor's own rule for a service never set up (a rule on `activated: false`), if its policy has one.
  const rule =
    match.kind === 'console' && signals.notActivated
      ? findPack(match.vendor, []).rules.find((r) => isNotActivatedRule(r.when))
      : undefined;
  if (rule) {
    const source = rule?.citations.find((c) => !isAnecdote(c)) ?? null;
    return {
      kind: 'not-activated',
      title: t('card.notice.notActivated'),
      lines: [t('card.notice.notActivated.ask'), ...(rule?.nextSteps?.slice(1).map((s) => localize(s, locale)) ?? [])],
      citation: source
        ? {
            title: citationTitle(source, locale),
            source: source.source,
            ...(source.clause ? { clause: source.clause } : {}),
          }
        : null,
    };
  }
  if (match.kind === 'webmail' && recognizeWebmailFailure(signals.title) !== null && nowMs !== null) {
    const month = shanghaiDate(nowMs).slice(0, 7);
    return {
      kind: 'outage-logged',
      title: t('card.notice.outage', { month }),
      lines: [t('card.notice.outage.next')],
      citation: null,
    };
  }
  // A failure the page's text shows but its title does not (a timeout over the
  // mail list) is not logged by itself: it may be the user's own network
  // (seed 002 §2.3 excludes user-side causes), so the card offers to save it.
  if (match.kind === 'webmail' && signals.failureShown && nowMs !== null) {
    const month = shanghaiDate(nowMs).slice(0, 7);
    return {
      kind: 'outage-seen',
      title: t('card.notice.outageSeen', { month }),
      lines: [t('card.notice.outageSeen.next')],
      citation: null,
    };
  }
  if (match.kind === 'ticket' && signals.ticketForm) {
    return {
      kind: 'ticket-draft',
      title: t('card.notice.ticket'),
      lines: [t('card.notice.ticket.how')],
      citation: null,
    };
  }
  return null;
}

const isNotActivatedRule = (when: unknown): boolean => {
  const w = when as { fact?: unknown; is?: unknown } | undefined;
  return w?.fact === 'activated' && w.is === false;
};

/** The few facts of the card's content that decide its presence. */
export interface PresenceInput {
  match: PageMatch;
  notice: CardNotice | null;
  /** Risk flags a checkout shows. */
  flags: number;
  /** Something a checkout or order asks of the buyer: a chosen term, a price, an order read. */
  hasSubject: boolean;
  /** Deadline dates the card names (headline, clocks, rows). */
  deadlines: readonly (IsoDate | null)[];
}

/**
 * None: webmail and console pages without a notice, checkouts where nothing is
 * chosen and no risk shows (a marketing page), order pages where no order was read.
 * Expanded: a checkout with a risk flag, a deadline within three days, a notice
 * that is about now (not set up yet). Otherwise a pill.
 */
export function cardPresence(input: PresenceInput, now: string): CardPresence {
  const nowMs = parseInstant(now);
  const today = nowMs === null ? null : shanghaiDate(nowMs);
  const { match } = input;
  const urgent = today !== null && input.deadlines.some((d) => isUrgent(d, today));
  if (match.kind === 'webmail' || match.kind === 'console' || match.kind === 'ticket') {
    if (!input.notice && !urgent) return 'none';
    return input.notice?.kind === 'not-activated' || urgent ? 'expanded' : 'pill';
  }
  if (match.kind === 'checkout') {
    // A product page where nothing is chosen yet gets no card, even for a vendor whose every purchase carries a risk.
    if (!input.hasSubject) return 'none';
    if (input.flags > 0) return 'expanded';
  }
  if (match.kind === 'order' && !input.hasSubject) return 'none';
  return urgent ? 'expanded' : 'pill';
}
