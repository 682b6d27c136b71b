import { findLabelled } from './labels';
import { z } from 'zod';
import { cleanText, labelText, pageMoneyValue, pageTextValue, parseDateTime, parseMoney, parseOrderId, parseTerm } from './normalize';

/** The order an order page shows (each field only where shown). */
export const orderFieldsSchema = z
  .object({
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
  })
  .partial();
export type OrderFields = Required<z.infer<typeof orderFieldsSchema>>;

export interface Extraction<T> {
  fields: Partial<T>;
  /** Field names the page did show. */
  found: (keyof T)[];
  /** Field names looked for and not found. */
  missing: (keyof T)[];
  /** Fields whose label appeared with different values (e.g. a script wrote fake labels). */
  conflicts: (keyof T)[];
  /** found / looked for, lowered by conflicts; 0–1. */
  confidence: number;
}

interface FieldSpec<V> {
  labels: readonly string[];
  parse: (text: string) => V | null;
}

// The labels Tencent Cloud's order pages use (费用中心 › 订单详情), with the
// variants seen on other vendors' order pages.
const ORDER_FIELDS: { [K in keyof OrderFields]: FieldSpec<OrderFields[K]> } = {
  orderId: { labels: ['订单号', '订单编号', '订单ID', '订单 ID', 'Order ID', 'Order number', 'Order No.'], parse: parseOrderId },
  orderType: { labels: ['订单类型', 'Order type'], parse: (t) => cleanText(t) || null },
  status: { labels: ['订单状态', '支付状态', '状态', 'Status', 'Order status'], parse: (t) => cleanText(t) || null },
  createdAt: { labels: ['创建时间', '下单时间', 'Created', 'Order date'], parse: parseDateTime },
  paidAt: { labels: ['支付时间', '付款时间', 'Paid at', 'Payment date'], parse: parseDateTime },
  amount: { labels: ['订单金额', '订单原价', '应付金额', '金额', 'Order amount', 'Amount'], parse: parseMoney },
  voucher: { labels: ['代金券', '代金券抵扣', '优惠抵扣', 'Voucher'], parse: parseMoney },
  amountPaid: { labels: ['实付金额', '实付款', '实际支付', '支付金额', 'Amount paid', 'Paid'], parse: parseMoney },
  product: { labels: ['产品', '产品名称', '商品', '商品名称', '套餐', 'Product', 'Plan'], parse: (t) => cleanText(t) || null },
  term: { labels: ['购买时长', '时长', '购买周期', '订阅时长', 'Term', 'Duration'], parse: parseTerm },
};

function extract<T>(root: ParentNode, specs: { [K in keyof T]: FieldSpec<T[K]> }): Extraction<T> {
  const keys = Object.keys(specs) as (keyof T)[];
  const allLabels = keys.flatMap((k) => specs[k].labels);
  const hits = findLabelled(root, allLabels);
  const result: Extraction<T> = { fields: {}, found: [], missing: [], conflicts: [], confidence: 0 };
  for (const key of keys) {
    const spec = specs[key];
    const values = hits.filter((h) => spec.labels.includes(h.label)).map((h) => spec.parse(h.value)).filter((v) => v !== null);
    if (values.length === 0) {
      result.missing.push(key);
      continue;
    }
    result.fields[key] = values[0] as T[typeof key];
    result.found.push(key);
    if (values.some((v) => v !== values[0])) result.conflicts.push(key);
  }
  const score = (result.found.length - result.conflicts.length) / keys.length;
  result.confidence = Math.max(0, Math.round(score * 100) / 100);
  return result;
}

/** The order shown on an order detail page. */
export function extractOrder(root: ParentNode): Extraction<OrderFields> {
  return extract<OrderFields>(root, ORDER_FIELDS);
}

const MAX_ROWS = 500;

/**
 * The orders of an order list: the first table whose header names an order
 * number, read by its column headers. Rows beyond MAX_ROWS are not read.
 */
export function extractOrderList(root: ParentNode, maxRows = MAX_ROWS): Partial<OrderFields>[] {
  const keys = Object.keys(ORDER_FIELDS) as (keyof OrderFields)[];
  for (const table of Array.from(root.querySelectorAll('table')).slice(0, 50)) {
    if (table.closest('[hidden]')) continue;
    const headerCells = Array.from(table.querySelectorAll('thead th, thead td'));
    const header = headerCells.length > 0 ? headerCells : Array.from(table.querySelector('tr')?.children ?? []);
    const columns = header.map((cell) => {
      const label = labelText(cell.textContent ?? '');
      return keys.find((key) => ORDER_FIELDS[key].labels.includes(label)) ?? null;
    });
    if (!columns.includes('orderId')) continue;
    const rows = Array.from(table.querySelectorAll(headerCells.length > 0 ? 'tbody tr' : 'tr')).slice(headerCells.length > 0 ? 0 : 1, Math.min(maxRows, MAX_ROWS) + (headerCells.length > 0 ? 0 : 1));
    return rows
      .map((row) => {
        const fields: Partial<Record<keyof OrderFields, unknown>> = {};
        Array.from(row.children).forEach((cell, i) => {
          const key = columns[i];
          if (!key) return;
          const value = ORDER_FIELDS[key].parse(cell.textContent ?? '');
          if (value !== null) fields[key] = value;
        });
        return fields as Partial<OrderFields>;
      })
      .filter((fields) => fields.orderId !== undefined);
  }
  return [];
}
