import { useId } from 'react';
import { availabilityGauge, monthStrip, STRIP, type MonthStripGeometry } from '../../lib/pictures/sla';
import { fitText } from '../../lib/pictures/text';
import type { SlaResult } from '../../lib/sla/compute';
import { SLA_POLICIES } from '../../lib/sla/compute';
import { lastDayOfMonth, monthBounds, parseInstant } from '../../lib/time/zone';
import { useI18n } from '../i18n-context';
import { COUNTED, EXCLUDED, TIER_COLOUR, TierPatterns, type TierLevel } from './tier-style';
import { HALO, INK, MUTED, VISUALLY_HIDDEN } from '../timeline/palette';

const WIDTH = 720;
const ms = (iso: string) => parseInstant(iso) ?? 0;
const minutes = (n: number) => Math.round(n * 100) / 100;

/** "§2.3 (7) 不可抗力": the exclusion's clause and the short form of its name (before any parenthesis). */
export function exclusionLabel(e: SlaResult['excluded'][number]): string {
  const name = e.text.split(/[（(]/)[0]!.trim() || e.text;
  return fitText(e.clause ? `§${e.clause} ${name}` : name, 260, STRIP.labelSize);
}

/** An excluded outage: hatched in its lane, a diamond under it and a dashed leader to its clause. */
function ExcludedMark({
  mark: m,
  lane,
  pattern,
}: {
  mark: MonthStripGeometry['excluded'][number];
  lane: { y: number; h: number };
  pattern: string;
}) {
  return (
    <g data-mark="excluded">
      <rect
        x={m.x}
        y={lane.y + 1}
        width={m.w}
        height={lane.h - 2}
        fill={`url(#${pattern})`}
        stroke={EXCLUDED}
        strokeWidth="1.2"
      />
      <line
        x1={m.cx}
        x2={m.cx}
        y1={lane.y + lane.h}
        y2={m.leaderTo}
        stroke={EXCLUDED}
        strokeWidth="1"
        strokeDasharray="2 2"
      />
      <path d={`M${m.cx} ${lane.y + lane.h - 1}l4 4l-4 4l-4-4z`} fill="#fff" stroke={EXCLUDED} strokeWidth="1.2" />
      <text x={m.label.x} y={m.label.y} fontSize={STRIP.labelSize} fill={EXCLUDED} style={HALO} data-exclusion-label="">
        {m.label.text}
      </text>
    </g>
  );
}

function Strip({ sla, id }: { sla: SlaResult; id: string }) {
  const bounds = monthBounds(sla.month);
  const g = monthStrip(
    {
      start: bounds.start,
      end: bounds.end,
      days: Number(lastDayOfMonth(sla.month).slice(8)),
      counted: sla.counted.map((c) => ({ start: ms(c.start), end: ms(c.end) })),
      excluded: sla.excluded.map((e) => ({ start: ms(e.start), end: ms(e.end), label: exclusionLabel(e) })),
    },
    WIDTH,
  );
  const { counted: lane, excluded: exLane } = g.lanes;
  return (
    <svg
      viewBox={`0 0 ${g.width} ${g.height}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
      data-strip=""
      style={{ display: 'block', overflow: 'visible' }}
    >
      <TierPatterns id={id} />
      {g.days.map((d) => (
        <g key={d.day}>
          <rect
            x={d.x}
            y={lane.y}
            width={d.w}
            height={lane.h + exLane.h}
            fill={d.day % 2 ? '#f6f8fa' : '#fff'}
            stroke="#d0d7de"
            strokeWidth="0.5"
          />
          {d.label && (
            <text x={d.x + d.w / 2} y={g.dayLabelY} textAnchor="middle" fontSize={STRIP.daySize} fill={MUTED}>
              {d.day}
            </text>
          )}
        </g>
      ))}
      <line x1="0" x2={g.width} y1={exLane.y} y2={exLane.y} stroke="#8c959f" strokeWidth="0.8" />
      {g.counted.map((m, i) => (
        <g key={`c${i}`} data-mark="counted">
          <rect x={m.x} y={lane.y + 1} width={m.w} height={lane.h - 2} fill={COUNTED} />
          <path d={`M${m.cx - 4.5} 0h9l-4.5 ${lane.y - 2}z`} fill={COUNTED} />
        </g>
      ))}
      {g.excluded.map((m, i) => (
        <ExcludedMark key={`e${i}`} mark={m} lane={exLane} pattern={`${id}-excluded`} />
      ))}
    </svg>
  );
}

function Gauge({ sla, level, id }: { sla: SlaResult; level: TierLevel; id: string }) {
  const { t } = useI18n();
  const policy = SLA_POLICIES[sla.service];
  const lines = [
    Number(sla.commitment.percent),
    ...policy.tiers.flatMap((x) => (x.atLeast === null ? [] : [Number(x.atLeast)])),
  ];
  const g = availabilityGauge(lines, sla.availability, sla.availabilityText, WIDTH);
  // Bands left (worst) to right (met): the credits from the lowest tier up, then "met".
  const credits = [...policy.tiers].reverse().map((x) => t('slaPicture.band.credit', { percent: x.percent }));
  const names = [...credits, t('slaPicture.band.met')];
  const levels: TierLevel[] = ['high', 'mid', 'low', 'met'];
  return (
    <svg
      viewBox={`0 0 ${WIDTH} 64`}
      width="100%"
      aria-hidden="true"
      focusable="false"
      data-gauge=""
      style={{ display: 'block', overflow: 'visible', marginTop: 8 }}
    >
      <TierPatterns id={`${id}g`} />
      {g.bands.map((b, i) => {
        const bandLevel = levels[levels.length - g.bands.length + i] ?? 'high';
        return (
          <g key={b.from}>
            <rect
              x={b.x}
              y="18"
              width={b.w}
              height="14"
              fill={`url(#${id}g-${bandLevel})`}
              stroke={TIER_COLOUR[bandLevel]}
              strokeWidth={bandLevel === level ? 2.5 : 1}
            />
            <text
              x={b.x + b.w / 2}
              y="46"
              textAnchor="middle"
              fontSize="12"
              fill={TIER_COLOUR[bandLevel]}
              fontWeight={bandLevel === level ? 'bold' : 'normal'}
            >
              {names[i]}
            </text>
          </g>
        );
      })}
      {g.lines.map((l) => (
        <g key={l.value}>
          <line x1={l.x} x2={l.x} y1="14" y2="36" stroke={INK} strokeWidth="1.5" />
          <text x={l.x} y="62" textAnchor="middle" fontSize="11" fill={MUTED}>
            {l.label.text}
          </text>
        </g>
      ))}
      <g data-availability-marker="" data-x={g.marker.x}>
        <path d={`M${g.marker.x - 6} 8h12l-6 10z`} fill={INK} stroke="#fff" strokeWidth="1" />
        <text x={g.marker.label.x} y="7" textAnchor="middle" fontSize="12" fontWeight="bold" fill={INK} style={HALO}>
          {g.marker.label.text}
        </text>
      </g>
    </svg>
  );
}

/**
 * The SLA month as a picture: its days with each logged outage as a mark
 * (counted: solid red, ▼; excluded: blue hatching, ◇, with its clause), then
 * the availability against the SLA's lines and the tier it reaches. Screen
 * readers get the same as a list.
 */
export function MonthPicture({ sla, level, tierText }: { sla: SlaResult; level: TierLevel; tierText: string }) {
  const { t } = useI18n();
  const id = useId().replace(/[^\w-]/g, '');
  const countedMinutes = minutes(sla.counted.reduce((n, c) => n + c.minutes, 0));
  const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');
  return (
    <figure
      className="rg-month-picture"
      data-month-picture={sla.month}
      data-tier={level}
      style={{ margin: '10px 0', position: 'relative' }}
    >
      <Strip sla={sla} id={id} />
      <p className="rg-legend" aria-hidden="true">
        <span className="rg-legend__item">
          <svg width="14" height="12" viewBox="0 0 14 12">
            <rect width="14" height="12" fill={COUNTED} />
          </svg>{' '}
          {t('slaPicture.legend.counted', { count: sla.counted.length, minutes: countedMinutes })}
        </span>
        <span className="rg-legend__item">
          <svg width="14" height="12" viewBox="0 0 14 12">
            <TierPatterns id={`${id}l`} />
            <rect width="14" height="12" fill={`url(#${id}l-excluded)`} stroke={EXCLUDED} />
          </svg>{' '}
          {t('slaPicture.legend.excluded', { count: sla.excluded.length })}
        </span>
      </p>
      <Gauge sla={sla} level={level} id={id} />
      <p className="rg-month-picture__tier" data-picture-tier={level}>
        <strong>{t('slaPicture.gauge.reached', { availability: sla.availabilityText, tier: tierText })}</strong>
      </p>
      <figcaption style={VISUALLY_HIDDEN}>
        {t('slaPicture.month.title', { month: sla.month })}
        <ul>
          {sla.counted.length + sla.excluded.length === 0 && <li>{t('slaPicture.none')}</li>}
          {sla.counted.map((c) => (
            <li key={`c${c.start}`}>
              {t('slaPicture.item.counted', { start: time(c.start), end: time(c.end), minutes: minutes(c.minutes) })}
            </li>
          ))}
          {sla.excluded.map((e) => (
            <li key={`e${e.start}`}>
              {t('slaPicture.item.excluded', {
                start: time(e.start),
                end: time(e.end),
                minutes: minutes(e.minutes),
                reason: exclusionLabel(e),
              })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
