import { z } from '../zod';
import { MAX_VALUE_LENGTH } from './normalize';

/**
 * The shapes of what the extractors read from a page, checked where a page
 * script's report is received (lib/card/schema). The extractors themselves
 * import only the types, so scripts inside web pages load no validator.
 */

const pageTextValue = () => z.string().check(z.maxLength(MAX_VALUE_LENGTH));
const pageMoneyValue = () => z.number().check(z.minimum(-1e9), z.maximum(1e9));

/** The order an order page shows (each field only where shown). */
export const orderFieldsSchema = z.partial(
  z.object({
    orderId: pageTextValue(),
    orderType: pageTextValue(),
    status: pageTextValue(),
    createdAt: pageTextValue(),
    paidAt: pageTextValue(),
    amount: pageMoneyValue(),
    voucher: pageMoneyValue(),
    amountPaid: pageMoneyValue(),
    product: pageTextValue(),
    term: pageTextValue(),
  }),
);
export type OrderFields = Required<z.infer<typeof orderFieldsSchema>>;

/** What a purchase page shows about the purchase about to be made (each field only where shown). */
export const checkoutFieldsSchema = z.partial(
  z.object({
    product: pageTextValue(),
    term: pageTextValue(),
    autoRenew: z.boolean(),
    /** The promotion's own words when it says the purchase cannot be refunded. */
    promoText: pageTextValue(),
    price: pageMoneyValue(),
    originalPrice: pageMoneyValue(),
    channel: z.enum(['official', 'reseller', 'app-store', 'google-play']),
    orderType: pageTextValue(),
    seats: z.int().check(z.nonnegative(), z.maximum(1e7)),
    /** A reseller's own refund promise, as the page words it. */
    resellerPromise: pageTextValue(),
    orderId: pageTextValue(),
    /** A notice that digital goods are not returnable once downloaded or activated. */
    digitalGoodsNotice: pageTextValue(),
    /** A renewal page's own words that renewals get no five-day (no-reason) refund. */
    renewalNotice: pageTextValue(),
  }),
);
export type CheckoutFields = Required<z.infer<typeof checkoutFieldsSchema>>;
