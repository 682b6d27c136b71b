import type { CardResponse } from '../../lib/card/schema';
import { Headline } from '../Headline';
import { useI18n } from '../i18n';

/**
 * What the popup says first about its tab, before any claim: on a checkout the
 * assessment and risks the in-page card shows (the worker computes both from the
 * same reading of the page), on an order page not saved yet the order's headline.
 * A ticket form leads with "fill the draft" in the checker; other pages with
 * "check this page once" (GenericSite).
 */
export type TabLeadProps =
  | { kind: 'checkout'; content: CardResponse | null | undefined }
  | { kind: 'order'; content: CardResponse | null | undefined };

export function TabLead(props: TabLeadProps) {
  const { t } = useI18n();
  if (props.kind === 'checkout') {
    const checkout = props.content?.checkout;
    return (
      <section className="rg-lead" data-testid="tab-lead" data-lead="checkout" aria-labelledby="rg-lead-title">
        <h2 id="rg-lead-title">{t('checker.lead.checkout')}</h2>
        {props.content === undefined && <p className="rg-muted rg-small">{t('popup.loading')}</p>}
        {props.content !== undefined && !checkout && <p className="rg-muted rg-small">{t('checker.lead.checkoutUnread')}</p>}
        {checkout && (
          <>
            <Headline words={checkout.words} />
            {checkout.flags.length > 0 ? (
              <>
                <h3 className="rg-lead__risks">{t('checker.lead.risks', { count: checkout.flags.length })}</h3>
                <ul className="rg-lead__flags">
                  {checkout.flags.map((f) => (
                    <li key={f.id} data-flag={f.id}>
                      <strong>{f.title}</strong>
                      <span className="rg-small">{f.advice}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="rg-small rg-muted">{t('checker.lead.noRisks')}</p>
            )}
          </>
        )}
      </section>
    );
  }
  const order = props.content?.order;
  return (
    <section className="rg-lead" data-testid="tab-lead" data-lead="order" aria-labelledby="rg-lead-title">
      <h2 id="rg-lead-title">{t('checker.lead.order')}</h2>
      {props.content === undefined && <p className="rg-muted rg-small">{t('popup.loading')}</p>}
      {order && <Headline words={order.words} />}
      <p className="rg-small rg-muted">{t('checker.lead.orderUnsaved')}</p>
    </section>
  );
}
