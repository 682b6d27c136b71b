import type { CheckoutCardModel } from '../../lib/card/model';
import { useI18n } from '../i18n-context';
import { Headline } from '../Headline';
import { Citation, Clock } from './Clock';
import { RouteTimeline } from '../timeline/RouteTimeline';

/**
 * What the checkout card says about this purchase: the policy's answer to a
 * change of mind (with its clauses), the clocks that start at payment, the
 * exceptions that could apply and the risks the page shows.
 */
export function CheckoutSummary({ model }: { model: CheckoutCardModel }) {
  const { t } = useI18n();
  const { headline } = model;
  // One entry per document: several clauses of one source read as one citation. When the
  // headline's route has a clock below, that clock carries the citation: it is not said twice.
  const cited = model.clocks.some((c) => c.rule === headline.rule);
  const basis = cited
    ? []
    : headline.basis.filter((b, i, all) => all.findIndex((x) => x.citation === b.citation) === i).slice(0, 3);
  return (
    <>
      <div className="rg-section" data-outcome={headline.outcome}>
        <span className="rg-card__label">{t('card.changedMind')}</span>
        <Headline words={model.words} />
        <RouteTimeline input={model.timeline} width={290} />
        {basis.map((b) => (
          <Citation key={b.citation} citation={{ title: b.citation }} text={b.text} />
        ))}
      </div>
      <div className="rg-section">
        <span className="rg-card__label">{t('card.clocks')}</span>
        {model.clocks.length === 0 ? (
          <p className="rg-muted">{t('card.noClocks')}</p>
        ) : (
          <ul className="rg-list">
            {model.clocks.map((clock) => (
              <Clock key={clock.rule} clock={clock} />
            ))}
          </ul>
        )}
      </div>
      <div className="rg-section">
        <span className="rg-card__label">{t('card.risks')}</span>
        {model.flags.length === 0 ? (
          <p className="rg-muted" data-flags="none">
            {t('card.noRisks')}
          </p>
        ) : (
          <ul className="rg-list">
            {model.flags.map((flag) => (
              <li key={flag.id} className="rg-flag" data-flag={flag.id}>
                <strong className="rg-flag__title">{flag.title}</strong>
                <span className="rg-flag__advice">{flag.advice}</span>
                {flag.evidence && <span className="rg-muted">{t('card.flag.evidence', { text: flag.evidence })}</span>}
                {flag.citations[0] && <Citation citation={flag.citations[0]} />}
              </li>
            ))}
          </ul>
        )}
      </div>
      {model.exceptions.length > 0 && (
        <details className="rg-section rg-exceptions">
          <summary className="rg-card__label">{t('card.exceptions')}</summary>
          <ul className="rg-list">
            {model.exceptions.map((e) => (
              <li key={e.rule} data-exception={e.rule}>
                {e.summary}
                {e.citations[0] && <span className="rg-muted"> — {e.citations[0].title}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
