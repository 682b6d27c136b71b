/**
 * The public face of the domain (DESIGN.md, contract 1). Everything here is pure
 * TypeScript: no browser API, no clock — `now` is always passed in.
 */
export { detectPage, detectionText, isPlausibleDetection, DETECT_TEXT_LIMIT } from './detect';
export type { PageKind, PageMatch, VendorId, ShippedVendorId } from './vendors/types';
export { PAGE_KINDS, SHIPPED_VENDORS, isShippedVendor } from './vendors/types';
export { vendorPages, contentScriptHosts, vendorName, vendorSummary } from './vendors/registry';
export { resolveLocale, translator, DEFAULT_LOCALE, LOCALES } from './i18n';
export type { Locale, LocalePreference, MessageKey, Translate } from './i18n';
export * from './messages';
export {
  settingsSchema,
  defaultSettings,
  readSettings,
  SETTINGS_VERSION,
  migrateSettings,
  sitePattern,
  DEFAULT_LEAD_DAYS,
  LEAD_DAYS_MAX,
} from './settings';
export type { Settings } from './settings';
// ── Settings, SLA outage log and reminders ──
export {
  outageLogSchema,
  readOutageLog,
  emptyOutageLog,
  loggedMonths,
  slaInputFor,
  snapshotsForMonth,
  recognizeWebmailFailure,
  addSighting,
  FAILED_PROTOCOLS,
  OUTAGE_SERVICES,
} from './outages';
export type {
  OutageLog,
  OutageEntry,
  OutageEntryInput,
  WebmailSighting,
  WebmailFailure,
  LoggedMonth,
  FailedProtocol,
} from './outages';
export {
  trackedDeadlines,
  planReminders,
  badgeCount,
  fireTime,
  reminderName,
  parseReminderName,
  markFired,
  snooze,
  dismiss,
  notificationText,
  emptyReminderState,
} from './reminders';
export { termMonths } from './extract/normalize';
export { pageTimeToIso } from './time/zone';
export type { TrackedDeadline, Reminder, ReminderState, OrderRecord, DeadlineKind } from './reminders';

// ── Claims engine (evaluateClaim, computeSla, draftTicket, policy packs) ──
export { evaluateClaim, ClaimInputError } from './claims/eligibility';
export type {
  Verdict,
  Deadline,
  BasisItem,
  Question,
  VerdictChannel,
  TimelineItem,
  EvaluateOptions,
  Route,
  RouteStatus,
} from './claims/eligibility';
export { headlineWords } from './claims/headline';
export type { HeadlineWords, HeadlineTone } from './claims/headline';
export {
  ClaimFactsSchema,
  FACT_QUESTIONS,
  FACT_DEFAULTS,
  CHANNELS as PURCHASE_CHANNELS,
  REASONS as CLAIM_REASONS,
} from './claims/facts';
export type { ClaimFacts, FactQuestion } from './claims/facts';
export { orderFacts, checkoutFacts, orderState, orderTypeOf, ORDER_STATES, ORDER_TYPES } from './claims/order-facts';
export type { DerivedOrder, OrderReading, OrderState, OrderType } from './claims/order-facts';
export { evaluateOrder, orderWords, orderStateWords } from './claims/order-headline';
export type { OrderVerdict } from './claims/order-headline';
export { headlineText } from './headline-text';
export { EVIDENCE_ITEMS, EVIDENCE_IDS, evidenceLabel, evidenceChecklist } from './claims/evidence';
export type { EvidenceId, EvidenceItem, ClaimSnapshot, ChecklistEntry } from './claims/evidence';
export { findTabOrder, readOrderBodies, SNAPSHOTS_READ } from './evidence/tab-order';
export type { OrderRef, SnapshotReader, TabOrder } from './evidence/tab-order';
export type { RefundEstimate } from './claims/estimate';
export {
  computeSla,
  slaClaimWindow,
  SlaInputError,
  SLA_POLICIES,
  mergeIntervals,
  splitByMonth,
  meetsPercent,
} from './sla';
export type { SlaInput, SlaResult, SlaClaimWindow, SlaService, SlaPolicy } from './sla';
export { draftTicket, TICKET_TEMPLATES } from './tickets/draft';
export { planFill, fillHints, fillValuesFromDraft, normalizeLabel, FILL_FIELDS } from './tickets/fill';
export type { FillField, FillValues, FillPlan, FillAssignment, FormControlInfo } from './tickets/fill';
export type { TicketDraft, DraftOptions, DraftTarget } from './tickets/draft';
export type { TicketTemplate, TicketChannel } from './tickets/template';
export {
  policyPackSchema,
  validatePack,
  definePack,
  PolicyPackError,
  OUTCOMES,
  REFUND_KINDS,
  CLAIM_WITH,
} from './policy/schema';
export type {
  PolicyPack,
  PolicyPackInput,
  PolicyRule,
  Outcome,
  RefundKind,
  ClaimWith,
  Citation,
  Condition,
} from './policy/schema';
export {
  SHIPPED_PACKS,
  shippedPacks,
  findPack,
  loadUserPacks,
  UnknownVendorError,
  PackSet,
  SHIPPED_PACK_SET,
  packSetOf,
} from './policy/registry';
export type { PackProblem } from './policy/registry';
export { citationTitle, KNOWN_SOURCES } from './policy/sources';
export { localize, formatMoney } from './policy/text';
export type { LocalizedText, Text } from './policy/text';
export {
  createCalendar,
  defaultCalendar,
  CalendarOverrideError,
  CLAIMS_TIME_ZONE,
  parseInstant,
  shanghaiDate,
  shanghaiDateTime,
  daysBetween,
} from './time';
export type { BusinessCalendar, YearOverride, IsoDate, IsoMonth } from './time';
export { runClaimsCli, CLI_USAGE } from './claims/cli';
