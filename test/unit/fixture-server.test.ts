import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages } from '../fixtures/catalog';
import { DEMO_INDEX_HOST, startFixtureServer, type FixtureServer } from '../fixtures/server';

let server: FixtureServer;

function get(host: string, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

describe('the fixture server', () => {
  it('serves every catalog page under its own host name and path', async () => {
    for (const page of fixturePages) {
      const url = new URL(page.url);
      const res = await get(url.hostname, url.pathname + url.search);
      expect(res.status, page.id).toBe(200);
      expect(res.type).toContain('text/html');
      expect(res.body, page.id).toContain(`<title>${page.title}</title>`);
    }
  });

  it("serves the console pages their tea-component bundle (React 18) and the library's stylesheet, on their hosts", async () => {
    for (const page of fixturePages.filter((p) => p.family === 'tea-component')) {
      const host = new URL(page.url).hostname;
      const script = await get(host, '/__console__/app.js');
      expect(script.status).toBe(200);
      expect(script.type).toContain('text/javascript');
      // React 18 (tea-component calls findDOMNode, which React 19 removed), bundled with the library.
      expect(script.body.includes('18.3.1'), 'React 18 in the bundle').toBe(true);
      expect(script.body.includes('findDOMNode'), 'tea-component in the bundle').toBe(true);
      const css = await get(host, '/__console__/tea.css');
      expect(css.status).toBe(200);
      expect(css.body).toContain('.tea-form__item');
    }
    expect((await get('buy.cloud.tencent.com', '/__console__/../package.json')).status).toBe(404);
  });

  it('tells hosts apart: the same path on another host is not served', async () => {
    const page = fixturePages[0]!;
    const url = new URL(page.url);
    expect((await get('unknown.example.org', url.pathname + url.search)).status).toBe(404);
  });

  it('never serves files outside a host folder', async () => {
    for (const path of ['/../catalog.ts', '/%2e%2e/%2e%2e/server.ts', '/..%2f..%2fserver.ts']) {
      const res = await get('console.cloud.tencent.com', path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('startFixtureServer');
    }
  });

  it('maps every fixture host, and the demo index lists every page', async () => {
    for (const page of fixturePages)
      expect(server.hostResolverRules).toContain(`MAP ${new URL(page.url).hostname} 127.0.0.1:${server.port}`);
    const index = await get(DEMO_INDEX_HOST, '/');
    expect(index.status).toBe(200);
    expect(index.body.match(/<tr><td>/g)?.length).toBe(fixturePages.length);
  });
});
