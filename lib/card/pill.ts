import type { Locale } from '../i18n';
import { pageTranslator } from '../i18n/page';
import type { HeadlineWords } from '../claims/headline';
import type { CardNotice } from './presence';

/** The parts of a card's content the pill's one line is made of. */
export interface PillSource {
  checkout: {
    words: HeadlineWords;
    clocks: readonly { state: string; date: string | null }[];
    flags: readonly unknown[];
  } | null;
  /** The page read as one order; `orderId` null when it found none (a list page). */
  order: { words: HeadlineWords; orderId?: string | null } | null;
  orderRows: readonly { words: HeadlineWords }[];
  notice: Pick<CardNotice, 'title'> | null;
}

/**
 * The pill's one line, in the user's language: the headline (the words the
 * popup shows, or a notice's point), the nearest deadline, the number of
 * listed orders and of risks, and the words of its two buttons. Computed with
 * the card's content (in the worker), so the page script that draws the pill
 * carries no catalog and no headline logic.
 */
export interface PillWords {
  line: string;
  tone: HeadlineWords['tone'];
  deadline: string | null;
  /** "8 个订单" on an order list, else null. */
  rows: string | null;
  /** "3 项风险" when the checkout shows risks, else null. */
  risks: string | null;
  riskCount: number;
  title: string;
  expand: string;
  dismiss: string;
}

/** What the pill leads with: a checkout's words, an order's, or a list's nearest deadline (else a row it can say something about). */
export function pillLead(source: PillSource): { words: HeadlineWords | null; deadline: string | null } {
  const { checkout, order, orderRows } = source;
  // On a list, the page read as one order finds no order of its own (no number, no payment time): its rows speak.
  const pageOrder = order && (order.orderId !== null || orderRows.length === 0) ? order : null;
  const nearest = [pageOrder?.words, ...orderRows.map((r) => r.words)]
    .filter((w): w is HeadlineWords => !!w?.deadlineDate)
    .sort((a, b) => (a.deadlineDate! < b.deadlineDate! ? -1 : 1))[0];
  // A list leads with the order whose deadline comes first, not an unpaid first row.
  const listWords = nearest ?? orderRows.find((r) => r.words.tone !== 'neutral')?.words ?? orderRows[0]?.words;
  const words = checkout?.words ?? pageOrder?.words ?? listWords ?? null;
  const deadline = checkout
    ? (checkout.words.deadline ?? checkout.clocks.find((c) => c.state === 'open' && c.date)?.date ?? null)
    : (nearest?.deadline ?? null);
  return { words, deadline };
}

export function pillWords(source: PillSource, locale: Locale): PillWords {
  const t = pageTranslator(locale);
  const { words, deadline } = pillLead(source);
  const riskCount = source.checkout?.flags.length ?? 0;
  return {
    line: source.notice?.title ?? words?.line ?? '',
    tone: source.notice ? 'warn' : (words?.tone ?? 'neutral'),
    deadline,
    rows:
      source.orderRows.length > 1 && !source.checkout ? t('card.pill.rows', { count: source.orderRows.length }) : null,
    risks: riskCount > 0 ? t('card.pill.risks', { count: riskCount }) : null,
    riskCount,
    title: t('card.title'),
    expand: t('card.expand'),
    dismiss: t('card.dismiss'),
  };
}
