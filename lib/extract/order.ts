import { findLabelled } from './labels';
import { splitBodyTable } from './structure';
import type { OrderFields } from './schema';
import { cleanText, labelText, parseDateTime, parseMoney, parseOrderId, parseTerm } from './normalize';

export type { OrderFields } from './schema';

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
  orderId: {
    labels: ['订单号', '订单编号', '订单ID', '订单 ID', 'Order ID', 'Order number', 'Order No.'],
    parse: parseOrderId,
  },
  orderType: { labels: ['订单类型', 'Order type'], parse: (t) => cleanText(t) || null },
  status: { labels: ['订单状态', '支付状态', '状态', 'Status', 'Order status'], parse: (t) => cleanText(t) || null },
  createdAt: { labels: ['创建时间', '下单时间', 'Created', 'Order date'], parse: parseDateTime },
  paidAt: { labels: ['支付时间', '付款时间', 'Paid at', 'Payment date'], parse: parseDateTime },
  amount: { labels: ['订单金额', '订单原价', '应付金额', '金额', 'Order amount', 'Amount'], parse: parseMoney },
  voucher: { labels: ['代金券', '代金券抵扣', '优惠抵扣', 'Voucher'], parse: parseMoney },
  amountPaid: { labels: ['实付金额', '实付款', '实际支付', '支付金额', 'Amount paid', 'Paid'], parse: parseMoney },
  product: {
    labels: ['产品', '产品名称', '商品', '商品名称', '套餐', 'Product', 'Plan'],
    parse: (t) => cleanText(t) || null,
  },
  term: { labels: ['购买时长', '时长', '购买周期', '订阅时长', 'Term', 'Duration'], parse: parseTerm },
};

function extract<T>(root: ParentNode, specs: { [K in keyof T]: FieldSpec<T[K]> }): Extraction<T> {
  const keys = Object.keys(specs) as (keyof T)[];
  const allLabels = keys.flatMap((k) => specs[k].labels);
  const hits = findLabelled(root, allLabels);
  const result: Extraction<T> = { fields: {}, found: [], missing: [], conflicts: [], confidence: 0 };
  for (const key of keys) {
    const spec = specs[key];
    const values = hits
      .filter((h) => spec.labels.includes(h.label))
      .map((h) => spec.parse(h.value))
      .filter((v) => v !== null);
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

/** A table's own rows in document order, sibling by sibling (rows of nested tables are not its rows). */
function* tableRows(table: Element, sections: readonly string[]): Generator<Element, void> {
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'TR') yield child;
    else if (sections.includes(child.tagName)) {
      for (let row = child.firstElementChild; row; row = row.nextElementSibling) if (row.tagName === 'TR') yield row;
    }
  }
}

/**
 * The orders of an order list: the first table whose header names an order
 * number, read by its column headers. Rows beyond MAX_ROWS are not read.
 */
export function extractOrderList(root: ParentNode, maxRows = MAX_ROWS): Partial<OrderFields>[] {
  const keys = Object.keys(ORDER_FIELDS) as (keyof OrderFields)[];
  const limit = Math.min(maxRows, MAX_ROWS);
  for (const table of Array.from(root.querySelectorAll('table')).slice(0, 50)) {
    if (table.closest('[hidden]')) continue;
    const head = Array.from(table.children).find((el) => el.tagName === 'THEAD');
    const headerCells = head ? Array.from(head.querySelectorAll('th, td')) : [];
    let bodyRows = tableRows(table, headerCells.length > 0 ? ['TBODY'] : ['THEAD', 'TBODY', 'TFOOT']);
    // Without a <thead>, the first row is the header.
    const header = headerCells.length > 0 ? headerCells : Array.from(bodyRows.next().value?.children ?? []);
    const columns = header.map((cell) => {
      const label = labelText(cell.textContent ?? '');
      return keys.find((key) => ORDER_FIELDS[key].labels.includes(label)) ?? null;
    });
    if (!columns.includes('orderId')) continue;
    // A header rendered as a table of its own (console libraries' sticky headers): the rows are in the next one.
    if (headerCells.length > 0 && !table.querySelector('tbody tr')) {
      const body = splitBodyTable(table);
      if (body) bodyRows = tableRows(body, ['TBODY']);
    }
    // Only the rows asked for are touched: a console may list thousands of orders, and every
    // element handed to a page script costs time on the page's main thread.
    const rows: Element[] = [];
    for (let next = bodyRows.next(); !next.done && rows.length < limit; next = bodyRows.next()) rows.push(next.value);
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
