import type { CardContent, OrderCardModel, SlaWindow } from '../../lib/card/model';
import { useI18n } from '../i18n-context';
import { Headline } from '../Headline';
import { Clock } from './Clock';
import { RouteTimeline } from '../timeline/RouteTimeline';

export type OrderRow = CardContent['orderRows'][number];

function SlaLine({ sla }: { sla: SlaWindow }) {
  const { t } = useI18n();
  return (
    <p className="rg-sla" data-sla-month={sla.month} data-sla-open={sla.open ? 'true' : 'false'}>
      {t('card.sla', { month: sla.month, opensAfter: sla.opensAfter, closesOn: sla.closesOn })}
      {sla.estimated ? t('card.clock.estimated') : ''} ·{' '}
      <strong>{sla.open ? t('card.sla.open') : t('card.sla.notOpen')}</strong>
    </p>
  );
}

/**
 * The console card: the deadlines that follow from the order on this page
 * (or from each order of a list) and last month's SLA claim window.
 */
export function OrderDeadlines({ model, rows }: { model: OrderCardModel | null; rows: readonly OrderRow[] }) {
  const { t } = useI18n();
  return (
    <>
      {model && (model.orderId || model.purchasedAt) && (
        <div className="rg-section" data-order-id={model.orderId ?? ''}>
          <span className="rg-card__label">{t('card.order.deadlines')}</span>
          <p>
            <strong>
              {model.orderId ? t('card.order.title', { orderId: model.orderId }) : t('card.order.unknownId')}
            </strong>
            {model.purchasedAt && (
              <span className="rg-muted rg-date">
                {' '}
                · {t('card.order.paid', { time: model.purchasedAt.slice(0, 16).replace('T', ' ') })}
              </span>
            )}
          </p>
          <Headline words={model.words} />
          <RouteTimeline input={model.timeline} width={290} />
          {!model.purchasedAt || (model.state !== 'paid' && model.state !== 'unknown') ? null : model.clocks.length ===
            0 ? (
            <p className="rg-muted">{t('card.noClocks')}</p>
          ) : (
            <ul className="rg-list">
              {model.clocks.map((clock) => (
                <Clock key={clock.rule} clock={clock} />
              ))}
            </ul>
          )}
        </div>
      )}
      {rows.length > 0 && (
        <div className="rg-section">
          <span className="rg-card__label">{t('card.order.list')}</span>
          <ul className="rg-list">
            {rows.map((row) => (
              <li
                key={row.orderId}
                data-order-row={row.orderId}
                data-date={row.clock?.date ?? ''}
                data-state={row.clock?.state ?? 'none'}
              >
                <span className="rg-muted">{row.orderId}</span>
                <Headline words={row.words} className="rg-row-headline" />
              </li>
            ))}
          </ul>
        </div>
      )}
      {model?.sla && <SlaLine sla={model.sla} />}
    </>
  );
}
