import { useI18n } from '../i18n-context';
import type { SnapshotSummary } from './api';
import type { HeadlineWords } from '../../lib/claims/headline';
import { Headline } from '../Headline';
import { formatMoney } from '../../lib/policy/text';
import { beijingTime, kindLabel, sourceLabel, vendorLabel } from './format';

interface SnapshotTableProps {
  items: SnapshotSummary[];
  /** Each order's headline by snapshot id (absent while it loads). */
  headlines?: Readonly<Record<string, HeadlineWords | null>>;
  total: number;
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  onTogglePage: (on: boolean) => void;
  onOpen: (id: string) => void;
}

/** One page of snapshots, newest first. Page data (titles, order numbers, statuses) is rendered as text only. */
// eslint-disable-next-line max-lines-per-function -- One table: header, rows and paging over the same page of snapshots.
export function SnapshotTable({
  items,
  headlines = {},
  total,
  selected,
  onToggle,
  onTogglePage,
  onOpen,
}: SnapshotTableProps) {
  const { t, locale } = useI18n();
  const pageSelected = items.length > 0 && items.every((s) => selected.has(s.id));
  return (
    <table className="rg-table" data-testid="snapshot-table">
      <caption>{t('locker.list.caption', { total })}</caption>
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              aria-label={t('locker.list.selectPage')}
              checked={pageSelected}
              onChange={(e) => onTogglePage(e.target.checked)}
            />
          </th>
          <th scope="col">{t('locker.list.time')}</th>
          <th scope="col">{t('locker.col.product')}</th>
          <th scope="col">{t('locker.list.order')}</th>
          <th scope="col" className="rg-num">
            {t('locker.col.amount')}
          </th>
          <th scope="col">{t('locker.col.status')}</th>
          <th scope="col">{t('locker.col.headline')}</th>
          <th scope="col">{t('locker.list.page')}</th>
          <th scope="col">{t('locker.col.badges')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id} data-snapshot-id={s.id} aria-selected={selected.has(s.id)}>
            <td>
              <input
                type="checkbox"
                aria-label={t('locker.list.select', { id: s.id })}
                checked={selected.has(s.id)}
                onChange={(e) => onToggle(s.id, e.target.checked)}
              />
            </td>
            <td className="rg-nowrap">
              <time dateTime={s.capturedAt}>{beijingTime(s.capturedAt)}</time>
            </td>
            <td data-field="product">
              {s.product ? <span className="rg-strong">{s.product}</span> : null}
              <span
                className={s.product ? 'rg-muted rg-sub' : undefined}
              >{`${vendorLabel(s.vendor, locale)} · ${kindLabel(s.kind, t)}`}</span>
            </td>
            <td className="rg-mono" data-field="orderId">
              {s.orderId ?? '—'}
            </td>
            <td className="rg-num rg-nowrap" data-field="amount">
              {typeof s.amountPaid === 'number' ? formatMoney(s.amountPaid, locale) : '—'}
            </td>
            <td data-field="status">{s.status ?? '—'}</td>
            <td data-field="headline">
              {headlines[s.id] && <Headline words={headlines[s.id]!} className="rg-row-headline" />}
            </td>
            <td className="rg-cell-title">
              <button
                type="button"
                className="rg-link"
                onClick={() => onOpen(s.id)}
                aria-label={t('locker.list.open', { id: s.id, title: s.title || s.url })}
              >
                {s.title || t('locker.list.untitled')}
              </button>
              <span className="rg-muted rg-url" title={s.url}>
                {s.url}
              </span>
            </td>
            <td className="rg-badges">
              {/* How it was saved sits with what it carries: one narrow column instead of two. */}
              <span className={`rg-badge rg-badge--${s.source}`} data-source={s.source}>
                {sourceLabel(s.source, t)}
              </span>
              {s.hasScreenshot && (
                <span className="rg-badge" data-badge="screenshot">
                  {t('locker.badge.screenshot')}
                </span>
              )}
              {s.noteCount > 0 && (
                <span className="rg-badge" data-badge="notes">
                  {t('locker.badge.notes', { count: s.noteCount })}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
