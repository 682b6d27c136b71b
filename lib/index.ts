/**
 * The public face of the domain (DESIGN.md, contract 1). Everything here is pure
 * TypeScript: no browser API, no clock — `now` is always passed in.
 */
export { detectPage, detectionText, isPlausibleDetection, DETECT_TEXT_LIMIT } from './detect';
export type { PageKind, PageMatch, VendorId, ShippedVendorId } from './vendors/types';
export { PAGE_KINDS, SHIPPED_VENDORS } from './vendors/types';
export { vendorPages, contentScriptHosts } from './vendors/registry';
export { resolveLocale, translator, DEFAULT_LOCALE, LOCALES } from './i18n';
export type { Locale, LocalePreference, MessageKey, Translate } from './i18n';
export * from './messages';
export { settingsSchema, defaultSettings, readSettings, SETTINGS_VERSION } from './settings';
export type { Settings } from './settings';

// ── Claims engine (evaluateClaim, computeSla, draftTicket, policy packs) ──
