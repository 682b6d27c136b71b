import { z } from '../zod';
import { webmailSightingSchema } from '../outages';

/** Messages of the SLA outage log. */
export function outageMessages() {
  return {
    /** SLA page → worker: Exmail webmail failure pages seen in the browser, newest first. */
    'outage.sightings': {
      from: 'extension',
      request: z.object({}),
      response: z.object({ sightings: z.array(webmailSightingSchema()) }),
    },
  } as const;
}
