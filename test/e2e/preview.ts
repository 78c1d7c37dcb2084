// Reading the live preview the way a user looks at it: go to a page with the pager, read its text layer.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Waits until the preview shows the latest brief, then returns its page count. */
export async function previewUpToDate(page: Page, timeout = 30_000): Promise<number> {
  await expect.poll(() => page.locator('.preview-status').textContent(), { timeout }).toMatch(/^Up to date/);
  return Number(await page.locator('.page-input input').getAttribute('max'));
}

/** The text of page `n` as drawn from the newest PDF (the page is scrolled into view first). */
export async function previewPageText(page: Page, n: number): Promise<string> {
  await page.locator('.page-input input').fill(String(n));
  await page.waitForFunction((k) => {
    const seq = document.querySelector('.preview-frame')?.getAttribute('data-preview-seq');
    const el = document.querySelector(`.pdf-page[data-page="${k}"]`);
    return !!seq && el?.getAttribute('data-drawn') === seq && (el.querySelector('.textLayer')?.childElementCount ?? 0) > 0;
  }, n);
  return squash((await page.locator(`.pdf-page[data-page="${n}"] .textLayer`).textContent()) ?? '');
}

/** The page number the pager shows: the page at the top of the view. */
export async function previewCurrentPage(page: Page): Promise<number> {
  return Number(await page.locator('.page-input input').inputValue());
}
