import type { Verdict } from '../claims/eligibility';
import { endOfDay, parseInstant, shanghaiDate } from '../time/zone';
import type { TimelineInput } from './timeline';

/**
 * The timeline of a verdict: every route as a bar from payment (or, for an SLA
 * claim, from the day filing opens) to its window's last instant, and the
 * moment the verdict was made as "today". Null when the verdict's times do not
 * parse (nothing is drawn rather than a wrong picture).
 */
export function timelineOf(verdict: Pick<Verdict, 'routes' | 'purchasedAt' | 'evaluatedAt'>): TimelineInput | null {
  const paidAt = parseInstant(verdict.purchasedAt);
  const now = parseInstant(verdict.evaluatedAt);
  if (paidAt === null || now === null || verdict.routes.length === 0) return null;
  return {
    paidAt,
    paidOn: shanghaiDate(paidAt),
    now,
    today: shanghaiDate(now),
    bars: verdict.routes.map((route) => {
      const closes = route.deadline ? parseInstant(route.deadline.closesAt) : null;
      // Seed 002 §3.2.1: claims may be filed *after* the 5th business day, so the window opens the next morning.
      const opens = route.opensAfter ? endOfDay(route.opensAfter) + 1 : null;
      return {
        id: route.id,
        label: route.label,
        status: route.status,
        opens,
        opensOn: opens === null ? null : shanghaiDate(opens),
        closes,
        closesOn: closes === null ? null : route.deadline!.date,
        estimated: route.deadline?.estimated ?? false,
      };
    }),
  };
}
