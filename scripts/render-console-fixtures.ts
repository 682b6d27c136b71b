// Writes what the tea-component fixture pages render in Chromium to
// test/fixtures/console/rendered/<id>.html, so unit tests read the library's own
// markup without a browser. Run again after changing test/fixtures/console/src.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { fixturePages } from '../test/fixtures/catalog';
import { startFixtureServer } from '../test/fixtures/server';

const OUT = resolve(import.meta.dirname, '../test/fixtures/console/rendered');
const server = await startFixtureServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [`--host-resolver-rules=${server.hostResolverRules}`],
});
try {
  const page = await browser.newPage();
  for (const fixture of fixturePages.filter((p) => p.family === 'tea-component')) {
    await page.goto(fixture.url);
    await page.waitForSelector('#app > *');
    const html = await page.evaluate(() => {
      for (const s of document.querySelectorAll('script, link')) s.remove();
      return '<!doctype html>\n' + document.documentElement.outerHTML;
    });
    await writeFile(join(OUT, `${fixture.id}.html`), html + '\n');
    console.log(fixture.id, html.length);
  }
} finally {
  await browser.close();
  await server.close();
}
