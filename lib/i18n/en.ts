import type { MessageKey } from './zh-CN';

export const en: Record<MessageKey, string> = {
  'app.name': 'Refund Guard',
  'app.tagline': 'Refund policies, deadlines and evidence for cloud and software purchases — kept on your computer.',

  'vendor.tencent-cloud': 'Tencent Cloud',
  'vendor.tencent-exmail': 'Tencent Exmail',
  'vendor.letsvpn': 'LetsVPN (快连)',
  'vendor.generic-software': 'Other software / online courses',

  'kind.checkout': 'checkout',
  'kind.order': 'order page',
  'kind.console': 'console',
  'kind.ticket': 'ticket page',
  'kind.webmail': 'webmail',

  'vendorSummary.tencent-cloud': 'New prepaid purchases: one five-day no-reason full refund per account holder; otherwise the unused part is refunded to the account balance.',
  'vendorSummary.tencent-exmail': 'No refund once activated, in principle; not activated, outages over 72 h, wrong or duplicate orders and a reseller’s written promise are worth a request.',
  'vendorSummary.letsvpn': 'Trial window, unresolvable incompatibility, regional outage over 72 h and duplicate charges qualify; app-store purchases are refunded by the store.',
  'vendorSummary.generic-software': 'Read the seller’s policy first; the 7-day online return right excludes downloaded digital goods and items confirmed non-returnable at checkout.',

  'popup.currentPage': 'This page',
  'popup.detected': '{vendor} · {kind}',
  'popup.notVendorPage': 'This is not a purchase, order or ticket page of a supported vendor.',
  'popup.noTab': 'The current tab could not be read.',
  'popup.supported': 'Supported vendors',
  'popup.openLocker': 'Open evidence locker',
  'popup.openOptions': 'Settings',
  'popup.loading': 'Reading…',

  'options.title': 'Refund Guard · Settings',
  'options.language': 'Language',
  'options.language.help': 'Follows the browser by default; when the browser speaks neither Chinese nor English, Simplified Chinese is used.',
  'options.language.auto': 'Follow the browser',
  'options.language.zh-CN': '简体中文',
  'options.language.en': 'English',
  'options.saved': 'Saved',
  'options.privacy.title': 'Privacy',
  'options.privacy.body': 'Refund Guard has no server, no account and no telemetry. Detections, evidence snapshots and settings stay in this browser; they leave this computer only when you export them.',
  'options.sources.title': 'Policy sources',
  'options.sources.body': 'Every rule names its source (document and clause, or fact-sheet entry) and the date it was last checked. These are policy summaries, not legal advice.',

  'locker.title': 'Evidence locker',
  'locker.subtitle': 'Snapshots of order and checkout pages: fields, page text, screenshot, time and URL — redacted, hashed and chained.',
  'locker.empty.title': 'No evidence yet',
  'locker.empty.body': 'The locker is empty. Saved order snapshots are listed here by time, ready to filter, export and verify offline.',
  'locker.privacy': 'Every snapshot is stored only in this browser.',

  'card.title': 'Refund Guard',
  'card.detected': 'Recognised: {vendor} · {kind}',
  'card.collapse': 'Collapse',
  'card.expand': 'Expand',
  'card.dismiss': 'Close',
  'card.policy': 'Policy that applies',

  'error.malformed': 'An internal message was malformed, so nothing was done. Reload the page and try again.',
  'error.unknownType': 'The extension received a request it does not know, so nothing was done. Update the extension and try again.',
  'error.handler': 'The action failed: {message}',
  'error.noReceiver': 'The extension’s background is not available right now. Try again in a moment or reload the extension.',
  'error.settingsInvalid': 'Settings could not be read, so defaults are in use; the stored data was kept.',
};
