// The brief's structure as a writer shapes it: a blank section of the brief's own, renaming in the brief,
// summary or normal style, and badges that say in words where a section's text comes from.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, useHarness, type Harness } from './harness.js';
import { previewPageText, previewUpToDate } from './preview.js';

const browser = browserOrSkipReason();

describe.skipIf('skip' in browser)('brief structure in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));
  const focused = () => h.page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el ? { label: el.closest('label')?.textContent ?? '', selected: el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0) } : null;
  });

  it('adds a blank section of the brief’s own, named at once; renames and restyles a library section', async () => {
    const { page } = h;
    await page.getByLabel('Search sections and facts').fill('semiconductors');
    await page.getByRole('button', { name: 'Add Semiconductors' }).click();
    await expect.poll(() => page.locator('.outline-item .badge').allTextContents()).toEqual(['Follows the library']);
    const listSections = () => page.evaluate(() => (window as unknown as { briefing: { listSections(): Promise<{ id: string; title: string }[]> } }).briefing.listSections());
    const librarySections = await listSections();

    // Blank section: it opens with its title selected, so typing names it.
    await page.getByRole('button', { name: 'Blank section' }).click();
    await expect.poll(focused).toEqual({ label: 'Section title', selected: 'New section' });
    await page.keyboard.type('What we ask of partners');
    await page.locator('.cm-content').click();
    await page.keyboard.type('Three asks, in order of cost.');
    await expect.poll(() => page.locator('.outline-title').allTextContents()).toEqual(['Semiconductors', 'What we ask of partners']);
    expect(await page.locator('.outline-item .badge').allTextContents()).toEqual(['Follows the library', 'Only in this brief']);
    // Nothing was written to a library.
    expect((await listSections()).length).toBe(librarySections.length);
    // It is the last section, so it ends the last page.
    await expect.poll(async () => previewPageText(page, await previewUpToDate(page))).toMatch(/What we ask of partners ?Three asks, in order of cost\./);

    // Renaming a library section in the brief makes it the brief's copy; the library keeps its title.
    await page.locator('.outline-select', { hasText: 'Semiconductors' }).click();
    const title = page.getByRole('textbox', { name: 'Section title' });
    expect(await title.inputValue()).toBe('Semiconductors');
    await title.fill('Chips, briefly');
    await expect.poll(() => page.locator('.outline-title').first().textContent()).toBe('Chips, briefly');
    expect(await page.locator('.outline-item .badge').first().textContent()).toBe('Your copy');
    expect((await listSections()).find((s) => s.id === 'priorities-semiconductors')?.title).toBe('Semiconductors');

    // Summary style: the section is set as the boxed summary.
    await page.getByRole('combobox', { name: 'Set as' }).selectOption('summary');
    await previewUpToDate(page);
    expect(await axeViolations(page)).toEqual([]);
    // One undo step per kind of change: style, then the rename, each undone in turn.
    await page.locator('body').press('Control+z');
    expect(await page.getByRole('combobox', { name: 'Set as' }).inputValue()).toBe('normal');
    await page.locator('.outline-title').first().click();
    await page.locator('body').press('Control+z');
    await expect.poll(() => page.locator('.outline-title').first().textContent()).toBe('Semiconductors');
    await expect.poll(() => page.locator('.outline-item .badge').first().textContent()).toBe('Follows the library');
  });
  it('lists the headings inside the sections in a folding outline; choosing one selects it in the editor', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Blank section' }).click();
    await page.keyboard.type('Options');
    await page.locator('.cm-content').click();
    await page.keyboard.type('Lead in.\n\n## Keep the coalition small\n\nText.\n\n### Who joins first\n\nMore.');
    const outline = page.locator('.heading-outline');
    await outline.locator('summary').first().click();
    const list = page.getByRole('list', { name: 'Headings in Options' });
    await expect.poll(() => list.getByRole('button').allTextContents()).toEqual(['Keep the coalition small', 'Who joins first']);
    // Open another section, then go to a heading of this one: its section opens with the heading selected.
    await page.locator('.outline-select').first().click();
    await list.getByRole('button', { name: 'Who joins first' }).click();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('### Who joins first');
    expect(await page.getByRole('textbox', { name: 'Section title' }).inputValue()).toBe('Options');
    expect(await axeViolations(page)).toEqual([]);
  });
});
