import { z } from '../zod';

/** The timeline as the worker sends it to the in-page card (lib/pictures/timeline `TimelineInput`). */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const timelineInputSchema = z.object({
  paidAt: z.number().finite(),
  paidOn: isoDate,
  now: z.number().finite(),
  today: isoDate,
  bars: z
    .array(
      z.object({
        id: z.string().max(100),
        label: z.string().max(200),
        status: z.enum(['open', 'needs-answers', 'closed', 'ruled-out']),
        opens: z.number().finite().nullable(),
        opensOn: isoDate.nullable(),
        closes: z.number().finite().nullable(),
        closesOn: isoDate.nullable(),
        estimated: z.boolean(),
      }),
    )
    .max(20),
});
