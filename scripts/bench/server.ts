import { createServer, request } from 'node:http';
import { startFixtureServer, type FixtureServer } from '../../test/fixtures/server';

/**
 * The fixture sites plus generated pages (HTML, or CSS by its name): requests for an extra page are
 * answered here, everything else is passed to the ordinary fixture server.
 * Same host names, same loopback-only rules.
 */
export async function startBenchServer(extra: Record<string, string>): Promise<FixtureServer> {
  const fixtures = await startFixtureServer();
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = extra[`${host}${path}`];
    if (page !== undefined) {
      const type = path.endsWith('.css') ? 'text/css' : 'text/html';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(page);
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: fixtures.port, path: req.url, method: req.method, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('bench server has no port');
  return {
    port: address.port,
    hostResolverRules: fixtures.hostResolverRules.replaceAll(`127.0.0.1:${fixtures.port}`, `127.0.0.1:${address.port}`),
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await fixtures.close();
    },
  };
}
