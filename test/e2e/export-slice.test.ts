// End to end: the real renderer in Chromium picks sections, reorders, exports, and the PDF is read back.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOrSkipReason, SCREENSHOTS, useHarness, type Harness } from './harness.js';
import { exportThroughReview } from './review.js';
import { readPdfText } from '../support/read-pdf.js';
import { METHOD_NAMES } from '../../shared/ipc/names.js';

const browser = browserOrSkipReason();
const screenshots = SCREENSHOTS;

describe.skipIf('skip' in browser)('composer slice in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  it('lists library sections, exports the picked ones in the chosen order, and the PDF has them', async () => {
    const { page } = h;
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    await page.getByRole('button', { name: /^Add / }).first().waitFor();
    const addButtons = page.getByRole('button', { name: /^Add / });
    expect(await addButtons.count()).toBeGreaterThanOrEqual(3);

    const titles: string[] = [];
    for (let i = 0; i < 3; i++) {
      const button = page.getByRole('button', { name: /^Add / }).nth(0);
      const label = (await button.getAttribute('aria-label'))!.replace(/^Add /, '');
      titles.push(label);
      await button.click();
      // Main answers the add: wait until it is in the outline, or the next "first Add button" is this one again.
      await page.getByRole('button', { name: `Added ${label}` }).waitFor();
    }
    // Move the third section to the top.
    await page.getByRole('button', { name: `Move ${titles[2]} up` }).click();
    await page.getByRole('button', { name: `Move ${titles[2]} up` }).click();
    const order = [titles[2]!, titles[0]!, titles[1]!];
    await expect.poll(() => page.locator('.outline-title').allTextContents()).toEqual(order);

    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Title', { exact: true }).fill('E2E Slice Brief');
    await page.screenshot({ path: path.join(screenshots, 'slice-settings.png') });
    await exportThroughReview(h, () => page.getByRole('button', { name: 'Export PDF…' }).click());
    await expect.poll(() => page.locator('.export-status .status-text').textContent(), { timeout: 60_000 }).toMatch(/Saved E2E Slice Brief\.pdf — \d+ page/);

    expect(h.savedFiles).toHaveLength(1);
    const pdf = await readPdfText(h.savedFiles[0]!);
    expect(pdf.numPages).toBeGreaterThanOrEqual(1);
    const flat = pdf.text.replace(/\s+/g, ' ');
    const positions = order.map((t) => flat.indexOf(t, flat.indexOf(order[0]!)));
    for (const p of positions) expect(p).toBeGreaterThanOrEqual(0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(flat).toContain('E2E Slice Brief');
    expect(h.refused).toEqual([]);
  });

  it('runs under the app\'s Content Security Policy, with window.briefing from the built preload', async () => {
    const { page } = h;
    const seen = await page.evaluate(async () => {
      // An inline script (what an injected <script> in a brief would be) must be refused by script-src 'self'.
      const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      const directive = await violation;
      const api = (window as unknown as { briefing: Record<string, unknown> }).briefing;
      return {
        inlineScriptRan: '__inlineRan' in window,
        directive,
        frozen: Object.isFrozen(api),
        methods: Object.keys(api).sort(),
        ipcRenderer: 'ipcRenderer' in window || 'require' in window,
      };
    });
    expect(seen.directive).toMatch(/^script-src/);
    expect(seen.inlineScriptRan).toBe(false);
    expect(seen.frozen).toBe(true);
    expect(seen.methods).toEqual([...METHOD_NAMES].sort());
    expect(seen.ipcRenderer).toBe(false);
    // That refusal is the one CSP violation this file expects: the harness fails the file on any other.
    await expect.poll(() => h.cspViolations.length).toBe(1);
    expect(h.cspViolations.splice(0)).toEqual([expect.stringMatching(/^script-src(-elem)? refused inline /)]);
  });

  it('refuses calls that do not come from the main frame, like the app wrapper', async () => {
    const { page } = h;
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.srcdoc = '<p>child</p>';
      document.body.appendChild(f);
      return new Promise((r) => f.addEventListener('load', r));
    });
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    const message = await frame.evaluate(async () => {
      try {
        await (window as unknown as { briefing: { listSections(): Promise<unknown> } }).briefing.listSections();
        return 'accepted';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(message).toMatch(/refused/);
    expect(h.refused.length).toBe(1);
  });

  it('rejects arguments that do not match the channel schema', async () => {
    const message = await h.page.evaluate(async () => {
      try {
        await (window as unknown as { briefing: { exportPdf(a: unknown, b: unknown): Promise<unknown> } }).briefing.exportPdf({ not: 'a brief' }, { pdfa: 'yes' });
        return 'accepted';
      } catch (e) {
        return (e as Error).message;
      }
    });
    expect(message).toMatch(/invalid arguments for exportPdf/);
  });
});
