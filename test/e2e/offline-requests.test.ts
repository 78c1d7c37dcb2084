// End to end: every request of a compose, preview and export session stays on the app's origin (nothing leaves the machine).
import { describe, expect, it } from 'vitest';
import { browserOrSkipReason, useHarness, type Harness } from './harness.js';
import { exportThroughReview } from './review.js';

const browser = browserOrSkipReason();

describe.skipIf('skip' in browser)('no request leaves the app', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  it('add sections, preview them, export a PDF: every request URL is on the app origin', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /^Add / }).first().waitFor();
    for (let i = 0; i < 2; i++) {
      const button = page.getByRole('button', { name: /^Add / }).first();
      const label = (await button.getAttribute('aria-label'))!.replace(/^Add /, '');
      await button.click();
      // Wait for main's answer, or the next "first Add button" is this one again.
      await page.getByRole('button', { name: `Added ${label}` }).waitFor();
    }
    await expect.poll(() => page.locator('.outline-title').count()).toBe(2);
    // The live preview renders the composed PDF with pdf.js (its worker, fonts and the document bytes).
    await expect.poll(() => page.locator('.preview-status').textContent(), { timeout: 30_000 }).toMatch(/^Up to date/);
    await exportThroughReview(h, () => page.getByRole('button', { name: 'Export PDF…' }).click());
    await expect.poll(() => page.locator('.export-status .status-text').textContent(), { timeout: 60_000 }).toMatch(/^Saved .*\.pdf — \d+ page/);
    expect(h.savedFiles).toHaveLength(1);

    // The recorder saw the session: the page and its scripts at least.
    expect(h.requests).toContain(`${h.origin}/index.html`);
    expect(h.requests.some((u) => u.endsWith('.js'))).toBe(true);
    const outside = h.requests.filter((u) => !u.startsWith(`${h.origin}/`) && !u.startsWith(`blob:${h.origin}/`));
    expect(outside).toEqual([]);
  });
});
