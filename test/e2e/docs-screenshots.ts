// `npm run screenshots`: the pictures in docs/screenshots, taken from the built renderer in the e2e browser (the
// start screen and the composer on the example issue brief) at 1440×900 and 1024×700, in light and dark.
import fs from 'node:fs/promises';
import path from 'node:path';
import { findChromium, startHarness } from './harness.js';

const out = path.resolve(import.meta.dirname, '../../docs/screenshots');
const example = path.resolve(import.meta.dirname, '../../assets/examples/t12-issue-brief.brief');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

const chromium = findChromium();
if (!chromium) throw new Error('screenshots: no Chromium found (apt-get install chromium)');
await fs.mkdir(out, { recursive: true });
for (const scheme of ['light', 'dark'] as const) {
  const h = await startHarness(chromium, { startScreen: true });
  try {
    const { page } = h;
    await page.emulateMedia({ colorScheme: scheme });
    const start = page.getByRole('dialog', { name: 'Start' });
    await start.waitFor();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: path.join(out, `start-${size.width}x${size.height}-${scheme}.png`) });
    }
    await start.getByRole('button', { name: 'Create brief' }).click();
    h.openQueue.push(example);
    await page.locator('body').press('Control+o');
    await page.waitForFunction(() => document.querySelectorAll('.outline-title').length > 5);
    await page.locator('.outline-select').nth(2).click();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForFunction(() => /^Up to date/.test(document.querySelector('.preview-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
      await page.waitForFunction(() => document.querySelector('.pdf-page[data-drawn]') !== null);
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(out, `composer-${size.width}x${size.height}-${scheme}.png`) });
    }
  } finally {
    await h.close();
  }
}
console.log(`screenshots written to ${path.relative(process.cwd(), out)}`);
