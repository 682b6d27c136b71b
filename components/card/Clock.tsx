import type { CardCitation, CardClock } from '../../lib/card/model';
import { useI18n } from '../i18n-context';

/** A citation that opens to the clause's words: what the rule says and where it is written. */
export function Citation({ citation, text }: { citation: CardCitation | { title: string }; text?: string }) {
  const { t } = useI18n();
  return (
    <details className="rg-cite">
      <summary>{t('card.basis', { title: citation.title })}</summary>
      {text && <p className="rg-cite__text">{text}</p>}
    </details>
  );
}

/** One clock: what ends, when, and whether it is an estimate or depends on conditions. */
export function Clock({ clock }: { clock: CardClock }) {
  const { t } = useI18n();
  const when =
    clock.state === 'unknown'
      ? t('card.clock.unknown')
      : clock.state === 'lapsed'
        ? t('card.clock.lapsed', { date: clock.date ?? '' })
        : t('card.clock.until', { date: clock.date ?? '' }) +
          // Said once: a label that already explains the estimate ("按购买时间估算") gets no second "（估算）".
          (clock.estimated && !/估算|estimat/i.test(clock.label) ? t('card.clock.estimated') : '');
  return (
    <li className="rg-clock" data-clock={clock.rule} data-state={clock.state} data-date={clock.date ?? ''}>
      <span className="rg-clock__label">{clock.label}</span>
      <strong className="rg-clock__date">{when}</strong>
      {clock.conditional && <span className="rg-chip">{t('card.clock.conditional')}</span>}
      {clock.note && <p className="rg-muted">{clock.note}</p>}
      {clock.citations[0] && <Citation citation={clock.citations[0]} text={clock.summary} />}
    </li>
  );
}
