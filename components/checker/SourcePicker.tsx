import { useEffect, useState } from 'react';
import type { OrderRef } from '../../lib/evidence/tab-order';
import type { ResponseOf } from '../../lib/messages';
import { useI18n } from '../i18n';
import { displayTime } from '../datetime';
import type { CheckerServices } from './services';

export interface VendorChoice {
  id: string;
  name: string;
  custom: boolean;
}

export type { OrderRef } from '../../lib/evidence/tab-order';

export interface SourcePickerProps {
  /** The order shown in the current tab, when it has a saved snapshot. */
  current: OrderRef | null;
  /** The current tab's vendor (a vendor page without a saved order). */
  currentVendor: string | null;
  vendors: readonly VendorChoice[];
  services: Pick<CheckerServices, 'listSnapshots'>;
  onPickOrder: (order: OrderRef) => void;
  onScratch: (vendor: string) => void;
}

type SnapshotSummary = ResponseOf<'evidence.list'>['items'][number];

const LIST_LIMIT = 20;

/** Newest snapshot of each order, newest order first. */
export function ordersOf(items: readonly SnapshotSummary[]): OrderRef[] {
  const seen = new Map<string, OrderRef>();
  for (const s of items) {
    if (!s.orderId) continue;
    const key = `${s.vendor}\u0000${s.orderId}`;
    if (!seen.has(key)) seen.set(key, { vendor: s.vendor, orderId: s.orderId, capturedAt: s.capturedAt, status: s.status, title: s.title });
  }
  return [...seen.values()];
}

/** Where a check starts: the order on this page, any saved order, or a blank claim for a chosen vendor. */
export function SourcePicker({ current, currentVendor, vendors, services, onPickOrder, onScratch }: SourcePickerProps) {
  const { t } = useI18n();
  const vendorName = (id: string) => vendors.find((v) => v.id === id)?.name ?? id;
  const [vendor, setVendor] = useState(currentVendor ?? current?.vendor ?? vendors[0]?.id ?? '');
  const [search, setSearch] = useState('');
  const [orders, setOrders] = useState<{ state: 'loading' } | { state: 'ready'; items: OrderRef[] } | { state: 'error'; message: string }>({ state: 'loading' });

  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      services
        .listSnapshots({ search: search.trim() || undefined, offset: 0, limit: 100 })
        .then((r) => alive && setOrders({ state: 'ready', items: ordersOf(r.items) }))
        .catch((e: unknown) => alive && setOrders({ state: 'error', message: e instanceof Error ? e.message : String(e) }));
    }, search ? 200 : 0);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [services, search]);

  return (
    <div className="rg-source" data-testid="source">
      {current && (
        <section className="rg-block" aria-labelledby="rg-this-order" data-testid="this-order">
          <h3 id="rg-this-order">{t('checker.source.thisOrder')}</h3>
          <p>
            <strong>{vendorName(current.vendor)}</strong> · {t('checker.source.orderLine', { orderId: current.orderId })}
            {current.status && <> · {current.status}</>}
            <br />
            <span className="rg-small rg-muted">{t('checker.source.capturedAt', { date: displayTime(current.capturedAt) })}</span>
          </p>
          <button type="button" className="rg-button rg-button--primary" data-action="check-this-order" onClick={() => onPickOrder(current)}>
            {t('checker.source.checkThis')}
          </button>
        </section>
      )}
      {!current && currentVendor && <p className="rg-small rg-muted">{t('checker.source.noSnapshot')}</p>}

      <section className="rg-block" aria-labelledby="rg-scratch">
        <h3 id="rg-scratch">{t('checker.source.scratch')}</h3>
        <div className="rg-row rg-row--wrap">
          <label className="rg-field rg-field--inline">
            <span>{t('checker.source.vendor')}</span>
            <select value={vendor} onChange={(e) => setVendor(e.target.value)} data-testid="vendor-select">
              {vendors.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.custom ? `${v.name}（${t('checker.customPack')}）` : v.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="rg-button" data-action="start-scratch" onClick={() => vendor && onScratch(vendor)}>
            {t('checker.source.start')}
          </button>
        </div>
      </section>

      <section className="rg-block" aria-labelledby="rg-stored">
        <h3 id="rg-stored">{t('checker.source.stored')}</h3>
        <input type="search" aria-label={t('checker.source.search')} placeholder={t('checker.source.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        {orders.state === 'error' && (
          <p className="rg-error" role="alert">
            {t('checker.error.load', { message: orders.message })}
          </p>
        )}
        {orders.state === 'ready' && orders.items.length === 0 && <p className="rg-muted">{t('checker.source.noOrders')}</p>}
        {orders.state === 'ready' && orders.items.length > 0 && (
          <ul className="rg-orders" data-testid="stored-orders">
            {orders.items.slice(0, LIST_LIMIT).map((o) => (
              <li key={`${o.vendor}-${o.orderId}`}>
                <button type="button" className="rg-order" onClick={() => onPickOrder(o)} aria-label={t('checker.source.pick', { orderId: o.orderId })}>
                  <strong>{o.orderId}</strong>
                  <span className="rg-small rg-muted">
                    {vendorName(o.vendor)}
                    {o.status ? ` · ${o.status}` : ''} · {displayTime(o.capturedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {orders.state === 'ready' && orders.items.length > LIST_LIMIT && <p className="rg-small rg-muted">{t('checker.source.more', { count: orders.items.length - LIST_LIMIT })}</p>}
      </section>
    </div>
  );
}
