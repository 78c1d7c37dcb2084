// End to end, as a new user meets the composer: the start screen, search in rank order with Enter to add,
// Save / Don't Save / Cancel before unsaved work is replaced, and "edited" clearing when undo returns to the file.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, useHarness, type Harness } from './harness.js';

const browser = browserOrSkipReason();

describe.skipIf('skip' in browser)('the writer’s desk in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x), { startScreen: true });

  const focusedLabel = () => h.page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? '');
  const windowTitle = () => h.page.title();

  it('greets a new user with the start screen: title field focused, templates, the examples; creates a decision memo', async () => {
    const { page } = h;
    const start = page.getByRole('dialog', { name: 'Start' });
    await start.waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.placeholder)).toBe('Untitled brief');
    await start.getByRole('button', { name: /^Open a copy of the example/ }).first().waitFor();
    expect(await start.getByRole('list', { name: 'Example briefs' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    expect(await axeViolations(page)).toEqual([]);

    await start.getByRole('textbox', { name: 'Title' }).fill('Quantum sharing note');
    await start.getByRole('radio', { name: /Decision memo/ }).check();
    await start.getByRole('button', { name: 'Create brief' }).click();
    await start.waitFor({ state: 'detached' });
    // The empty brief's next step is the library search, which has focus.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await page.getByRole('tab', { name: 'Settings' }).click();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Quantum sharing note');
    expect(await page.getByLabel('Template').inputValue()).toBe('decision-memo');
    await page.getByRole('tab', { name: 'Outline' }).click();
  });

  it('lists search results best match first; Enter adds the top hit and focus lands on it in the outline', async () => {
    const { page } = h;
    const search = page.getByLabel('Search sections and facts');
    await search.fill('export controls');
    const ranked = page.getByRole('list', { name: 'Matching sections' });
    await expect.poll(() => ranked.locator('.section-title').first().textContent()).toBe('Export controls');
    await expect.poll(() => page.locator('#search-enter-hint').textContent()).toBe('Enter adds “Export controls”.');
    await search.press('Enter');
    await expect.poll(() => page.locator('.outline-title').allTextContents()).toEqual(['Export controls']);
    await expect.poll(focusedLabel).toMatch(/^Export controls/);

    // Grouping by topic is still there, as a choice.
    await page.getByLabel('Group results by topic').check();
    await page.getByRole('list', { name: 'Matching sections' }).waitFor({ state: 'detached' });
    await page.getByLabel('Group results by topic').uncheck();
    await search.fill('');
  });

  it('clears “edited” when undo returns the brief to what was saved', async () => {
    const { page } = h;
    await page.locator('body').press('Control+s');
    await page.getByText(/^Saved Quantum sharing note\.brief\./).waitFor();
    await expect.poll(windowTitle).toBe('Quantum sharing note.brief — Briefing Builder');
    await page.getByLabel('Search sections and facts').fill('semiconductors');
    await page.getByRole('button', { name: 'Add Semiconductors' }).click();
    await expect.poll(windowTitle).toBe('• Quantum sharing note.brief — Briefing Builder');
    await page.getByLabel('Search sections and facts').fill('');
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.locator('body').press('Control+z');
    await expect.poll(() => page.locator('.outline-title').allTextContents()).toEqual(['Export controls']);
    await expect.poll(windowTitle).toBe('Quantum sharing note.brief — Briefing Builder');
  });

  it('asks Save / Don’t Save / Cancel before an example replaces unsaved work; Ctrl+N opens the start screen', async () => {
    const { page } = h;
    await page.getByLabel('Search sections and facts').fill('semiconductors');
    await page.getByRole('button', { name: 'Add Semiconductors' }).click();
    await expect.poll(windowTitle).toMatch(/^• /);

    await page.locator('body').press('Control+n');
    const start = page.getByRole('dialog', { name: 'Start' });
    await start.waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.placeholder)).toBe('Untitled brief');
    await start.getByRole('button', { name: /^Open a copy of the example “T12 at a Glance/ }).click();

    const prompt = page.getByRole('dialog', { name: 'Save your changes?' });
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('“Quantum sharing note” has changes that are not saved. Save them before opening the example?');
    await expect.poll(focusedLabel).toBe('Save');
    expect(await axeViolations(page)).toEqual([]);
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    await prompt.waitFor({ state: 'detached' });
    expect(await page.locator('.outline-title').allTextContents()).toEqual(['Export controls', 'Semiconductors']);

    await page.locator('body').press('Control+n');
    await start.getByRole('button', { name: /^Open a copy of the example “T12 at a Glance/ }).click();
    await prompt.getByRole('button', { name: 'Don’t Save' }).click();
    await expect.poll(windowTitle).toMatch(/^T12 at a Glance/);
    await expect.poll(() => page.locator('.outline-title').first().textContent()).toBe('The issue');
    // A copy: Save asks where (it never writes the bundled example).
    await page.locator('body').press('Control+s');
    await expect.poll(() => h.savedBriefs.length).toBe(2);
    expect(h.savedBriefs[1]!.startsWith(h.outDir)).toBe(true);
    expect(h.refused).toEqual([]);
  });
});
