import { useId, useMemo, useState } from 'react';
import { evaluateClaim } from '../../lib/claims/eligibility';
import { slaInputFor, snapshotsForMonth, type OutageLog } from '../../lib/outages';
import { formatMoney, localize } from '../../lib/policy/text';
import { computeSla, SLA_POLICIES, type SlaResult } from '../../lib/sla/compute';
import type { SlaService } from '../../lib/sla/policy';
import { draftTicket } from '../../lib/tickets/draft';
import { createCalendar, defaultCalendar, type YearOverride } from '../../lib/time/calendar';
import { isIsoDate, shanghaiDateTime } from '../../lib/time/zone';
import { useI18n } from '../i18n';

interface Props {
  log: OutageLog;
  service: SlaService;
  month: string;
  holidayOverrides?: readonly YearOverride[];
  onFee: (fee: number | null) => Promise<void>;
  copy: (text: string) => Promise<void>;
  now: () => Date;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * One service month: availability, tier, voucher and claim window from
 * `computeSla`, and the claim ticket from `draftTicket` with `facts.sla`.
 */
export function MonthView({ log, service, month, holidayOverrides, onFee, copy, now }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const fee = log.fees[`${service}:${month}`];
  const [feeText, setFeeText] = useState(fee === undefined ? '' : String(fee));
  const [purchased, setPurchased] = useState('');
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
      return { sla: computeSla(slaInputFor(log, service, month), { locale, calendar }) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [log, service, month, locale, calendar]);

  const saveFee = () => {
    const value = feeText.trim() === '' ? null : Number(feeText);
    if (value !== null && (!Number.isFinite(value) || value < 0)) return;
    void onFee(value);
  };

  const prepare = () => {
    if (!('sla' in result)) return;
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
        product: localize(SLA_POLICIES[service].name, locale),
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

  return (
    <div className="rg-month" data-month={month} data-service={service}>
      <div className="rg-row">
        <label htmlFor={`${id}-fee`}>{t('sla.month.fee')}</label>
        <input id={`${id}-fee`} type="number" min={0} step="0.01" value={feeText} onChange={(e) => setFeeText(e.target.value)} onBlur={saveFee} />
      </div>
      <dl className="rg-facts">
        <dt>{t('sla.month.availability')}</dt>
        <dd data-field="availability">{sla.availabilityText}</dd>
        <dt>{t('sla.month.unavailable')}</dt>
        <dd data-field="unavailable">{t('sla.month.minutes', { minutes: round(sla.unavailableMinutes) })}</dd>
        <dt>{t('sla.month.commitment')}</dt>
        <dd>{`${sla.commitment.percent}%`}</dd>
        <dt>{t('sla.month.tier')}</dt>
        <dd data-field="tier">{sla.compensationPercent === 0 ? t('sla.month.tierNone') : t('sla.month.tierValue', { percent: sla.compensationPercent })}</dd>
        <dt>{t('sla.month.voucher')}</dt>
        <dd data-field="voucher">{sla.voucher === null ? t('sla.month.voucherUnknown') : formatMoney(sla.voucher, locale)}</dd>
        <dt>{t('sla.month.window')}</dt>
        <dd data-field="window">
          {t('sla.month.windowValue', { opensAfter: sla.claim.opensAfter, closesOn: sla.claim.closesOn })}
          {sla.claim.estimated ? t('sla.month.estimated') : ''}
        </dd>
      </dl>
      {sla.excluded.length > 0 && <p className="rg-muted">{t('sla.month.excluded', { count: sla.excluded.length })}</p>}
      {sla.compensationPercent === 0 ? (
        <p className="rg-muted">{t('sla.ticket.met')}</p>
      ) : (
        <div className="rg-row">
          <label htmlFor={`${id}-bought`}>{t('sla.ticket.purchased')}</label>
          <input id={`${id}-bought`} type="date" value={purchased} onChange={(e) => setPurchased(e.target.value)} />
          <button type="button" className="rg-button rg-button--primary" disabled={!isIsoDate(purchased)} onClick={prepare}>
            {t('sla.ticket.prepare')}
          </button>
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
