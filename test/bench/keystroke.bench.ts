// Keystroke to painted preview: a key typed in the example issue brief's editor, until the preview page that shows
// the edit is drawn on screen — measured in the e2e browser (Debian's Chromium, the built renderer, the real services)
// with the keydown's event time and the renderer's own 'briefing:preview-painted' performance mark.
// Runs alone with `npx tsx test/bench/keystroke.bench.ts` (after `npm run build`); `npm run bench` imports run().
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findChromium, startHarness } from '../e2e/harness.js';
import { printReport, type BenchReport } from './report.js';

const KEYSTROKES = 15;
const TARGET_MS = 250;
const example = path.resolve(import.meta.dirname, '../../assets/examples/t12-issue-brief.brief');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

export async function run(): Promise<BenchReport> {
  const report: BenchReport = { suite: 'keystroke to painted preview (e2e browser)', rows: [], notes: [] };
  const chromium = findChromium();
  if (!chromium) {
    report.notes.push('skipped: no Chromium (apt-get install chromium)');
    return report;
  }
  const h = await startHarness(chromium);
  try {
    const { page } = h;
    page.on('pageerror', (e) => console.error(`keystroke bench: page error: ${e.message}`));
    await page.getByRole('button', { name: /^Add / }).first().waitFor();
    h.openQueue.push(example);
    await page.locator('body').press('Control+o');
    await page.waitForFunction(() => document.querySelectorAll('.outline-title').length > 5);
    await page.waitForFunction(() => /^Up to date/.test(document.querySelector('.preview-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    // The first section: its page is the one on screen, so the painted page is the edited one.
    await page.locator('.outline-select').first().click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.evaluate(() => {
      const w = window as unknown as { __keys: number[] };
      w.__keys = [];
      window.addEventListener('keydown', (e) => w.__keys.push(e.timeStamp), true);
    });
    const latencies: number[] = [];
    const phases = { wait: [] as number[], services: [] as number[], open: [] as number[], draw: [] as number[] };
    for (let i = 0; i < KEYSTROKES; i++) {
      const before = Number(await page.locator('.preview-frame').getAttribute('data-preview-seq'));
      await page.keyboard.type(i % 2 ? 'x' : ' ');
      // The first paint of a brief version newer than the one shown before the key.
      const painted = await page.waitForFunction(
        (seq) => {
          const marks = performance.getEntriesByName('briefing:preview-painted') as PerformanceMark[];
          const m = marks.find((x) => (x.detail as { seq: number }).seq > seq);
          return m ? m.startTime : null;
        },
        before,
        { timeout: 30_000 },
      ).catch(async (e: Error) => {
        const state = await page.evaluate(() => ({
          status: document.querySelector('.preview-status')?.textContent,
          seq: document.querySelector('.preview-frame')?.getAttribute('data-preview-seq'),
          marks: (performance.getEntriesByName('briefing:preview-painted') as PerformanceMark[]).slice(-3).map((m) => m.detail),
          active: document.activeElement?.className,
          drawn: [...document.querySelectorAll('.pdf-page[data-drawn]')].map((x) => `${x.getAttribute('data-page')}:${x.getAttribute('data-drawn')}`),
        }));
        throw new Error(`${e.message} ${JSON.stringify({ before, ...state })}`);
      });
      const paintedAt = (await painted.jsonValue()) as number;
      const keyAt = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys.at(-1)!);
      latencies.push(paintedAt - keyAt);
      // Where the time went, from the renderer's marks for the first version newer than `before`.
      const at = await page.evaluate((seq) => {
        const first = (name: string) => (performance.getEntriesByName(name) as PerformanceMark[]).find((x) => (x.detail as { seq: number }).seq > seq)?.startTime ?? NaN;
        return { request: first('briefing:preview-request'), result: first('briefing:preview-result'), opened: first('briefing:preview-opened') };
      }, before);
      phases.wait.push(at.request - keyAt);
      phases.services.push(at.result - at.request);
      phases.open.push(at.opened - at.result);
      phases.draw.push(paintedAt - at.opened);
      // A pause between keys, as between words, so each key is measured on its own.
      await page.waitForFunction(() => /^Up to date/.test(document.querySelector('.preview-status')?.textContent ?? ''));
      await page.waitForTimeout(200);
    }
    const med = median(latencies);
    report.rows.push({
      label: 'keystroke to painted preview, example issue brief (e2e Chromium)',
      value: med,
      unit: 'ms',
      extra: {
        p95: p95(latencies),
        min: Math.min(...latencies),
        n: latencies.length,
        'typing pause + key handling': median(phases.wait),
        'compose+layout+PDF+IPC': median(phases.services),
        'pdf.js open': median(phases.open),
        'draw page': median(phases.draw),
      },
      target: `<= ${TARGET_MS} ms`,
      met: med <= TARGET_MS,
    });
    report.notes.push('from the keydown event time to the performance mark set on the frame after the page showing the edit was swapped in; includes the typing pause (renderer/src/preview/usePreview.ts PREVIEW_DELAY_MS), compose + layout + PDF in the services, pdf.js parse and draw');
  } finally {
    await h.close();
  }
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printReport(await run());
