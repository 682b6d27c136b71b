/** Order-list rows the card shows (the page script reads no more than these). */
export const MAX_CARD_ROWS = 8;
