import { useEffect } from 'react';
import type { Verdict } from '../../lib/claims/eligibility';
import type { HeadlineWords } from '../../lib/claims/headline';
import { Headline } from '../Headline';
import { useI18n } from '../i18n-context';

/** The headline, in the words every surface uses, and who to ask. */
export function VerdictSummary({
  verdict,
  words,
  openQuestions,
  onShown,
}: {
  /** The verdict (or its outcome and who to claim with, as the worker sends them for the popup's first view). */
  verdict: Pick<Verdict, 'outcome' | 'claimWith'>;
  words: HeadlineWords;
  openQuestions: number;
  onShown?: () => void;
}) {
  const { t } = useI18n();
  useEffect(() => onShown?.(), [onShown]);
  return (
    <div
      className={`rg-outcome rg-outcome--${verdict.outcome}`}
      data-verdict={verdict.outcome}
      data-outcome={verdict.outcome}
      data-testid="outcome"
      data-provisional={openQuestions > 0 ? 'true' : 'false'}
    >
      <Headline words={words} />
      <span className="rg-outcome__how">{t(`checker.claimWith.${verdict.claimWith}`)}</span>
      {openQuestions > 0 && (
        <span className="rg-outcome__provisional">{t('checker.verdict.provisional', { count: openQuestions })}</span>
      )}
    </div>
  );
}
