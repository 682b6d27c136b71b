import { useId } from 'react';
import { fitText } from '../../lib/pictures/text';
import {
  TIMELINE,
  timelineGeometry,
  type TimelineBar,
  type TimelineGeometry,
  type TimelineInput,
  type TimelineRow,
  type TimelineStatus,
} from '../../lib/pictures/timeline';
import type { MessageKey } from '../../lib/i18n/core';
import { useI18n } from '../i18n-context';
import { HALO, INK, MUTED, STATUS_COLOUR, TODAY, VISUALLY_HIDDEN } from './palette';

const ICON_ROOM = 14;
/** Laid out for the popup (380 px less its padding); the card passes its own width, so text keeps its size. */
const WIDTH = 340;

/** A line whose dates are kept whole (each in its own nowrap span). */
function Dated({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} data-date={part} style={{ whiteSpace: 'nowrap' }}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

const statusKey = (s: TimelineStatus) => `timeline.status.${s}` as MessageKey;

/** Each status's own fill: solid (open), stripes (needs answers), dots (closed), cross-hatch (ruled out). */
function Patterns({ id }: { id: string }) {
  const c = STATUS_COLOUR;
  return (
    <defs>
      <pattern
        id={`${id}-needs-answers`}
        width="5"
        height="5"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="5" height="5" fill="#fff" />
        <rect width="2.2" height="5" fill={c['needs-answers']} />
      </pattern>
      <pattern id={`${id}-closed`} width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill="#fff" />
        <circle cx="2" cy="2" r="1" fill={c.closed} />
      </pattern>
      <pattern id={`${id}-ruled-out`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#fff" />
        <path d="M0 0L6 6M6 0L0 6" stroke={c['ruled-out']} strokeWidth="1.2" />
      </pattern>
    </defs>
  );
}

/** The status's icon, drawn (no font needed): a tick, a question mark, a bar, a cross. */
function StatusIcon({ status, x, y }: { status: TimelineStatus; x: number; y: number }) {
  const colour = STATUS_COLOUR[status];
  const mark: Record<TimelineStatus, string> = {
    open: `M${x - 2.5} ${y}l1.8 2l3.2-3.6`,
    'needs-answers': `M${x - 1.8} ${y - 1.4}a1.8 1.8 0 1 1 1.8 1.8v1`,
    closed: `M${x - 2.5} ${y}h5`,
    'ruled-out': `M${x - 2} ${y - 2}l4 4M${x + 2} ${y - 2}l-4 4`,
  };
  return (
    <g aria-hidden="true">
      <circle cx={x} cy={y} r="5.5" fill={status === 'open' ? colour : '#fff'} stroke={colour} strokeWidth="1.4" />
      <path
        d={mark[status]}
        fill="none"
        stroke={status === 'open' ? '#fff' : colour}
        strokeWidth="1.5"
        strokeLinecap="round"
      />
      {status === 'needs-answers' && <circle cx={x} cy={y + 3} r="0.8" fill={colour} />}
    </g>
  );
}

/** A route's bar (drawn under the today line). */
function RowBar({ row, pattern }: { row: TimelineRow; pattern: string }) {
  const colour = STATUS_COLOUR[row.status];
  const { x, y, w, h } = row.bar;
  const fill = row.status === 'open' ? colour : `url(#${pattern}-${row.status})`;
  // An open-ended window ends in an arrow: it runs on past the picture.
  const arrow = row.openEnded ? 6 : 0;
  return (
    <g data-route={row.id} data-status={row.status}>
      <rect
        data-bar=""
        x={x}
        y={y}
        width={Math.max(2, w - arrow)}
        height={h}
        rx="2"
        fill={fill}
        stroke={colour}
        strokeWidth="1.2"
      />
      {row.openEnded && (
        <path d={`M${x + w - arrow} ${y - 2}l${arrow} ${h / 2 + 2}l-${arrow} ${h / 2 + 2}z`} fill={colour} />
      )}
    </g>
  );
}

/** A route's icon, caption and dates (drawn over the today line, each with a white halo). */
function RowText({ row, caption }: { row: TimelineRow; caption: string }) {
  return (
    <g>
      <StatusIcon status={row.status} x={5.5} y={row.caption.y - 4} />
      <text x={ICON_ROOM} y={row.caption.y} fontSize={TIMELINE.captionSize} fill={INK} style={HALO}>
        {fitText(caption, row.caption.maxWidth - ICON_ROOM, TIMELINE.captionSize)}
      </text>
      {row.dates.map((d) => (
        <text
          key={`${d.text}-${d.x}`}
          data-date-label=""
          x={d.x}
          y={d.y}
          textAnchor={d.anchor}
          fontSize={TIMELINE.dateSize}
          fill={INK}
          style={HALO}
        >
          {d.text}
        </text>
      ))}
    </g>
  );
}

/** Today: a dashed line across the rows, a notch on top and the date above it. */
function TodayMarker({ today }: { today: TimelineGeometry['today'] }) {
  return (
    <g data-today="" data-x={today.x}>
      <line
        x1={today.x}
        x2={today.x}
        y1={today.top}
        y2={today.bottom}
        stroke={TODAY}
        strokeWidth="1.5"
        strokeDasharray="3 2"
      />
      <path d={`M${today.x - 4} ${today.top - 5}h8l-4 5z`} fill={TODAY} />
      <text
        x={today.label.x}
        y={today.label.y}
        textAnchor="middle"
        fontSize={TIMELINE.dateSize}
        fontWeight="bold"
        fill={TODAY}
      >
        {today.label.text}
      </text>
    </g>
  );
}

/** What the picture shows, as text: the span, then each route's window and status. */
function TimelineText({ input, end }: { input: TimelineInput; end: string }) {
  const { t } = useI18n();
  const line = (bar: TimelineBar) => {
    const words = { label: bar.label, status: t(statusKey(bar.status)), from: bar.opensOn ?? input.paidOn };
    if (!bar.closesOn) return t('timeline.item.openEnded', words);
    const estimated = bar.estimated ? t('timeline.estimated') : '';
    return t('timeline.item.window', { ...words, to: bar.closesOn, estimated });
  };
  return (
    <figcaption style={VISUALLY_HIDDEN}>
      <span>
        {t('timeline.title')}: <Dated text={t('timeline.summary', { paid: input.paidOn, end, today: input.today })} />
      </span>
      <ul>
        {input.bars.map((bar) => (
          <li key={bar.id}>
            <Dated text={line(bar)} />
          </li>
        ))}
      </ul>
    </figcaption>
  );
}

/**
 * "By when?": every route to the money as a bar from payment (or from when its
 * window opens) to its last day, coloured, patterned, marked and named by
 * status, with today across them. The picture is hidden from screen readers,
 * which read the list beside it instead.
 */
export function RouteTimeline({ input, width = WIDTH }: { input: TimelineInput | null; width?: number }) {
  const { t } = useI18n();
  const id = useId().replace(/[^\w-]/g, '');
  if (!input || input.bars.length === 0) return null;
  const g = timelineGeometry(input, width, t('timeline.today', { date: input.today.slice(5) }));
  const captionOf = (i: number) => {
    const bar = input.bars[i]!;
    return `${bar.label} · ${t(statusKey(bar.status))}${bar.closesOn ? '' : ` · ${t('timeline.noEnd')}`}`;
  };
  return (
    <figure
      className="rg-timeline"
      data-timeline=""
      data-axis-start={g.start}
      data-axis-end={g.end}
      data-now={input.now}
      style={{ margin: '6px 0', position: 'relative' }}
    >
      <svg
        viewBox={`0 0 ${g.width} ${g.height}`}
        width="100%"
        aria-hidden="true"
        focusable="false"
        style={{ display: 'block', overflow: 'visible', fontFamily: 'inherit' }}
      >
        <Patterns id={id} />
        {g.rows.map((row) => (
          <RowBar key={row.id} row={row} pattern={id} />
        ))}
        <TodayMarker today={g.today} />
        {g.rows.map((row, i) => (
          <RowText key={row.id} row={row} caption={captionOf(i)} />
        ))}
        <line x1="0" x2={g.width} y1={g.axis.y} y2={g.axis.y} stroke={MUTED} strokeWidth="1" />
        {g.axis.labels.map((l) => (
          <text key={l.anchor} x={l.x} y={l.y} textAnchor={l.anchor} fontSize={TIMELINE.dateSize} fill={MUTED}>
            {l.text}
          </text>
        ))}
      </svg>
      <TimelineText input={input} end={g.axis.labels[1]!.text} />
    </figure>
  );
}
