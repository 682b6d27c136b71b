import { evaluateClaim } from '../../lib/claims/eligibility';
import { orderFacts } from '../../lib/claims/order-facts';
import type { RequestOf, ResponseOf, SenderInfo } from '../../lib/messages';
import { draftTicket, TICKET_TEMPLATES } from '../../lib/tickets/draft';
import { fillHints, fillValuesFromDraft } from '../../lib/tickets/fill';
import { detectPage } from '../../lib/detect';
import { loadSettings } from '../../platform/settings';
import type { EvidenceStore } from '../../platform/evidence-db';

/** How many of the vendor's newest snapshots are looked through for an order. */
const LOOKUP = 20;

/**
 * "Fill the draft" on a ticket form's card: the refund ticket for the
 * vendor's newest saved order (the order the popup's "fill the draft" leads
 * with), as the ticket form's values. The vendor is the sender's page's, as
 * recognised here from its address; null when no order of it was saved.
 */
export async function cardTicketDraft(
  { locale }: RequestOf<'card.ticketDraft'>,
  sender: SenderInfo,
  store: EvidenceStore,
  now: Date,
): Promise<ResponseOf<'card.ticketDraft'>> {
  const match = sender.url ? detectPage(sender.url) : null;
  if (sender.fromExtension || match?.kind !== 'ticket') return { draft: null };
  const { items } = await store.list({ vendor: match.vendor, countAll: false, offset: 0, limit: LOOKUP });
  const newest = items.find((item) => item.orderId);
  if (!newest?.orderId) return { draft: null };
  const [body] = await store.bodies([newest.id]);
  if (!body) return { draft: null };
  const { settings } = await loadSettings();
  const derived = orderFacts({ vendor: match.vendor, fields: body.fields, url: body.url });
  const verdict = evaluateClaim(derived.facts, now.toISOString(), { locale, packs: settings.customPacks });
  const draft = draftTicket(verdict, derived.facts, [], locale, { packs: settings.customPacks });
  const template = TICKET_TEMPLATES[match.vendor];
  const values = fillValuesFromDraft({ template, draft, orderId: newest.orderId });
  return { draft: { orderId: newest.orderId, values, hints: fillHints(template) } };
}
