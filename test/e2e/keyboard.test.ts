// End to end, keyboard first: the command palette (Ctrl+Shift+P) lists the menu's commands with their shortcuts,
// filters as you type and runs the chosen one; the library, outline and warnings lists are one Tab stop each with
// arrows inside; focus stays put after keyboard actions. Also counts the Tab presses from the top to the editor.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, useHarness, type Harness } from './harness.js';

const browser = browserOrSkipReason();

/** A brief of `n` sections written for it (none from the library, so every library Add button stays); the first
 * three cite a fact that does not exist, which gives the warnings list three entries. */
function briefWith(n: number): string {
  const sections = Array.from({ length: n }, (_, i) => ({
    kind: 'detached',
    id: `own-${i + 1}`,
    title: `Part ${i + 1}`,
    body: i < 3 ? `Text of part ${i + 1}. {{fact:no-such-fact-${i + 1}}}` : `Text of part ${i + 1}.`,
  }));
  return JSON.stringify({
    format: 'briefing-builder/brief',
    version: 1,
    meta: { title: 'Forty parts', template: 'issue-brief', paper: 'letter', date: '2026-11-25', authors: [], language: 'en-US' },
    sections,
    variables: {},
    pins: {},
  });
}

describe.skipIf('skip' in browser)('the keyboard in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  /** What has focus, described: its accessible-ish name and the list it is in. */
  const focused = () =>
    h.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '', row: el?.closest('li')?.getAttribute('data-key') ?? null };
    });
  const outlineTitles = () => h.page.locator('.outline-title').allTextContents();

  it('opens a brief of 40 sections', async () => {
    const { page } = h;
    const file = path.join(h.outDir, 'forty.brief');
    await fsp.writeFile(file, briefWith(40));
    h.openQueue.push(file);
    await h.menu('open');
    await expect.poll(() => page.locator('.outline-title').count()).toBe(40);
    await page.locator('.outline-select').first().click();
    await page.getByRole('textbox', { name: 'Text of section Part 1' }).waitFor();
  });

  it('reaches the editor from the top of the page with one Tab stop per list', async () => {
    const { page } = h;
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    // Every stop on the way, by the list it belongs to (if any).
    const stops: string[] = [];
    while (stops.length < 400) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        if (el?.closest('.cm-editor')) return 'editor';
        if (el?.closest('ol.outline')) return 'outline';
        if (el?.closest('.section-list')) return 'library sections';
        return el?.tagName ?? 'none';
      });
      stops.push(where);
      if (where === 'editor') break;
    }
    console.log(`Tab presses from the top of the page to the editor, 40 sections: ${stops.length}`);
    expect(stops.at(-1)).toBe('editor');
    expect(stops.filter((s) => s === 'outline')).toHaveLength(1);
    expect(stops.filter((s) => s === 'library sections')).toHaveLength(1);
    // Before roving focus this walk took 207 presses (30 Add buttons, four stops per outline row).
    expect(stops.length).toBeLessThan(60);
  });

  it('walks the outline with the arrows, and comes back by Tab to the row it left', async () => {
    const { page } = h;
    const outline = page.getByRole('list', { name: 'Sections in the brief' });
    // One control of the list is in the Tab order, the rest are not (but are still there to click).
    const inTabOrder = () => outline.locator('[tabindex="0"]').count();
    await page.locator('.outline-item[data-key="own-1"] .outline-select').focus();
    expect(await inTabOrder()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toMatchObject({ row: 'own-2' });
    await page.keyboard.press('End');
    await expect.poll(focused).toMatchObject({ row: 'own-40' });
    await page.keyboard.press('Home');
    await expect.poll(focused).toMatchObject({ row: 'own-1' });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toMatchObject({ row: 'own-3' });
    // Left/Right reach the row's own buttons.
    await page.keyboard.press('ArrowRight');
    await expect.poll(focused).toEqual({ label: 'Move Part 3 up', row: 'own-3' });
    await page.keyboard.press('ArrowRight');
    await expect.poll(focused).toEqual({ label: 'Move Part 3 down', row: 'own-3' });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await focused()).label).toMatch(/^Part 3/);
    expect(await inTabOrder()).toBe(1);
    // Out by Tab and back by Shift+Tab: the list remembers the row.
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await focused()).row).not.toBe('own-3');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(focused).toMatchObject({ row: 'own-3' });
    // The buttons are still there for the mouse and for role-based tests.
    expect(await outline.getByRole('button', { name: 'Remove Part 3', exact: true }).count()).toBe(1);
  });

  it('keeps focus on a section moved with Alt+Down, and on the next row after Delete; Enter opens it', async () => {
    const { page } = h;
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await outlineTitles()).slice(0, 4)).toEqual(['Part 1', 'Part 2', 'Part 4', 'Part 3']);
    await expect.poll(focused).toMatchObject({ row: 'own-3' });
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await outlineTitles()).slice(0, 4)).toEqual(['Part 1', 'Part 2', 'Part 3', 'Part 4']);
    await expect.poll(focused).toMatchObject({ row: 'own-3' });
    // The move button, reached by the arrows, moves it too and focus stays on the row.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await focused()).label).toBe('Move Part 3 down');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await outlineTitles()).slice(0, 4)).toEqual(['Part 1', 'Part 2', 'Part 4', 'Part 3']);
    await expect.poll(focused).toMatchObject({ row: 'own-3' });

    await page.locator('.outline-item[data-key="own-40"] .outline-select').focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.outline-title').count()).toBe(39);
    // The last row went: focus is on the one before it.
    await expect.poll(focused).toMatchObject({ row: 'own-39' });
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Text of section Part 2' }).waitFor();
    expect(await page.locator('.outline-select[aria-current="true"]').textContent()).toMatch(/^Part 2/);
  });

  it('walks the library’s sections with the arrows, one Tab stop for every topic group', async () => {
    const { page } = h;
    const list = page.locator('.section-list');
    await page.getByRole('button', { name: /^Add / }).first().focus();
    const first = (await focused()).label;
    expect(await list.locator('[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    const second = (await focused()).label;
    expect(second).toMatch(/^Add /);
    expect(second).not.toBe(first);
    await page.keyboard.press('End');
    const last = await page.getByRole('button', { name: /^Add / }).last().getAttribute('aria-label');
    await expect.poll(async () => (await focused()).label).toBe(last);
    await page.keyboard.press('Home');
    await expect.poll(async () => (await focused()).label).toBe(first);
    expect(await list.locator('[tabindex="0"]').count()).toBe(1);
    expect(await list.locator('button[tabindex="-1"]').count()).toBeGreaterThan(20);
  });

  it('walks the warnings with the arrows; Enter opens the section a warning is about', async () => {
    const { page } = h;
    const warnings = page.getByRole('list', { name: 'Warnings' });
    await expect.poll(() => warnings.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    expect(await warnings.locator('[tabindex="0"]').count()).toBe(1);
    await warnings.getByRole('button').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused()).label).toMatch(/^Missing fact in “Part 3”/);
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focused()).label).toMatch(/^Missing fact in “Part 2”/);
    expect(await warnings.locator('[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Text of section Part 2' }).waitFor();
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.cm-editor'))).toBe(true);
  });

  it('opens the command palette with Ctrl+Shift+P, lists commands with their shortcuts, Escape gives focus back', async () => {
    const { page } = h;
    const search = page.getByLabel('Search sections and facts');
    await search.focus();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    const box = palette.getByRole('combobox', { name: 'Type a command' });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    const options = palette.getByRole('listbox', { name: 'Commands' }).getByRole('option');
    const texts = await options.allTextContents();
    // Every menu command, with the shortcut as Linux writes it, and the renderer's own keys.
    for (const t of ['File: SaveCtrl+S', 'File: Save As…Ctrl+Shift+S', 'View: Command Palette…Ctrl+Shift+P', 'Edit: Find in LibraryCtrl+F', 'Help: About Briefing Builder', 'Editor: BoldCtrl+B', 'View: Next PaneF6']) expect(texts).toContain(t);
    expect(await palette.locator('[aria-selected="true"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'detached' });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('filters as you type, best match first; arrows move the highlight; Enter runs About', async () => {
    const { page } = h;
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    const box = palette.getByRole('combobox', { name: 'Type a command' });
    const options = palette.getByRole('option');
    await box.fill('save');
    await expect.poll(() => options.allTextContents()).toEqual(['File: SaveCtrl+S', 'File: Save As…Ctrl+Shift+S']);
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(await palette.locator(`#${active}`).textContent()).toBe('File: Save As…Ctrl+Shift+S');
    expect(await palette.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    // Letters in order, not together: "abt" finds About.
    await box.fill('abt');
    await expect.poll(async () => (await options.allTextContents())[0]).toBe('Help: About Briefing Builder');
    await box.fill('zzzz');
    await palette.getByText('No command matches “zzzz”.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await box.fill('about');
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await page.getByRole('alert').filter({ hasText: /works offline; nothing leaves this computer/ }).waitFor();
    // Back where it was: the library search.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  });

  it('runs an editor shortcut from the palette on the text where focus was (Bold)', async () => {
    const { page } = h;
    const editor = page.getByRole('textbox', { name: 'Text of section Part 2' });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' plain');
    await page.keyboard.press('Control+Shift+ArrowLeft');
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox').fill('bold');
    await expect.poll(async () => (await palette.getByRole('option').allTextContents())[0]).toBe('Editor: BoldCtrl+B');
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await expect.poll(() => editor.textContent()).toContain('**plain**');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.cm-editor'))).toBe(true);

    // A window-wide renderer shortcut: Find in Brief (Ctrl+Shift+F) opens its panel.
    await page.keyboard.press('Control+Shift+P');
    await palette.getByRole('combobox').fill('find in brief');
    await expect.poll(async () => (await palette.getByRole('option').allTextContents())[0]).toBe('Edit: Find in BriefCtrl+Shift+F');
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await page.getByRole('complementary', { name: 'Find in brief' }).waitFor();
    await page.getByRole('button', { name: 'Close Find in brief' }).click();
  });
});
