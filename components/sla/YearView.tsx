import { useId, useMemo } from 'react';
import { loggedMonths, slaInputFor, type OutageLog } from '../../lib/outages';
import { availabilityScale } from '../../lib/pictures/sla';
import { computeSla, SLA_POLICIES } from '../../lib/sla/compute';
import type { SlaService } from '../../lib/sla/policy';
import { shanghaiDate, type IsoMonth } from '../../lib/time/zone';
import { useI18n } from '../i18n-context';
import { tierLevel } from './MonthView';
import { TIER_COLOUR, TIER_TEXT, TierPatterns, type TierLevel } from './tier-style';

const H = 56;
const W = 22;

interface MonthBar {
  month: IsoMonth;
  state: 'future' | 'none' | 'logged';
  availability: number;
  availabilityText: string;
  percent: number;
  level: TierLevel;
}

/** Each month of the year as the log gives it: future, nothing logged, or its availability and tier. */
function monthsOf(log: OutageLog, service: SlaService, year: string, today: string): MonthBar[] {
  const logged = new Set(
    loggedMonths(log)
      .filter((m) => m.service === service)
      .map((m) => m.month),
  );
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}` as IsoMonth;
    if (month > today.slice(0, 7))
      return { month, state: 'future', availability: 100, availabilityText: '', percent: 0, level: 'met' };
    const sla = computeSla(slaInputFor(log, service, month));
    return {
      month,
      state: logged.has(month) ? 'logged' : 'none',
      availability: sla.availability,
      availabilityText: sla.availabilityText,
      percent: sla.compensationPercent,
      level: tierLevel(sla.compensationPercent),
    };
  });
}

/** The bar itself: its height on the SLA's scale, its tier's fill, the SLA's lines across it. */
function BarPicture({ bar, lines, pattern }: { bar: MonthBar; lines: readonly number[]; pattern: string }) {
  const scale = availabilityScale(lines);
  const height = Math.max(2, scale.position(bar.availability) * H);
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      <TierPatterns id={pattern} />
      <rect x="0" y="0" width={W} height={H} fill="#f6f8fa" />
      {bar.state !== 'future' && (
        <rect
          data-bar-height={height}
          x="3"
          y={H - height}
          width={W - 6}
          height={height}
          fill={`url(#${pattern}-${bar.level})`}
          stroke={TIER_COLOUR[bar.level]}
          strokeWidth="1.2"
        />
      )}
      {lines.map((v) => {
        const y = H - scale.position(v) * H;
        return <line key={v} x1="0" x2={W} y1={y} y2={y} stroke="#57606a" strokeWidth="0.8" strokeDasharray="2 1.5" />;
      })}
    </svg>
  );
}

interface YearBarProps {
  bar: MonthBar;
  name: string;
  lines: readonly number[];
  pattern: string;
  current: boolean;
  onPick: (month: IsoMonth) => void;
}

/** One month: a button to it (with its tier in words), or, for a month still to come, a plain cell. */
function YearBar({ bar, name, lines, pattern, current, onPick }: YearBarProps) {
  const { t } = useI18n();
  const tier = bar.percent === 0 ? t('slaPicture.band.met') : t('slaPicture.band.credit', { percent: bar.percent });
  const picture = <BarPicture bar={bar} lines={lines} pattern={pattern} />;
  if (bar.state === 'future') {
    return (
      <div className="rg-year__bar rg-year__bar--future">
        {picture}
        <span aria-hidden="true">{name}</span>
        <span className="rg-year__tier" aria-hidden="true">
          {t('slaPicture.year.future')}
        </span>
        <span className="rg-visually-hidden">{t('slaPicture.year.futureLabel', { month: bar.month })}</span>
      </div>
    );
  }
  const logged = bar.state === 'logged';
  const label = logged
    ? t('slaPicture.year.show', { month: bar.month, availability: bar.availabilityText, tier })
    : t('slaPicture.year.showNoLog', { month: bar.month });
  return (
    <button
      type="button"
      className="rg-year__bar"
      aria-current={current ? 'true' : undefined}
      onClick={() => onPick(bar.month)}
    >
      {picture}
      <span>{name}</span>
      <span className="rg-year__tier" style={{ color: logged ? TIER_TEXT[bar.level] : '#4b5563' }}>
        {logged ? tier : t('slaPicture.year.noLog')}
      </span>
      <span className="rg-visually-hidden">{label}</span>
    </button>
  );
}

interface YearViewProps {
  log: OutageLog;
  service: SlaService;
  month: IsoMonth;
  now: Date;
  onPick: (month: IsoMonth) => void;
}

/**
 * Twelve bars of monthly availability, on the same scale as the month's gauge
 * (equal bands between the SLA's lines, drawn across each bar), coloured and
 * patterned by tier, with the tier in words; each is a button to its month.
 */
export function YearView({ log, service, month, now, onPick }: YearViewProps) {
  const { t } = useI18n();
  const id = useId().replace(/[^\w-]/g, '');
  const year = month.slice(0, 4);
  const today = shanghaiDate(now.getTime());
  const bars = useMemo(() => monthsOf(log, service, year, today), [log, service, year, today]);
  const policy = SLA_POLICIES[service];
  const lines = [
    Number(policy.commitments[0]!.percent),
    ...policy.tiers.flatMap((x) => (x.atLeast === null ? [] : [Number(x.atLeast)])),
  ];
  const names = t('slaPicture.year.monthNames').split(',');
  return (
    <section className="rg-year" aria-labelledby={`${id}-t`} data-year={year} data-service={service}>
      <h3 id={`${id}-t`}>{t('slaPicture.year.title', { year })}</h3>
      <ol className="rg-year__bars">
        {bars.map((b, i) => (
          <li
            key={b.month}
            data-year-month={b.month}
            data-state={b.state}
            data-tier={b.state === 'future' ? '' : b.level}
          >
            <YearBar
              bar={b}
              name={names[i] ?? b.month}
              lines={lines}
              pattern={`${id}-${i}`}
              current={b.month === month}
              onPick={onPick}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
