import { useEffect, useState, type ReactNode } from 'react';
import type { OrderRef } from '../../lib/evidence/tab-order';
import type { ResponseOf } from '../protocol';
import type { HeadlineWords } from '../../lib/claims/headline';
import type { SnapshotBody } from '../../lib/evidence/schema';
import { Headline } from '../Headline';
import { useI18n } from '../i18n-context';
import { displayTime } from '../datetime';
import { formatMoney } from '../../lib/policy/text';
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
  services: Pick<CheckerServices, 'listSnapshots'> & Partial<Pick<CheckerServices, 'getBodies'>>;
  /** `step` 'ticket': open the order straight at its ticket (the "fill the draft" of a ticket form). */
  onPickOrder: (order: OrderRef, step?: 'ticket') => void;
  onScratch: (vendor: string) => void;
  /**
   * The popup already leads with the tab (a checkout's assessment, a ticket form's draft):
   * starting a blank claim is folded away and no "no snapshot here" is said.
   */
  led?: boolean;
  /** The tab is this vendor's ticket form: its newest saved order is offered first, to fill the draft in. */
  fillFor?: string | null;
  /**
   * The headline of each order snapshot, by snapshot id (lib/claims/order-headline, the words of the
   * card and the locker), computed by the checker with its clock and the user's packs.
   */
  headlines?: (bodies: readonly SnapshotBody[]) => Record<string, HeadlineWords | null>;
}

/** What a saved order row shows besides its number and status: product, amount paid, date of purchase, headline. */
export interface OrderDetails {
  product: string | null;
  amount: number | null;
  date: string | null;
  /** Whether `date` is the payment's, or (unpaid) the order's creation. */
  dateOf: 'paid' | 'created';
  headline?: HeadlineWords | null;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const money = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.replace(/[,，]/g, ''))
      ? Number(v.replace(/[,，]/g, ''))
      : null;

/** The row details of a stored order snapshot (its fields as the page showed them). */
export function orderDetails(fields: Record<string, unknown>): OrderDetails {
  const paid = text(fields.paidAt);
  const when = paid ?? text(fields.createdAt);
  return {
    product: text(fields.product),
    amount: money(fields.amountPaid) ?? money(fields.amount),
    date: when?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? when,
    dateOf: paid ? 'paid' : 'created',
  };
}

type SnapshotSummary = ResponseOf<'evidence.list'>['items'][number];

const LIST_LIMIT = 20;

/** Newest snapshot of each order, newest order first. */
export function ordersOf(items: readonly SnapshotSummary[]): OrderRef[] {
  const seen = new Map<string, OrderRef>();
  for (const s of items) {
    if (!s.orderId) continue;
    const key = `${s.vendor}\u0000${s.orderId}`;
    if (!seen.has(key))
      seen.set(key, {
        vendor: s.vendor,
        orderId: s.orderId,
        capturedAt: s.capturedAt,
        status: s.status,
        title: s.title,
      });
  }
  return [...seen.values()];
}

/** The snapshot id behind each order row (the newest of that order). */
function newestIds(items: readonly SnapshotSummary[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const s of items)
    if (s.orderId && !ids.has(`${s.vendor}\u0000${s.orderId}`)) ids.set(`${s.vendor}\u0000${s.orderId}`, s.id);
  return ids;
}

type OrdersState = { state: 'loading' } | { state: 'ready'; items: OrderRef[] } | { state: 'error'; message: string };
const keyOf = (o: { vendor: string; orderId: string }) => `${o.vendor}\u0000${o.orderId}`;

/**
 * The saved orders matching `search` (newest first), and each listed row's details from its newest
 * snapshot (20 bodies at most): product, amount, date and headline.
 */
function useStoredOrders(
  services: SourcePickerProps['services'],
  search: string,
  headlines: SourcePickerProps['headlines'],
) {
  const [details, setDetails] = useState<Record<string, OrderDetails>>({});
  const [orders, setOrders] = useState<OrdersState>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    const rowDetails = ({ bodies }: { bodies: SnapshotBody[] }) => {
      if (!alive) return;
      const found: Record<string, OrderDetails> = {};
      const words = headlines?.(bodies) ?? {};
      for (const b of bodies) {
        const orderId = text(b.fields.orderId) ?? String(b.fields.orderId ?? '');
        if (orderId)
          found[keyOf({ vendor: b.vendor, orderId })] = { ...orderDetails(b.fields), headline: words[b.id] ?? null };
      }
      setDetails(found);
    };
    const timer = setTimeout(
      () => {
        services
          .listSnapshots({ search: search.trim() || undefined, offset: 0, limit: 100 })
          .then((r) => {
            if (!alive) return;
            const items = ordersOf(r.items);
            setOrders({ state: 'ready', items });
            const ids = newestIds(r.items);
            const wanted = items
              .slice(0, LIST_LIMIT)
              .map((o) => ids.get(keyOf(o)))
              .filter((id): id is string => Boolean(id));
            if (services.getBodies && wanted.length > 0) services.getBodies(wanted).then(rowDetails, () => undefined);
          })
          .catch(
            (e: unknown) => alive && setOrders({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
          );
      },
      search ? 200 : 0,
    );
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // `headlines` follows the checker's clock and packs; a change to them reads the rows again.
  }, [services, search, headlines]);
  return { orders, details };
}

/** Where a check starts: the order on this page, any saved order, or a blank claim for a chosen vendor. */
// eslint-disable-next-line max-lines-per-function -- The three starting points share the picker's state and the vendor list; splitting would only relay them.
export function SourcePicker(props: SourcePickerProps) {
  const {
    current,
    currentVendor,
    vendors,
    services,
    onPickOrder,
    onScratch,
    led = false,
    fillFor = null,
    headlines,
  } = props;
  const { t, locale } = useI18n();
  const vendorName = (id: string) => vendors.find((v) => v.id === id)?.name ?? id;
  const [vendor, setVendor] = useState(currentVendor ?? current?.vendor ?? vendors[0]?.id ?? '');
  const [search, setSearch] = useState('');
  const { orders, details } = useStoredOrders(services, search, headlines);

  const fillOrder =
    fillFor && orders.state === 'ready' ? (orders.items.find((o) => o.vendor === fillFor) ?? null) : undefined;
  const describe = (o: OrderRef) => {
    const d = details[keyOf(o)];
    return [d?.product, d?.amount != null ? formatMoney(d.amount, locale) : null, o.orderId]
      .filter(Boolean)
      .join(' · ');
  };

  return (
    <div className="rg-source" data-testid="source">
      {fillFor && (
        <FillFirst
          vendor={vendorName(fillFor)}
          order={fillOrder}
          describe={describe}
          onFill={(o) => onPickOrder(o, 'ticket')}
        />
      )}
      {current && <ThisOrder order={current} vendor={vendorName(current.vendor)} onPick={() => onPickOrder(current)} />}
      {!current && currentVendor && !led && <p className="rg-small rg-muted">{t('checker.source.noSnapshot')}</p>}

      <Fold folded={led && fillOrder !== null} className="rg-block" label={t('checker.source.scratch')}>
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
          <button
            type="button"
            className="rg-button"
            data-action="start-scratch"
            onClick={() => vendor && onScratch(vendor)}
          >
            {t('checker.source.start')}
          </button>
        </div>
      </Fold>

      <section className="rg-block" aria-labelledby="rg-stored">
        <h3 id="rg-stored">{t('checker.source.stored')}</h3>
        <input
          type="search"
          aria-label={t('checker.source.search')}
          placeholder={t('checker.source.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {orders.state === 'error' && (
          <p className="rg-error" role="alert">
            {t('checker.error.load', { message: orders.message })}
          </p>
        )}
        {orders.state === 'ready' && orders.items.length === 0 && (
          <p className="rg-muted">{t('checker.source.noOrders')}</p>
        )}
        {orders.state === 'ready' && orders.items.length > 0 && (
          <OrderRows items={orders.items} details={details} vendorName={vendorName} onPick={onPickOrder} />
        )}
      </section>
    </div>
  );
}

/** On a ticket form: the newest saved order of its vendor, offered first, to fill its draft in. */
function FillFirst({
  vendor,
  order,
  describe,
  onFill,
}: {
  vendor: string;
  order: OrderRef | null | undefined;
  describe: (o: OrderRef) => string;
  onFill: (o: OrderRef) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="rg-lead" aria-labelledby="rg-fill-first" data-testid="fill-first">
      <h2 id="rg-fill-first">{t('checker.lead.ticket', { vendor })}</h2>
      {order === undefined && <p className="rg-muted rg-small">{t('checker.loading')}</p>}
      {order === null && <p className="rg-small">{t('checker.lead.ticketNoOrder', { vendor })}</p>}
      {order && (
        <>
          <p className="rg-small rg-muted">{t('checker.lead.ticketHelp')}</p>
          <p className="rg-small">{t('checker.lead.fillOrder', { order: describe(order) })}</p>
          <button
            type="button"
            className="rg-button rg-button--primary"
            data-action="fill-draft"
            onClick={() => onFill(order)}
          >
            {t('checker.lead.fill')}
          </button>
        </>
      )}
    </section>
  );
}

/** The order the current tab shows, saved already. */
function ThisOrder({ order, vendor, onPick }: { order: OrderRef; vendor: string; onPick: () => void }) {
  const { t } = useI18n();
  return (
    <section className="rg-block" aria-labelledby="rg-this-order" data-testid="this-order">
      <h3 id="rg-this-order">{t('checker.source.thisOrder')}</h3>
      <p>
        <strong>{vendor}</strong> · {t('checker.source.orderLine', { orderId: order.orderId })}
        {order.status && <> · {order.status}</>}
        <br />
        <span className="rg-small rg-muted">
          {t('checker.source.capturedAt', { date: displayTime(order.capturedAt) })}
        </span>
      </p>
      <button type="button" className="rg-button rg-button--primary" data-action="check-this-order" onClick={onPick}>
        {t('checker.source.checkThis')}
      </button>
    </section>
  );
}

/** Saved orders, newest first: product and amount, then vendor, status and date, the number, and the headline. */
function OrderRows(props: {
  items: OrderRef[];
  details: Record<string, OrderDetails>;
  vendorName: (id: string) => string;
  onPick: (o: OrderRef) => void;
}) {
  const { items, details, vendorName, onPick } = props;
  const { t, locale } = useI18n();
  return (
    <>
      <ul className="rg-orders" data-testid="stored-orders">
        {items.slice(0, LIST_LIMIT).map((o) => {
          const d = details[keyOf(o)];
          const meta = [
            d?.product ? vendorName(o.vendor) : null,
            o.status,
            d?.date
              ? t(d.dateOf === 'paid' ? 'checker.source.boughtOn' : 'checker.source.orderedOn', { date: d.date })
              : t('checker.source.capturedAt', { date: displayTime(o.capturedAt) }),
          ];
          return (
            <li key={`${o.vendor}-${o.orderId}`}>
              <button
                type="button"
                className="rg-order"
                data-order-id={o.orderId}
                onClick={() => onPick(o)}
                aria-label={t('checker.source.pick', { orderId: o.orderId })}
              >
                <span className="rg-order__main">
                  <strong className="rg-order__product">{d?.product ?? vendorName(o.vendor)}</strong>
                  {d?.amount != null && <span className="rg-order__amount">{formatMoney(d.amount, locale)}</span>}
                </span>
                <span className="rg-small rg-muted rg-order__meta">{meta.filter(Boolean).join(' · ')}</span>
                <span className="rg-small rg-muted rg-order__id">
                  {t('checker.source.orderLine', { orderId: o.orderId })}
                </span>
                {d?.headline && <Headline words={d.headline} inline className="rg-order__headline" />}
              </button>
            </li>
          );
        })}
      </ul>
      {items.length > LIST_LIMIT && (
        <p className="rg-small rg-muted">{t('checker.source.more', { count: items.length - LIST_LIMIT })}</p>
      )}
    </>
  );
}

/** A section, or (when the popup already leads with something else) the same content behind a disclosure. */
function Fold({
  folded,
  className,
  label,
  children,
}: {
  folded: boolean;
  className: string;
  label: string;
  children: ReactNode;
}) {
  if (folded)
    return (
      <details className={`${className} rg-fold`}>
        <summary>{label}</summary>
        {children}
      </details>
    );
  return (
    <section className={className} aria-label={label}>
      <h3>{label}</h3>
      {children}
    </section>
  );
}
