// End to end: the composer in Chromium exports Word (button, File menu command, Ctrl+Shift+E) and the .docx reads back.
import { describe, expect, it } from 'vitest';
import { browserOrSkipReason, useHarness, type Harness } from './harness.js';
import { exportThroughReview } from './review.js';
import { all, part, readDocx, textOf } from '../integration/docx/docx-parts.js';

const browser = browserOrSkipReason();

describe.skipIf('skip' in browser)('Export Word… in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  it('writes the picked sections as a .docx with Word headings and endnotes, from the button, the menu and the shortcut', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /^Add / }).first().waitFor();
    const titles: string[] = [];
    for (let i = 0; i < 2; i++) {
      const button = page.getByRole('button', { name: /^Add / }).nth(0);
      const label = (await button.getAttribute('aria-label'))!.replace(/^Add /, '');
      titles.push(label);
      await button.click();
      // Wait for main's answer, or the next "first Add button" is this one again.
      await page.getByRole('button', { name: `Added ${label}` }).waitFor();
    }
    await expect.poll(() => page.locator('.outline-title').allTextContents()).toEqual(titles);
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Title', { exact: true }).fill('E2E Word Brief');

    await exportThroughReview(h, () => page.getByRole('button', { name: 'Export Word…' }).click());
    await expect.poll(() => page.locator('.export-status .status-text').textContent(), { timeout: 60_000 }).toMatch(/^Saved E2E Word Brief\.docx — Word, \d+ endnotes?/);
    expect(h.savedFiles).toHaveLength(1);
    const file = h.savedFiles[0]!;
    expect(file.endsWith('E2E Word Brief.docx')).toBe(true);
    const docx = await readDocx(file);
    const body = part(docx, 'word/document.xml');
    expect(textOf(body)).toContain('E2E Word Brief');
    const headingTexts = body.split('<w:p>').filter((p) => /<w:pStyle w:val="Heading[12]"\/>/.test(p)).map(textOf);
    for (const t of titles) expect(headingTexts.some((x) => x.toLowerCase().includes(t.toLowerCase()))).toBe(true);
    expect(all(body, /<w:endnoteReference w:id="(\d+)"/).length).toBeGreaterThan(0);

    // The File menu's item and the keyboard shortcut reach the same export.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await exportThroughReview(h, () => h.menu('export-word'));
    await expect.poll(() => h.savedFiles.length, { timeout: 60_000 }).toBe(2);
    await expect.poll(() => page.locator('.export-status .status-text').textContent(), { timeout: 60_000 }).toMatch(/^Saved .*\.docx/);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await exportThroughReview(h, () => page.locator('body').press('Control+Shift+E'));
    await expect.poll(() => h.savedFiles.length, { timeout: 60_000 }).toBe(3);
    expect(h.refused).toEqual([]);
  });
});
