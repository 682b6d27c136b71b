import type { MessageKey } from './core';

/**
 * Which messages each surface can show, by key prefix. The catalogs stay one
 * per language (zh-CN.ts, en.ts, composed of sections/*); a build for one
 * surface ships only the keys under its prefixes (wxt.config.ts), and the
 * architecture test checks that every key the surface's sources name is
 * covered, so a message it shows is never missing.
 *
 * A key may also be named whole (it is its own prefix). Ticket drafts (lib/tickets) carry
 * their own section (lib/i18n/tickets.ts) and the card's words theirs (lib/i18n/page.ts),
 * wherever they are written, so no surface lists them.
 */
export const SURFACE_PREFIXES = {
  /**
   * The service worker: notifications and menus, the exported bundle's index and verification
   * report, and error replies; about a fifth of the catalog.
   */
  worker: ['bundle.', 'capture.', 'error.', 'evidence.', 'reminders.', 'verify.'],
  /**
   * The toolbar popup: its own words, the checker (verdict, questions, routes' timeline, ticket
   * editor), the generic check of a page, and the error replies it can meet. The locker, options,
   * SLA pages and the card speak for themselves on their own pages.
   */
  popup: ['app.', 'checker.', 'error.', 'evidence.', 'generic.', 'kind.', 'popup.', 'settings.nav.sla', 'timeline.'],
} as const satisfies Record<string, readonly string[]>;

export type Surface = keyof typeof SURFACE_PREFIXES;

export function surfaceHasKey(surface: Surface, key: string): boolean {
  return SURFACE_PREFIXES[surface].some((prefix) => key.startsWith(prefix));
}

/** A catalog cut to a surface's keys (same texts, fewer keys). */
export function surfaceCatalog(
  catalog: Partial<Record<MessageKey, string>>,
  surface: Surface,
): Partial<Record<MessageKey, string>> {
  return Object.fromEntries(Object.entries(catalog).filter(([key]) => surfaceHasKey(surface, key)));
}
