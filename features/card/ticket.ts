import { detectPage } from '../../lib/detect';
import type { ResponseOf } from '../../lib/messages';
import { listen } from '../../platform/page-messaging';
import { loadCardUi } from './load';

const notTicketPage = (): ResponseOf<'ticket.fill'> => ({
  status: 'not-ticket-page',
  url: location.href.slice(0, 8192),
  filled: [],
  kept: [],
  missing: [],
});

/**
 * Ticket pages: fills the drafted ticket when the popup asks, never submits.
 * The filling code arrives with the card's code when first asked; a page that
 * is not a ticket page answers at once (consoles navigate in place, so the
 * kind is checked when asked). Returns a function that stops listening.
 */
export function listenForTicketFill(): () => void {
  return listen({
    'ticket.fill': async (request) => {
      if (detectPage(location.href)?.kind !== 'ticket') return notTicketPage();
      return (await loadCardUi()).fillTicket(request);
    },
  });
}
