import type { MessageKey } from './core';

/**
 * Which messages each surface can show, by key prefix. The catalogs stay one
 * per language (zh-CN.ts, en.ts, composed of sections/*); a build for one
 * surface ships only the keys under its prefixes (wxt.config.ts), and the
 * architecture test checks that every key the surface's sources name is
 * covered, so a message it shows is never missing.
 *
 * The service worker speaks in notifications, menus, tickets, the card's pill,
 * the exported bundle's index and verification report, and error replies: about
 * a third of the catalog. The popup, checker, locker and options words stay out.
 */
export const SURFACE_PREFIXES = {
  worker: ['bundle.', 'capture.', 'card.', 'error.', 'evidence.', 'reminders.', 'ticket.', 'verify.'],
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
