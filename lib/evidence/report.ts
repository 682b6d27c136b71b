import type { MessageKey, Translate } from '../i18n';
import { shanghaiDisplay } from './time';
import type { BundleProblem, BundleReport, FileResult } from './verify';

/** One problem in the reader's language. */
export function describeProblem(problem: BundleProblem, t: Translate): string {
  const key = `verify.problem.${problem.kind}` as MessageKey;
  switch (problem.kind) {
    case 'not-zip':
    case 'manifest-unreadable':
      return t(key, { detail: problem.detail });
    case 'file-altered':
    case 'file-missing':
    case 'file-added':
      return t(key, { path: problem.path });
    case 'container-altered':
      return t(key, { offset: problem.offset });
    case 'chain-broken':
      return t(key, { seq: problem.seq, detail: problem.detail });
    case 'content-mismatch':
      return t(key, { id: problem.id, detail: problem.detail });
    case 'signature-invalid':
      return t(key, { reason: t(`verify.signature.reason.${problem.reason}`) });
    case 'signer-unexpected':
      return t(key, { expected: problem.expected, actual: problem.actual });
    default:
      return t(key);
  }
}

export const fileStatusKey = (status: FileResult['status']): MessageKey => `verify.file.${status}`;

type Counted = 'files' | 'snapshots' | 'entries' | 'problems' | 'deletions' | 'withContent';

/** "1 file", "2 files": the catalogs hold a form for one and a form for the rest (Chinese needs one form, English two). */
export const counted = (t: Translate, noun: Counted, count: number): string =>
  t(`verify.count.${noun}.${count === 1 ? 'one' : 'other'}`, { count });

/** The verdict line: what was checked and that it holds, or how many problems were found. */
export function reportHeadline(report: BundleReport, t: Translate): string {
  return report.ok
    ? t('verify.ok', {
        files: counted(t, 'files', report.files.length),
        snapshots: counted(t, 'snapshots', report.snapshots.length),
        entries: counted(t, 'entries', report.chain?.length ?? 0),
      })
    : t('verify.failed', { problems: counted(t, 'problems', report.problems.length) });
}

/** The chain in one line: entries, deletions, snapshots with content and the head. */
export function chainSummary(chain: NonNullable<BundleReport['chain']>, t: Translate): string {
  return t('verify.chain.summary', {
    entries: counted(t, 'entries', chain.length),
    deletions: counted(t, 'deletions', chain.tombstones),
    withContent: counted(t, 'withContent', chain.withContent),
    head: chain.headHash ?? '-',
  });
}

/** Who signed, as the verifiers report it: the fingerprint computed from the key the bundle carries. */
export function signatureLine(report: BundleReport, t: Translate): string {
  const s = report.signature;
  if (!s) return t('verify.signature.none');
  return s.ok
    ? t('verify.signature.ok', { algorithm: s.algorithm, fingerprint: s.fingerprint ?? '-' })
    : t('verify.signature.bad', { fingerprint: s.fingerprint ?? '-' });
}

/** A field's label where the catalogs know the field, its own name otherwise. */
export function fieldLabel(key: string, t: Translate): string {
  const messageKey = `verify.field.${key}` as MessageKey;
  const label = t(messageKey);
  return label === messageKey ? key : label;
}

/** Problems that leave nothing to report on: no archive or no manifest was read. */
const UNREAD: readonly string[] = ['not-zip', 'manifest-missing', 'manifest-unreadable'];

/** A plain-text report for a terminal. */
export function formatReport(report: BundleReport, t: Translate): string {
  const lines = [`${report.ok ? '✔' : '✘'} ${reportHeadline(report, t)}`];
  if (report.problems.length > 0) {
    lines.push('', t('verify.heading.problems'));
    for (const problem of report.problems) lines.push(`  ✘ ${describeProblem(problem, t)}`);
  }
  if (!UNREAD.includes(report.problems[0]?.kind ?? '')) {
    lines.push('', `${t('verify.heading.signature')} ${report.signature?.ok ? '✔' : '✘'} ${signatureLine(report, t)}`);
    if (report.signature?.fingerprint) lines.push(`  ${t('verify.signature.compare')}`);
  }
  if (report.exportedAt && report.generator) {
    lines.push(
      `${t('verify.heading.export')} ${t('verify.export.line', { time: shanghaiDisplay(report.exportedAt), generator: report.generator.name, version: report.generator.version })}`,
    );
  }
  if (report.chain) {
    lines.push('', `${t('verify.heading.chain')} ${report.chain.ok ? '✔' : '✘'} ${chainSummary(report.chain, t)}`);
  }
  if (report.snapshots.length > 0) {
    lines.push('', t('verify.heading.snapshots'));
    for (const s of report.snapshots) {
      lines.push(
        `  ${s.ok ? '✔' : '✘'} ${t('verify.snapshot.line', { id: s.id, time: shanghaiDisplay(s.capturedAt), url: s.url })}`,
      );
      for (const [key, value] of Object.entries(s.fields)) lines.push(`      ${fieldLabel(key, t)}: ${String(value)}`);
    }
  }
  if (report.files.length > 0) {
    lines.push('', t('verify.heading.files'));
    for (const f of report.files)
      lines.push(`  ${f.status === 'ok' ? '✔' : '✘'} ${t(fileStatusKey(f.status)).padEnd(8)} ${f.path}`);
  }
  return `${lines.join('\n')}\n`;
}
