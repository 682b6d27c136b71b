import type { CardResponse } from '../../lib/card/schema';
import { Headline } from '../Headline';
import { useI18n } from '../i18n-context';

/**
 * What the popup says first about its tab, before any claim, from the same
 * reading of the page as the in-page card (the worker computes both):
 * - a checkout: its assessment and risks;
 * - an order page not saved yet: the order's headline; an order list: each
 *   listed order with its headline;
 * - a console or webmail page: what the card would say there (the service not
 *   set up yet, an outage logged for the SLA month, a failure to save), else
 *   that nothing needs doing, with "check this page once".
 * A ticket form leads with "fill the draft" in the checker; pages of other
 * sites with "check this page once" (GenericSite).
 */
export interface TabLeadProps {
  kind: 'checkout' | 'order' | 'console' | 'webmail';
  /** What the tab's card says: undefined while asked, null when no card has read the page. */
  content: CardResponse | null | undefined;
  /** Opens the SLA outage log (a logged outage links to it). */
  onOpenSla?: () => void;
  /** Asks the tab's card again ("check this page once" where nothing needs doing). */
  onRecheck?: () => void;
  /** How many times the page was checked again from here (0: not yet). */
  rechecks?: number;
}

/** Rows of an order list shown in the popup; the rest are counted. */
export const LEAD_ROWS = 6;

export function TabLead(props: TabLeadProps) {
  const { t } = useI18n();
  const { kind, content } = props;
  if (kind === 'checkout') return <CheckoutLead content={content} />;
  if (kind === 'order' && content && content.orderRows.length > 0) return <OrderListLead rows={content.orderRows} />;
  if (kind === 'order') return <OrderLead content={content} />;
  if (content === undefined) {
    return (
      <section className="rg-lead" data-testid="tab-lead" data-lead="loading" aria-label={t('popup.currentPage')}>
        <p className="rg-muted rg-small">{t('popup.loading')}</p>
      </section>
    );
  }
  if (content?.notice) return <NoticeLead notice={content.notice} onOpenSla={props.onOpenSla} />;
  return <QuietLead onRecheck={props.onRecheck} rechecks={props.rechecks ?? 0} />;
}

function CheckoutLead({ content }: { content: CardResponse | null | undefined }) {
  const { t } = useI18n();
  const checkout = content?.checkout;
  return (
    <section className="rg-lead" data-testid="tab-lead" data-lead="checkout" aria-labelledby="rg-lead-title">
      <h2 id="rg-lead-title">{t('checker.lead.checkout')}</h2>
      {content === undefined && <p className="rg-muted rg-small">{t('popup.loading')}</p>}
      {content !== undefined && !checkout && <p className="rg-muted rg-small">{t('checker.lead.checkoutUnread')}</p>}
      {checkout && <Headline words={checkout.words} />}
      {checkout && checkout.flags.length > 0 && (
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
      )}
      {checkout && checkout.flags.length === 0 && <p className="rg-small rg-muted">{t('checker.lead.noRisks')}</p>}
    </section>
  );
}

function OrderLead({ content }: { content: CardResponse | null | undefined }) {
  const { t } = useI18n();
  const order = content?.order;
  return (
    <section className="rg-lead" data-testid="tab-lead" data-lead="order" aria-labelledby="rg-lead-title">
      <h2 id="rg-lead-title">{t('checker.lead.order')}</h2>
      {content === undefined && <p className="rg-muted rg-small">{t('popup.loading')}</p>}
      {order && <Headline words={order.words} />}
      {content !== undefined && (
        <p className="rg-small rg-muted">{t(order ? 'checker.lead.orderUnsaved' : 'checker.lead.orderUnread')}</p>
      )}
    </section>
  );
}

function OrderListLead({ rows }: { rows: CardResponse['orderRows'] }) {
  const { t } = useI18n();
  const shown = rows.slice(0, LEAD_ROWS);
  return (
    <section className="rg-lead" data-testid="tab-lead" data-lead="order-list" aria-labelledby="rg-lead-title">
      <h2 id="rg-lead-title">{t('checker.lead.orderList', { count: rows.length })}</h2>
      <ul className="rg-lead__rows">
        {shown.map((row) => (
          <li key={row.orderId} data-order-id={row.orderId}>
            <span className="rg-small rg-muted">
              {[t('checker.source.orderLine', { orderId: row.orderId }), row.status].filter(Boolean).join(' · ')}
            </span>
            <Headline words={row.words} />
          </li>
        ))}
      </ul>
      {rows.length > shown.length && (
        <p className="rg-small rg-muted">{t('checker.lead.orderListMore', { count: rows.length - shown.length })}</p>
      )}
    </section>
  );
}

function NoticeLead({ notice, onOpenSla }: { notice: NonNullable<CardResponse['notice']>; onOpenSla?: () => void }) {
  const { t } = useI18n();
  const outage = notice.kind === 'outage-logged' || notice.kind === 'outage-seen';
  return (
    <section className="rg-lead" data-testid="tab-lead" data-lead={notice.kind} aria-labelledby="rg-lead-title">
      <h2 id="rg-lead-title">{notice.kind === 'outage-logged' ? t('checker.lead.outageLogged') : notice.title}</h2>
      {notice.kind === 'outage-logged' && <p className="rg-small">{notice.title}</p>}
      <ul className="rg-lead__lines">
        {notice.lines.map((line) => (
          <li key={line} className="rg-small">
            {line}
          </li>
        ))}
      </ul>
      {notice.citation && (
        <p className="rg-small rg-muted" data-citation="">
          {t('checker.lead.basis', {
            source: [notice.citation.title, notice.citation.clause].filter(Boolean).join(' '),
          })}
        </p>
      )}
      {outage && onOpenSla && (
        <p className="rg-small">
          <button type="button" className="rg-link" data-action="open-sla" onClick={onOpenSla}>
            {t('checker.lead.openSla')}
          </button>
        </p>
      )}
    </section>
  );
}

function QuietLead({ onRecheck, rechecks }: { onRecheck?: () => void; rechecks: number }) {
  const { t } = useI18n();
  return (
    <section className="rg-lead" data-testid="tab-lead" data-lead="quiet" aria-labelledby="rg-lead-title">
      <h2 id="rg-lead-title">{t('checker.lead.quiet')}</h2>
      <p className="rg-small rg-muted">{t('checker.lead.quietHelp')}</p>
      {onRecheck && (
        <div className="rg-actions">
          <button type="button" className="rg-button" data-action="check-once" onClick={onRecheck}>
            {t('generic.checkOnce')}
          </button>
        </div>
      )}
      {rechecks > 0 && (
        <p className="rg-small rg-muted" role="status" data-rechecked={rechecks}>
          {t('checker.lead.rechecked')}
        </p>
      )}
    </section>
  );
}
