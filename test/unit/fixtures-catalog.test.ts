import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectPage, detectionText } from '../../lib/detect';
import { FIXTURE_HOSTS, fixturePages, type FixturePage } from '../fixtures/catalog';
import { CONSOLE_ASSET_PREFIX } from '../fixtures/console/build';

const SITES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/sites');

function load(page: FixturePage): Document {
  const html = readFileSync(join(SITES, page.file), 'utf8');
  // No scripts run and no resources load: the page as served, before any script.
  return new JSDOM(html, { url: page.url }).window.document;
}

/** The page's text as a content script would read it: body text without script/style source. */
function visibleText(doc: Document): string {
  for (const el of doc.body.querySelectorAll('script, style, noscript, template')) el.remove();
  return doc.body.textContent ?? '';
}

describe('fixture catalog (test/fixtures/catalog.ts)', () => {
  it('has unique ids and unique URLs', () => {
    const ids = fixturePages.map((p) => p.id);
    const urls = fixturePages.map((p) => p.url);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('lists every host in FIXTURE_HOSTS, and only those', () => {
    const hosts = new Set(fixturePages.map((p) => new URL(p.url).hostname));
    for (const host of hosts) expect(FIXTURE_HOSTS).toContain(host);
    expect(new Set(FIXTURE_HOSTS)).toEqual(hosts);
  });

  it('uses plain http and never a Google host (HSTS-preloaded, TESTING.md)', () => {
    for (const page of fixturePages) {
      const url = new URL(page.url);
      expect(url.protocol, page.id).toBe('http:');
      expect(url.hostname, page.id).not.toMatch(/google\./);
      expect(page.file.startsWith(`${url.hostname}/`), page.id).toBe(true);
    }
  });

  it('invents hosts only under example.com / example.org / example.net', () => {
    const real = [
      'buy.cloud.tencent.com',
      'console.cloud.tencent.com',
      'cloud.tencent.com',
      'exmail.qq.com',
      'letsvpn.world',
      'apps.apple.com',
    ];
    for (const host of FIXTURE_HOSTS) {
      if (real.includes(host)) continue;
      expect(host).toMatch(/(^|\.)example\.(com|org|net)$/);
    }
  });

  it('covers every page kind of every shipped vendor, and non-vendor pages', () => {
    const seen = new Set(fixturePages.map((p) => `${p.vendor}/${p.kind}`));
    for (const key of [
      'tencent-cloud/checkout',
      'tencent-cloud/order',
      'tencent-cloud/console',
      'tencent-cloud/ticket',
      'tencent-exmail/checkout',
      'tencent-exmail/console',
      'tencent-exmail/webmail',
      'letsvpn/checkout',
      'letsvpn/order',
      'generic-software/checkout',
      'null/null',
    ]) {
      expect(seen, key).toContain(key);
    }
  });
});

describe.each(fixturePages.map((p) => [p.id, p] as const))('fixture page %s', (_id, page) => {
  const path = join(SITES, page.file);

  it('exists, is UTF-8 HTML under 60 KB, and has the catalog title', () => {
    expect(existsSync(path), page.file).toBe(true);
    expect(statSync(path).size).toBeLessThan(60_000);
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/<meta charset="utf-8">/i);
    expect(load(page).title).toBe(page.title);
  });

  it('loads nothing from the network: every stylesheet, script and image is a local file', () => {
    const doc = load(page);
    const refs = [
      ...[...doc.querySelectorAll('link[href]')].map((el) => el.getAttribute('href')!),
      ...[...doc.querySelectorAll('script[src], img[src], iframe[src], source[src], video[src], audio[src]')].map(
        (el) => el.getAttribute('src')!,
      ),
    ];
    for (const ref of refs) {
      expect(ref, `${page.id}: ${ref}`).toMatch(/^\/[^/]/);
      // The console pages' bundle and stylesheet, built by the fixture server (test/fixtures/console/build.ts).
      if (ref.startsWith(CONSOLE_ASSET_PREFIX)) {
        expect(['app.js', 'tea.css'], `${page.id}: ${ref}`).toContain(ref.slice(CONSOLE_ASSET_PREFIX.length));
        continue;
      }
      expect(existsSync(join(SITES, new URL(page.url).hostname, ref)), `${page.id}: ${ref}`).toBe(true);
    }
    expect(doc.documentElement.outerHTML).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
  });

  it(`is detected as ${page.vendor ?? 'no vendor'} / ${page.kind ?? 'no kind'}`, () => {
    const expected = page.vendor && page.kind ? { vendor: page.vendor, kind: page.kind } : null;
    const doc = load(page);
    expect(detectPage(page.url, detectionText(doc.title, visibleText(doc)))).toEqual(expected);
  });
});
