import { useId, useMemo, useState } from 'react';
import { evaluateClaim } from '../../lib/claims/eligibility';
import { slaInputFor, snapshotsForMonth, type OutageLog } from '../../lib/outages';
import { formatMoney, localize } from '../../lib/policy/text';
import { computeSla, SLA_POLICIES, type SlaResult } from '../../lib/sla/compute';
import type { SlaService } from '../../lib/sla/policy';
import { draftTicket } from '../../lib/tickets/draft';
import { createCalendar, defaultCalendar, type YearOverride } from '../../lib/time/calendar';
import { isIsoDate, shanghaiDateTime } from '../../lib/time/zone';
import { useI18n } from '../i18n-context';
import type { FeeFromOrder } from './orders';
import { MonthPicture } from './MonthPicture';

interface Props {
  log: OutageLog;
  service: SlaService;
  month: string;
  holidayOverrides?: readonly YearOverride[];
  onFee: (fee: number | null) => Promise<void>;
  copy: (text: string) => Promise<void>;
  now: () => Date;
  /** The fee (and purchase date) a stored order of the service gives, when one is known. */
  fromOrder?: FeeFromOrder | null;
}

/** The tier's colour band: colour repeats what the words say, never carries it alone. */
export function tierLevel(percent: number): 'met' | 'low' | 'mid' | 'high' {
  if (percent <= 0) return 'met';
  if (percent <= 10) return 'low';
  if (percent <= 25) return 'mid';
  return 'high';
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A sentence with its dates kept whole: a line may break between words, never inside 2026-12-30. */
function KeepDates({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d{4}-\d{2}-\d{2})/).map((part, n) =>
        n % 2 === 1 ? (
          <span key={n} className="rg-date">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * One service month: availability, tier, voucher and claim window from
 * `computeSla`, and the claim ticket from `draftTicket` with `facts.sla`.
 */
// eslint-disable-next-line max-lines-per-function -- One month's figures, claim window and ticket draw on one `computeSla` result.
export function MonthView({ log, service, month, holidayOverrides, onFee, copy, now, fromOrder = null }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const key = `${service}:${month}`;
  const fee = log.fees[key];
  const [feeText, setFeeText] = useState(fee === undefined ? '' : String(fee));
  const [purchased, setPurchased] = useState(fromOrder?.purchasedOn ?? '');
  const [asked, setAsked] = useState(false);
  // A fee typed for the month wins; otherwise the stored order's monthly share is used.
  const effective = useMemo(
    () => (fee === undefined && fromOrder ? { ...log, fees: { ...log.fees, [key]: fromOrder.monthlyFee } } : log),
    [log, fee, fromOrder, key],
  );
  const [ticket, setTicket] = useState<{ text: string } | { error: string } | null>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);

  const calendar = useMemo(() => {
    try {
      return holidayOverrides?.length ? createCalendar(holidayOverrides) : defaultCalendar;
    } catch {
      return defaultCalendar;
    }
  }, [holidayOverrides]);

  const result = useMemo((): { sla: SlaResult } | { error: string } => {
    try {
      return { sla: computeSla(slaInputFor(effective, service, month), { locale, calendar }) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [effective, service, month, locale, calendar]);

  const saveFee = () => {
    const value = feeText.trim() === '' ? null : Number(feeText);
    if (value !== null && (!Number.isFinite(value) || value < 0)) return;
    void onFee(value);
  };

  const needs = isIsoDate(purchased) ? [] : [t('sla.ticket.needPurchased')];
  const prepare = () => {
    if (!('sla' in result)) return;
    if (needs.length) {
      setAsked(true);
      document.getElementById(`${id}-bought`)?.focus();
      return;
    }
    const sla = result.sla;
    try {
      const longest = Math.max(0, ...sla.counted.map((c) => c.minutes));
      const facts = {
        vendor: SLA_POLICIES[service].vendor,
        purchasedAt: purchased,
        reason: 'outage',
        outageCause: 'vendor',
        outageHours: round(longest / 60),
        sla,
        // The stored order names the product and its number; without one, the SLA's own name.
        product: fromOrder?.product ?? localize(SLA_POLICIES[service].name, locale),
        ...(fromOrder?.orderId ? { orderId: fromOrder.orderId } : {}),
      };
      const at = shanghaiDateTime(now().getTime());
      // The log is for the SLA credit: that route leads the draft, whatever else is open.
      const verdict = evaluateClaim(facts, at, { locale, calendar, remedy: 'voucher' });
      const draft = draftTicket(verdict, facts, [], locale, { calendar });
      const snapshots = snapshotsForMonth(log, service, month);
      const lines = [draft.title, '', `${draft.category.join(' › ')}`, '', draft.description];
      if (snapshots.length) lines.push('', t('sla.ticket.snapshots', { ids: snapshots.join(', ') }));
      if (draft.notes.length) lines.push('', ...draft.notes.map((n) => `※ ${n}`));
      setTicket({ text: lines.join('\n') });
      setCopied(null);
    } catch (error) {
      setTicket({ error: t('sla.ticket.error', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  if ('error' in result) {
    return (
      <p className="rg-error" role="alert">
        {t('sla.month.error', { message: result.error })}
      </p>
    );
  }
  const sla = result.sla;

  const level = tierLevel(sla.compensationPercent);
  return (
    <div className="rg-month" data-month={month} data-service={service}>
      <div className="rg-month__lead" data-lead>
        <div className="rg-stat">
          <span className="rg-stat__label">{t('sla.month.availability')}</span>
          <strong className="rg-stat__value" data-field="availability">
            {sla.availabilityText}
          </strong>
          <span className="rg-stat__sub">
            {t('sla.month.unavailable')}{' '}
            <span data-field="unavailable">{t('sla.month.minutes', { minutes: round(sla.unavailableMinutes) })}</span> ·{' '}
            {t('sla.month.commitment')} {`${sla.commitment.percent}%`}
          </span>
        </div>
        <div className={`rg-stat rg-tier rg-tier--${level}`} data-tier-level={level}>
          <span className="rg-stat__label">{t('sla.month.tier')}</span>
          <strong className="rg-stat__value" data-field="tier">
            {sla.compensationPercent === 0
              ? t('sla.month.tierNone')
              : t('sla.month.tierValue', { percent: sla.compensationPercent })}
          </strong>
          <span className="rg-stat__sub">{t(`sla.tier.${level}`)}</span>
        </div>
        <div className="rg-stat">
          <span className="rg-stat__label">{t('sla.month.voucher')}</span>
          <strong className="rg-stat__value" data-field="voucher">
            {sla.voucher === null ? t('sla.month.voucherUnknown') : formatMoney(sla.voucher, locale)}
          </strong>
          {fee === undefined && fromOrder && (
            <span className="rg-stat__sub" data-fee-source={fromOrder.snapshotId}>
              {t('sla.month.feeFromOrder', {
                fee: formatMoney(fromOrder.monthlyFee, locale),
                order: fromOrder.orderId ?? fromOrder.snapshotId,
                paid: formatMoney(fromOrder.amountPaid, locale),
                months: fromOrder.termMonths,
              })}
            </span>
          )}
        </div>
        <div className="rg-stat">
          <span className="rg-stat__label">{t('sla.month.window')}</span>
          <strong className="rg-stat__value rg-nowrap-parts" data-field="window">
            <KeepDates
              text={t('sla.month.windowValue', { opensAfter: sla.claim.opensAfter, closesOn: sla.claim.closesOn })}
            />
            {sla.claim.estimated ? t('sla.month.estimated') : ''}
          </strong>
        </div>
      </div>
      <MonthPicture
        sla={sla}
        level={level}
        tierText={
          sla.compensationPercent === 0
            ? t('sla.month.tierNone')
            : t('sla.month.tierValue', { percent: sla.compensationPercent })
        }
      />
      {sla.excluded.length > 0 && <p className="rg-muted">{t('sla.month.excluded', { count: sla.excluded.length })}</p>}
      <div className="rg-row">
        <label htmlFor={`${id}-fee`}>{t(fromOrder ? 'sla.month.feeOverride' : 'sla.month.fee')}</label>
        <input
          id={`${id}-fee`}
          type="number"
          min={0}
          step="0.01"
          value={feeText}
          placeholder={fromOrder ? String(fromOrder.monthlyFee) : ''}
          onChange={(e) => setFeeText(e.target.value)}
          onBlur={saveFee}
        />
      </div>
      {sla.compensationPercent === 0 ? (
        <p className="rg-muted">{t('sla.ticket.met')}</p>
      ) : (
        <div className="rg-claim">
          <div className="rg-row">
            <label htmlFor={`${id}-bought`}>{t('sla.ticket.purchased')}</label>
            <input
              id={`${id}-bought`}
              type="date"
              value={purchased}
              onChange={(e) => setPurchased(e.target.value)}
              aria-describedby={`${id}-needs`}
            />
            <button
              type="button"
              className="rg-button rg-button--primary"
              onClick={prepare}
              aria-describedby={`${id}-needs`}
            >
              {t('sla.ticket.prepare')}
            </button>
          </div>
          <p
            id={`${id}-needs`}
            className={needs.length ? (asked ? 'rg-error' : 'rg-needs') : 'rg-muted'}
            role={asked && needs.length ? 'alert' : undefined}
            data-claim-needs={needs.length ? 'missing' : 'ready'}
          >
            {needs.length
              ? t('sla.ticket.needs', { items: needs.join('、') })
              : fromOrder?.purchasedOn && purchased === fromOrder.purchasedOn
                ? t('sla.ticket.purchasedFromOrder', { order: fromOrder.orderId ?? fromOrder.snapshotId })
                : t('sla.ticket.ready')}
          </p>
          {sla.voucher === null && <p className="rg-muted">{t('sla.ticket.needFee')}</p>}
        </div>
      )}
      {ticket && 'error' in ticket && (
        <p className="rg-error" role="alert">
          {ticket.error}
        </p>
      )}
      {ticket && 'text' in ticket && (
        <div className="rg-ticket">
          <label htmlFor={`${id}-draft`}>
            <strong>{t('sla.ticket.title')}</strong>
          </label>
          <textarea id={`${id}-draft`} className="rg-code" readOnly rows={18} value={ticket.text} data-ticket-draft />
          <div className="rg-row">
            <button
              type="button"
              className="rg-button"
              onClick={() =>
                void copy(ticket.text).then(
                  () => setCopied('ok'),
                  () => setCopied('failed'),
                )
              }
            >
              {t('sla.ticket.copy')}
            </button>
            {copied === 'ok' && <span role="status">{t('sla.ticket.copied')}</span>}
            {copied === 'failed' && <span role="alert">{t('sla.ticket.copyFailed')}</span>}
          </div>
        </div>
      )}
    </div>
  );
}
