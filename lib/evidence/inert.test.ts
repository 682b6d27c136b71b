import { describe, expect, it } from 'vitest';
import { decodedUrl, isActiveUrl, quietMarkup } from './inert';
import { prepareCapture } from './snapshot';
import { orderPayload } from './testing/ledger';

/** What a page's tag manager leaves in the live DOM, as the page serialises it. */
const HOSTILE = `<html><head><meta charset="utf-8"><title>订单详情</title>
<link rel="stylesheet" href="/static/console.css">
<link rel="dns-prefetch" href="//beacon.example.net"><link rel=preconnect href=http://beacon.example.net>
<LINK REL="prefetch" HREF="http://beacon.example.net/t/prefetch.js"><link rel="preload" as="image" href="http://beacon.example.net/t/p.gif">
<link rel="prerender" href='http://beacon.example.net/t/r.html'><link rel="icon" href="http://beacon.example.net/favicon.ico" title="a > b">
<meta http-equiv="Refresh" content="0; URL='http://beacon.example.net/t/refresh'"><meta HTTP-EQUIV=refresh content=5;url=http://beacon.example.net/t/r2>
<meta name="description" content="订单详情"></head><body>
<a href="java&#9;script:fetch('http://beacon.example.net/t/js-tab')">查看</a>
<a href="&#x6A;avascript&colon;fetch(1)">申请退款</a>
<a href=" JaVa&#x0A;ScRiPt:fetch(2)">联系客服</a>
<a href="&#0000106&#0000097vascript:fetch(3)">续费</a>
<a href='vb&#x73;cript:msgbox(1)'>旧版</a>
<a href="data&colon;text/html;base64,PHNjcmlwdD4=">下载</a>
<form action="java&Tab;script:fetch(4)"><button formaction="&#106avascript:fetch(5)">提交</button></form>
<img src="data:image/png;base64,iVBORw0KGgo=" alt="logo"><a href="/expense/deal">订单管理</a><a href="https://cloud.tencent.com/document/product/213/9711">退费说明</a>
<p>如需帮助请写 href="javascript:" 以外的链接。</p>
</body></html>`;

describe('a saved page copy makes no request when opened', () => {
  it('reads URLs as the browser does: entities, padded numbers, tabs and newlines', () => {
    expect(decodedUrl('java&#9;script:x')).toBe('javascript:x');
    expect(decodedUrl('&#0000106&#0000097vascript:x')).toBe('javascript:x');
    expect(decodedUrl(' JaVa&#x0A;ScRiPt&colon;x')).toBe('JaVaScRiPt:x');
    expect(isActiveUrl('java&Tab;script:x')).toBe(true);
    expect(isActiveUrl('&#x6A;avascript&colon;x')).toBe(true);
    expect(isActiveUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(isActiveUrl('data:text/html,<b>')).toBe(true);
    expect(isActiveUrl('/expense/deal?a=1&amp;b=2')).toBe(false);
    expect(isActiveUrl('https://cloud.tencent.com/')).toBe(false);
  });

  it('drops every http-equiv meta and every link, and neutralises every obfuscated script URL', () => {
    const quiet = quietMarkup(HOSTILE);
    expect(quiet).not.toMatch(/<link/i);
    expect(quiet).not.toMatch(/http-equiv/i);
    expect(quiet).not.toContain('beacon.example.net/t/refresh');
    expect(quiet).toContain('<meta charset="utf-8">');
    expect(quiet).toContain('<meta name="description" content="订单详情">');
    expect(quiet.match(/(href|action|formaction)="#"/g)).toHaveLength(9); // eight in tags, and the look-alike in the paragraph text
    expect(quiet).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="logo">');
    expect(quiet).toContain('<a href="/expense/deal">订单管理</a>');
    expect(quiet).toContain('<a href="https://cloud.tencent.com/document/product/213/9711">退费说明</a>');
    expect(quiet).toContain('如需帮助请写 href="javascript:" 以外的链接。'.replace('"javascript:"', '"#"'));
    expect(quietMarkup('<p>plain</p>')).toBe('<p>plain</p>');
  });

  it('the copy a capture stores keeps no refresh, prefetch, preconnect or script URL of the page', async () => {
    const prepared = await prepareCapture(orderPayload({ dom: HOSTILE }), null, new Date('2026-11-25T13:40:00Z'));
    const page = prepared.dom.slice(prepared.dom.indexOf('<html>'));
    expect(page).not.toMatch(/http-equiv|<link|dns-prefetch|preconnect|prefetch|prerender/i);
    expect(page).not.toMatch(/script\s*:/i);
    expect(page).not.toMatch(/&#x?0*(106|6a);?a?vascript|java&#9;|java&tab;/i);
    expect(prepared.dom).toMatch(/^<!--[^\n]*-->\n<meta http-equiv="Content-Security-Policy"[^>]*default-src 'none'/);
    expect(prepared.dom).toContain('<meta http-equiv="x-dns-prefetch-control" content="off">');
  });
});
