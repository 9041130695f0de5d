// Screenshots for people to look at: `node shot.mjs OUT_DIR [path ...]`.
// Each path is taken in en-US and zh-CN at 1280×900, and in en-US at 360×780.
import { start, ready } from './harness.mjs';
import { mkdirSync } from 'node:fs';

const [out = '/tmp/shots', ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const app = await start();
try {
  for (const path of paths.length ? paths : ['/']) {
    const name = path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
    for (const [suffix, opts] of [
      ['en', { locale: 'en-US' }],
      ['zh', { locale: 'zh-CN' }],
      ['narrow', { locale: 'en-US', viewport: { width: 360, height: 780 } }],
    ]) {
      const page = await app.page(opts);
      await page.goto(app.url + path);
      await ready(page);
      await page.screenshot({ path: `${out}/${name}-${suffix}.png`, fullPage: suffix === 'narrow' });
      if (page.errors.length) console.error(path, suffix, page.errors);
      await page.context().close();
    }
  }
} finally {
  await app.stop();
}
console.log(`screenshots in ${out}`);
