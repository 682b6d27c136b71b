import { z } from '../zod';

/** The timeline as the worker sends it to the in-page card (lib/pictures/timeline `TimelineInput`). */
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
export const timelineInputSchema = z.object({
  paidAt: z.number(),
  paidOn: isoDate,
  now: z.number(),
  today: isoDate,
  bars: z
    .array(
      z.object({
        id: z.string().check(z.maxLength(100)),
        label: z.string().check(z.maxLength(200)),
        status: z.enum(['open', 'needs-answers', 'closed', 'ruled-out']),
        opens: z.nullable(z.number()),
        opensOn: z.nullable(isoDate),
        closes: z.nullable(z.number()),
        closesOn: z.nullable(isoDate),
        estimated: z.boolean(),
      }),
    )
    .check(z.maxLength(20)),
});
