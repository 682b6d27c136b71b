import { z } from '../zod';
import { PAGE_KINDS } from './types';

/** A page match as other contexts send it (validated where it is received). */
export const pageMatchSchema = z.object({
  vendor: z.string().check(z.minLength(1), z.maxLength(64)),
  kind: z.enum(PAGE_KINDS),
});
