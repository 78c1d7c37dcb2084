// e2e helper: an export asked for by `ask` (a button, the menu, a shortcut), with "Review before export" answered
// Export anyway when the brief has warnings; a brief without any goes straight to the save dialog.
import { expect } from 'vitest';
import type { Harness } from './harness.js';

export async function exportThroughReview(h: Harness, ask: () => Promise<unknown>): Promise<void> {
  const before = h.savedFiles.length;
  await ask();
  const review = h.page.getByRole('dialog', { name: 'Review before export' });
  await expect.poll(async () => (await review.count()) > 0 || h.savedFiles.length > before, { timeout: 60_000 }).toBe(true);
  if ((await review.count()) === 0) return;
  await review.getByRole('button', { name: 'Export anyway' }).click();
  await review.waitFor({ state: 'detached' });
}
