/**
 * What the content script reads off a page beyond its fields, for the card's
 * presence (lib/card/presence.ts): a few booleans. Kept apart so the content
 * script carries these few lines and none of the policy engine.
 */
/** What the content script read off the page beyond its fields (bounded booleans, no page text). */
export interface PageSignals {
  /** An Exmail admin page whose domain is not verified yet: the service was never set up. */
  notActivated: boolean;
  /** A webmail page's title (its failure, 系统繁忙 …, is read from it in the worker, as the outage log does). */
  title: string;
  /** A ticket page with a form to fill (a description box). */
  ticketForm: boolean;
  /** A webmail page whose text (not only its title) shows a failure, e.g. a timeout over the mail list. */
  failureShown: boolean;
}

export const NO_SIGNALS: PageSignals = { notActivated: false, ticketForm: false, title: '', failureShown: false };

/** Exmail's admin home says so while the service is untouched: "企业域名尚未验证" / "企业域名 … 未验证". */
const NOT_ACTIVATED = /企业域名\s*(?:尚未验证|\S*\s*未验证)|domain (?:is )?not (?:yet )?verified/i;

export { showsWebmailFailure } from '../extract/webmail';

/** Reads the not-activated signal from an admin page's text (the page's own words, nothing assumed). */
export const readsNotActivated = (text: string): boolean => NOT_ACTIVATED.test(text);
