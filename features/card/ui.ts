import type { Locale } from '../../lib/i18n/core';
import { pageTranslator } from '../../lib/i18n/page';
import type { RequestOf, ResponseOf } from '../../lib/messages';
import type { PageMatch } from '../../lib/vendors/types';
import { capturePage, pageOrderFields, type SaveOutcome } from '../../platform/capture';
import { fillTicketForm, ticketFillHandler } from '../../platform/ticket-fill';
import { sendMessage } from '../../platform/page-messaging';
import type { DraftFillOutcome } from '../../components/PageCard';
import { extractCheckout } from '../../lib/extract/checkout';
import { contentScriptHosts } from '../../lib/vendors/registry';
import { mountOpenedCard } from './opened';

/**
 * The card's code that the page script does not carry: the opened card, saving
 * the page as evidence, filling a ticket form. Built as a script of its own
 * (entrypoints/card-ui.ts) that the worker runs in the page's extension world
 * when the page script asks for it (features/card/load.ts).
 */
export const cardUi = {
  mountOpenedCard,
  /** A checkout's fields, read by its labels and controls (`text`: the page's text, for its notices). */
  readCheckout(text: string) {
    const vendorHost = contentScriptHosts().includes(location.hostname);
    return extractCheckout(document, { url: location.href, vendorHost, text }).fields;
  },
  /** Saves the page as evidence; order pages carry their order (订单号, 状态, 实付金额 …) into the snapshot. */
  capture(match: PageMatch, source: 'auto' | 'manual', locale: Locale): Promise<SaveOutcome> {
    return capturePage({
      match,
      source,
      t: pageTranslator(locale),
      fields: match.kind === 'order' ? pageOrderFields() : {},
    });
  },
  fillTicket(request: RequestOf<'ticket.fill'>): ResponseOf<'ticket.fill'> {
    return ticketFillHandler(request);
  },
  /**
   * "Fill the draft" on a ticket form's card (a trusted click): the worker drafts the refund
   * ticket for the vendor's newest saved order; it goes into the form by the same path as the
   * popup's (platform/ticket-fill.ts), never submitted. Says which fields were filled, refused or kept.
   */
  async fillDraft(locale: Locale): Promise<DraftFillOutcome> {
    const t = pageTranslator(locale);
    const { draft } = await sendMessage('card.ticketDraft', { locale });
    if (!draft) return { kind: 'error', message: t('card.fillDraft.noOrder') };
    const report = fillTicketForm(document, draft.values, { hints: draft.hints });
    if (report.status !== 'filled') return { kind: 'error', message: t('card.fillDraft.noForm') };
    const labels = (list: readonly { label: string }[]) => list.map((f) => f.label);
    return {
      kind: 'filled',
      filled: labels(report.filled),
      rejected: labels(report.rejected ?? []),
      kept: labels(report.kept),
    };
  },
};

export type CardUi = typeof cardUi;

declare global {
  /** Set by entrypoints/card-ui.ts in the page's extension world; page scripts cannot see it. */
  var refundGuardCardUi: CardUi | undefined;
}
