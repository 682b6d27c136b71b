import { z } from '../zod';
import { PAGE_KINDS } from './types';

/** A page match as other contexts send it (validated where it is received). */
export const pageMatchSchema = z.object({
  vendor: z.string().min(1).max(64),
  kind: z.enum(PAGE_KINDS),
});
