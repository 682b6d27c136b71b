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
    default:
      return t(key);
  }
}

export const fileStatusKey = (status: FileResult['status']): MessageKey => `verify.file.${status}`;

/** The verdict line: what was checked and that it holds, or how many problems were found. */
export function reportHeadline(report: BundleReport, t: Translate): string {
  return report.ok
    ? t('verify.ok', { files: report.files.length, snapshots: report.snapshots.length, length: report.chain?.length ?? 0 })
    : t('verify.failed', { count: report.problems.length });
}

/** A plain-text report for a terminal. */
export function formatReport(report: BundleReport, t: Translate): string {
  const lines = [`${report.ok ? '✔' : '✘'} ${reportHeadline(report, t)}`];
  if (report.problems.length > 0) {
    lines.push('', t('verify.heading.problems'));
    for (const problem of report.problems) lines.push(`  ✘ ${describeProblem(problem, t)}`);
  }
  if (report.chain) {
    lines.push('', `${t('verify.heading.chain')} ${report.chain.ok ? '✔' : '✘'} ${t('verify.chain.summary', {
      length: report.chain.length,
      tombstones: report.chain.tombstones,
      withContent: report.chain.withContent,
      head: report.chain.headHash ?? '-',
    })}`);
  }
  if (report.snapshots.length > 0) {
    lines.push('', t('verify.heading.snapshots'));
    for (const s of report.snapshots) {
      lines.push(`  ${s.ok ? '✔' : '✘'} ${t('verify.snapshot.line', { id: s.id, time: shanghaiDisplay(s.capturedAt), url: s.url })}`);
      for (const [key, value] of Object.entries(s.fields)) lines.push(`      ${key}: ${String(value)}`);
    }
  }
  if (report.files.length > 0) {
    lines.push('', t('verify.heading.files'));
    for (const f of report.files) lines.push(`  ${f.status === 'ok' ? '✔' : '✘'} ${t(fileStatusKey(f.status)).padEnd(8)} ${f.path}`);
  }
  return `${lines.join('\n')}\n`;
}
