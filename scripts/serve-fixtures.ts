// `npm run fixtures`: serves the fixture sites on 127.0.0.1 and prints the
// Chromium flag that maps the vendors' host names to it.
import { startFixtureServer, DEMO_INDEX_URL } from '../test/fixtures/server';

const port = Number(process.env.PORT ?? 8765);
const server = await startFixtureServer(port);
console.log(`Fixture sites on http://127.0.0.1:${server.port}/ — start Chromium with:`);
console.log(`  --host-resolver-rules="${server.hostResolverRules}"`);
console.log(`then open ${DEMO_INDEX_URL}`);
