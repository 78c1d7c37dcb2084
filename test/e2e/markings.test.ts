// End to end: mark sections in the composer, see the preview's banner follow, have an unmarked export blocked, export a DRAFT and a releasable copy.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, useHarness, type Harness } from './harness.js';
import { exportThroughReview } from './review.js';
import { previewPageText, previewUpToDate } from './preview.js';
import { readPdfText } from '../support/read-pdf.js';

const browser = browserOrSkipReason();

/** A saved PDF's text, once the export has written it (the dialog answers before the file exists). */
async function savedPdf(h: Harness, i: number) {
  await expect.poll(() => h.savedFiles.length, { timeout: 60_000 }).toBeGreaterThan(i);
  await expect.poll(() => page(h), { timeout: 60_000 }).toMatch(/^Saved /);
  return readPdfText(h.savedFiles[i]!);
}
const page = (h: Harness) => h.page.locator('.export-status .status-text').textContent();

/** The preview's first page text, once the preview is up to date. */
async function previewFirstPage(h: Harness): Promise<string> {
  const { page } = h;
  await previewUpToDate(page);
  return previewPageText(page, 1);
}

describe.skipIf('skip' in browser)('markings in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  it('marks sections with the picker, the preview banner follows, an unmarked export is blocked, a DRAFT and a releasable copy go out', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /^Add / }).first().waitFor();
    const titles: string[] = [];
    for (let i = 0; i < 2; i++) {
      const button = page.getByRole('button', { name: /^Add / }).nth(0);
      const label = (await button.getAttribute('aria-label'))!.replace(/^Add /, '');
      titles.push(label);
      await button.click();
      await page.getByRole('button', { name: `Added ${label}` }).waitFor();
    }
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Marking profile').selectOption('us-classified');
    await page.getByText('it does not make a computer fit to hold classified information').first().waitFor();
    const settingsAxe = await axeViolations(page);

    // With nothing marked, the preview is a draft: its banner says the markings are incomplete.
    await expect.poll(() => previewFirstPage(h), { timeout: 30_000 }).toContain('DRAFT — MARKINGS INCOMPLETE');

    // An export is blocked before any save dialog: the review lists the marking errors first and offers no
    // "Export anyway", only the DRAFT copy.
    await page.getByRole('button', { name: 'Export PDF…' }).click();
    const review = page.getByRole('dialog', { name: 'Review before export' });
    await review.getByRole('heading', { name: 'Marking errors — these block export' }).waitFor({ timeout: 30_000 });
    expect(await review.textContent()).toContain(`section "${titles[0]}" has no marking`);
    expect(await review.getByRole('button', { name: 'Export anyway' }).count()).toBe(0);
    expect(h.savedFiles).toHaveLength(0);
    const blockedAxe = await axeViolations(page);
    await review.getByRole('button', { name: 'Cancel' }).click();
    await review.waitFor({ state: 'detached' });
    // The warnings list the marking errors first; "Go to" lands on the section's marking picker.
    await page.locator('.warnings-panel button.link', { hasText: 'Error — Unmarked portion' }).first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('section-marking-level');

    // "Export DRAFT copy…" goes out, and says DRAFT on every page.
    await page.getByRole('button', { name: 'Export PDF…' }).click();
    await review.getByRole('button', { name: 'Export DRAFT copy…' }).click();
    const draft = await savedPdf(h, 0);
    for (const p of draft.pages) expect(p).toContain('DRAFT — MARKINGS INCOMPLETE');
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // Mark the first section UNCLASSIFIED and the second SECRET//NOFORN, and fill the authority block.
    for (const [i, title] of titles.entries()) {
      await page.getByRole('tab', { name: /^Outline/ }).click();
      await page.locator('.outline-select', { hasText: title }).first().click();
      const picker = page.getByRole('group', { name: `Marking of “${title}”` });
      await picker.getByLabel('Level').selectOption(i === 1 ? 'S' : 'U');
      if (i === 1) await picker.getByLabel('NOFORN').check();
      await expect.poll(() => picker.getByLabel('Portion mark').textContent()).toBe(i === 1 ? '(S//NF)' : '(U)');
    }
    const pickerAxe = await axeViolations(page);
    // Now the brief is SECRET, its authority fields are errors; "Go to" lands on the field in Settings.
    await page.locator('.warnings-panel button.link', { hasText: '"Classified By" is not filled in' }).click({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('marking-field-classifiedBy');
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Classified By').fill('J. Roe, Director, Office of Exercises');
    await page.getByLabel('Derived From').fill('Multiple Sources');
    await page.getByLabel('Declassify On').fill('2036-12-31');
    await page.getByText('"Declassify On" reads "2036-12-31", which is not in the expected form').waitFor();
    await page.getByLabel('Declassify On').fill('20361231');

    await expect.poll(() => previewFirstPage(h), { timeout: 30_000 }).toContain('SECRET//NOFORN');
    expect(await previewFirstPage(h)).not.toContain('DRAFT');

    await exportThroughReview(h, () => page.getByRole('button', { name: 'Export PDF…' }).click());
    const pdf = await savedPdf(h, 1);
    for (const p of pdf.pages) expect(p).toContain('SECRET//NOFORN');
    expect(pdf.pages[0]).toContain('Declassify On: 20361231');
    await page.getByRole('button', { name: 'Dismiss' }).click();

    // A releasable copy at UNCLASSIFIED: previewed first, then exported; the SECRET section is not in its bytes.
    await page.getByRole('button', { name: 'Releasable copy…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export releasable copy' });
    await dialog.getByLabel('Highest level').selectOption('U');
    const releaseAxe = await axeViolations(page);
    await dialog.getByRole('button', { name: 'Preview copy' }).click();
    await page.getByText('Previewing the releasable copy at UNCLASSIFIED').waitFor();
    await expect.poll(() => previewFirstPage(h), { timeout: 30_000 }).toContain('UNCLASSIFIED');
    expect(await previewFirstPage(h)).toContain('Derived copy');
    await page.getByRole('button', { name: 'Export this copy…' }).click();
    const copy = await savedPdf(h, 2);
    expect(copy.text).not.toContain(titles[1]!);
    expect(copy.text).toContain(titles[0]!);
    for (const p of copy.pages) expect(p).toContain('UNCLASSIFIED');
    await page.getByRole('button', { name: 'Show the whole brief' }).click();
    await expect.poll(() => previewFirstPage(h), { timeout: 30_000 }).toContain('SECRET//NOFORN');

    expect(h.refused).toEqual([]);
    expect({ settingsAxe, blockedAxe, pickerAxe, releaseAxe }).toEqual({ settingsAxe: [], blockedAxe: [], pickerAxe: [], releaseAxe: [] });
  });
});
