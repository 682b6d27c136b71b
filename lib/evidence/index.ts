/** The evidence engine: redaction, hashing, the hash chain, snapshots, bundles and their verification. */
export { canonicalJson, canonicalJsonPretty, canonicalBytes, utf8, fromUtf8, CanonicalJsonError } from './canonical';
export { sha256Hex, GENESIS_HASH } from './hash';
export { shanghaiIso, shanghaiDisplay, toUtcIso } from './time';
export * from './schema';
export { GENESIS, entryId, entryHash, nextEntry, verifyChain } from './chain';
export type { ChainHead, ChainCheck, ChainProblem } from './chain';
export {
  prepareCapture,
  withScreenshot,
  sealSnapshot,
  sealNote,
  sealTombstone,
  isDuplicate,
  subjectKey,
  bodyHash,
  fieldsFileBytes,
  CaptureRejected,
  DOM_PREAMBLE,
} from './snapshot';
export type { PreparedCapture, Sealed } from './snapshot';
export { ordersKeyedBySite, orderSubject, legacyOrderSubject, siteOf, newestPerOrder } from './subject';
export {
  redactText,
  redactDom,
  redactUrl,
  stripActiveContent,
  isSensitiveField,
  luhnValid,
  residentIdValid,
  looksLikeCard,
  MASK,
} from './redact';
export type { RedactionCount } from './redact';
export {
  buildBundle,
  streamBundle,
  BundleCancelled,
  BundleSourceChanged,
  escapeHtml,
  zipFiles,
  BUNDLE_FORMAT,
  MANIFEST_PATH,
  INDEX_PATH,
  snapshotDir,
} from './bundle';
export type {
  BundleInput,
  BundleSnapshot,
  BundleSummary,
  BundleNote,
  BundleSource,
  BundleProgress,
  StreamOptions,
  Manifest,
} from './bundle';
export { verifyBundle, sameFingerprint, VerifyCancelled } from './verify';
export type { BundleReport, BundleProblem, FileResult, SnapshotResult, SignatureResult, VerifyOptions } from './verify';
export {
  describeProblem,
  formatReport,
  reportHeadline,
  fileStatusKey,
  chainSummary,
  signatureLine,
  fieldLabel,
  counted,
} from './report';
export {
  keyFingerprint,
  groupHex,
  signManifest,
  verifyManifestSignature,
  webCryptoSigner,
  generateSigningKey,
  SIGNATURE_ALGORITHM,
} from './signature';
export type { BundleSigner, ManifestSignature, SignatureCheck } from './signature';
export { listQuerySchema, snapshotSummarySchema, matchesQuery, summarise, orderIdOf } from './query';
export type { ListQuery, SnapshotSummary, Searchable } from './query';
export { searchEntry, entryDecision, withNote, SEARCH_TEXT_CHARS } from './search';
export type { SearchEntry, SearchFilter } from './search';
export { entryGrams, needleGrams } from './search-grams';
export { toBase64, fromBase64, dataUrlBytes } from './base64';
