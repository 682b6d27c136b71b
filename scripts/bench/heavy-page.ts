import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITES_DIR } from '../../test/fixtures/server';

/**
 * A heavy vendor order list: the 费用中心 › 订单管理 fixture page with its
 * table grown to thousands of orders (an account that set the pager to "all",
 * or years of renewals). Generated at bench time, never stored as a fixture:
 * the catalog keeps fixture pages small.
 */
const VENDOR_HOST = 'console.cloud.tencent.com';
export const HEAVY_LIST_PATH = '/expense/deal/all';
export const HEAVY_LIST_URL = `http://${VENDOR_HOST}${HEAVY_LIST_PATH}`;
/**
 * The same page under a host the extension has no script for: loaded in the
 * browser that has the extension, it is the control that shares everything
 * with the measured loads except the content script.
 */
export const HEAVY_CONTROL_HOST = 'news.example.org';
export const HEAVY_CONTROL_URL = `http://${HEAVY_CONTROL_HOST}${HEAVY_LIST_PATH}`;

/**
 * What the bench server adds to the fixture sites: the heavy list under the
 * vendor's host and under the control host, and the control host's copy of
 * every stylesheet the page links from its own site. Without those the
 * control page renders unstyled, and its layout and paint are not the
 * vendor page's.
 */
export function heavyPages(rows: number): Record<string, string> {
  const page = heavyOrderListPage(rows);
  const pages: Record<string, string> = {
    [`${VENDOR_HOST}${HEAVY_LIST_PATH}`]: page,
    [`${HEAVY_CONTROL_HOST}${HEAVY_LIST_PATH}`]: page,
  };
  for (const [, href] of page.matchAll(/<link rel="stylesheet" href="(\/[^"]+)"/g)) {
    pages[`${HEAVY_CONTROL_HOST}${href}`] = readFileSync(join(SITES_DIR, VENDOR_HOST, href!), 'utf8');
  }
  return pages;
}

const PRODUCTS = [
  ['云服务器 CVM', '广州三区'],
  ['轻量应用服务器 Lighthouse', '上海'],
  ['云数据库 MySQL', '北京五区'],
  ['对象存储 COS', '成都'],
  ['云硬盘 CBS', '广州六区'],
  ['内容分发网络 CDN', '中国境内'],
  ['域名注册', '—'],
  ['SSL 证书', '—'],
] as const;
const TYPES = ['新购', '续费', '升级', '降配', '退费'] as const;
const STATUSES = [
  ['已支付', 'ok'],
  ['已支付', 'ok'],
  ['已支付', 'ok'],
  ['已退款', 'back'],
  ['已取消', 'off'],
  ['待支付', 'wait'],
] as const;

/** A small deterministic generator: the same page every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function heavyOrderRows(count: number, seed = 20261122): string {
  const next = random(seed);
  const rows: string[] = [];
  // Newest first, about one order every 9 hours going back.
  let t = Date.UTC(2026, 10, 22, 1, 33, 44);
  for (let i = 0; i < count; i++) {
    t -= Math.floor(next() * 18 * 3600_000);
    const d = new Date(t + 8 * 3600_000); // shown in Beijing time
    const stamp = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const dealName = `${stamp.replace(/\D/g, '')}${pad(Math.floor(next() * 1_000_000), 6)}`;
    const [product, region] = PRODUCTS[Math.floor(next() * PRODUCTS.length)]!;
    const type = TYPES[Math.floor(next() * TYPES.length)]!;
    const [status, css] = STATUSES[Math.floor(next() * STATUSES.length)]!;
    const amount = Math.round(next() * 600_000) / 100;
    const paid =
      status === '待支付' || status === '已取消'
        ? '-'
        : stamp.replace(/:(\d\d)$/, (_m, s: string) => `:${pad((Number(s) + 41) % 60)}`);
    const actions =
      status === '已支付'
        ? ' <a href="#">退订</a>'
        : status === '待支付'
          ? ' <a href="#">支付</a> <a href="#">取消</a>'
          : '';
    rows.push(
      `<tr data-deal-name="${dealName}">\n  <td class="mono"><a class="deal-link" data-deal="${dealName}" href="/expense/deal/detail?dealName=${dealName}">${dealName}</a></td>` +
        `<td>${product}<div class="muted">${region}</div></td><td>${type}</td>\n  <td><span class="st ${css}">${status}</span></td><td class="num">${money(amount)}</td>\n` +
        `  <td>${stamp}</td><td>${paid}</td><td><a href="/expense/deal/detail?dealName=${dealName}">详情</a>${actions}</td></tr>`,
    );
  }
  return rows.join('\n');
}

/** The order list fixture with `rows` orders in its table and the pager saying so. */
export function heavyOrderListPage(rows: number): string {
  const html = readFileSync(join(SITES_DIR, VENDOR_HOST, 'expense/deal/index.html'), 'utf8');
  const start = html.indexOf('<tbody>');
  const end = html.indexOf('</tbody>');
  if (start < 0 || end < 0) throw new Error('order list fixture has no <tbody>');
  return (html.slice(0, start + '<tbody>'.length) + '\n' + heavyOrderRows(rows) + '\n' + html.slice(end))
    .replace(/共 \d+ 条/, `共 ${rows} 条`)
    .replace('<option>15 条/页</option>', '<option>全部</option>');
}
