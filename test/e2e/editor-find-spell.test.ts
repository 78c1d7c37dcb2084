// End to end in Chromium: find and replace in a section (CodeMirror's panel, styled under the strict CSP), Find in
// brief with Go to and Replace all as one undo step, and offline spell check with suggestions, Ignore and a personal
// dictionary that survives a restart on the same user-data folder.
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, SCREENSHOTS, startHarness, type Harness } from './harness.js';

const browser = browserOrSkipReason();

describe.skipIf('skip' in browser)('editor find, replace and spell check in Chromium', () => {
  let h: Harness;
  let userDataDir: string;
  const exe = () => (browser as { path: string }).path;

  beforeAll(async () => {
    await fsp.mkdir(SCREENSHOTS, { recursive: true });
    userDataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'briefing-spell-'));
    h = await startHarness(exe(), { userDataDir });
  });
  afterAll(async () => {
    await h?.close();
    await fsp.rm(userDataDir, { recursive: true, force: true });
  });

  const editorOf = (title: string) => h.page.getByRole('textbox', { name: `Text of section ${title}` });
  const activeName = () => h.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? (document.activeElement as HTMLInputElement | null)?.name ?? '');
  // The library's own text has words no dictionary knows (fabs, chokepoints): the test looks at the words it types.
  const OURS = ['colour', 'teh', 'goverment', 'exampel', 'pagez', 'ministr', 'codde', 'CUI', 'Flurbish', 'Zorblatt', 'Blorpt'];
  const flagged = async () => (await h.page.locator('.cm-misspelt').allTextContents()).filter((w) => OURS.includes(w));

  async function add(query: string, title: string) {
    const search = h.page.getByLabel('Search sections and facts');
    await search.fill(query);
    await h.page.getByRole('button', { name: `Add ${title}` }).click();
    await search.fill('');
  }

  async function typeAtEnd(title: string, text: string) {
    await h.page.locator('.outline-select', { hasText: title }).click();
    const editor = editorOf(title);
    await editor.click();
    await h.page.keyboard.press('Control+End');
    await h.page.keyboard.type(text);
  }

  it('Ctrl+F in the text opens find and replace for the section (styled, labelled, axe clean); elsewhere Ctrl+F is the library search', async () => {
    const { page } = h;
    await add('semiconductors', 'Semiconductors');
    await add('export controls', 'Export controls');
    await typeAtEnd('Semiconductors', '\n\nThe colour of teh sky and teh sea.');

    await page.keyboard.press('Control+f');
    const panel = page.getByRole('search', { name: 'Find and replace in this section' });
    await panel.waitFor();
    await expect.poll(activeName).toBe('Find');
    // CodeMirror's styles reach the page through the nonce'd <style>: the panel's own rules and ours apply.
    expect(await page.locator('.cm-search').evaluate((e) => getComputedStyle(e).paddingRight)).toBe('28px');
    expect(await page.locator('.cm-search button[name=close]').evaluate((e) => getComputedStyle(e).position)).toBe('absolute');
    for (const name of ['Match case', 'Whole word', 'Regular expression']) await panel.getByLabel(name).waitFor();
    await page.keyboard.type('teh');
    await panel.getByRole('textbox', { name: 'Replace with' }).fill('the');
    await panel.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => editorOf('Semiconductors').textContent()).toContain('The colour of the sky and the sea.');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'section-find-replace.png') });
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole('button', { name: 'Close find and replace' }).click();
    await panel.waitFor({ state: 'detached' });

    // Ctrl+H: the same panel, the cursor in Replace with.
    await editorOf('Semiconductors').click();
    await page.keyboard.press('Control+h');
    await expect.poll(activeName).toBe('Replace with');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // Outside the text, Ctrl+F still goes to the library search.
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.locator('body').press('Control+f');
    await expect.poll(() => page.getByLabel('Search sections and facts').evaluate((e) => e === document.activeElement)).toBe(true);
  });

  it('Find in brief lists matches by section, Go to selects the match, Replace all is one undo step', async () => {
    const { page } = h;
    await typeAtEnd('Semiconductors', ' A ledger line.');
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.locator('body').press('Control+Shift+F');
    const panel = page.getByRole('complementary', { name: 'Find in brief' });
    await panel.waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await page.keyboard.type('ledger');
    const hits = panel.getByRole('list', { name: 'Matches in the brief' }).getByRole('button');
    await expect.poll(() => hits.count()).toBe(2);
    expect(await hits.nth(0).textContent()).toMatch(/^Semiconductors.*ledger line/);
    expect(await hits.nth(1).textContent()).toMatch(/^Export controls.*side of the ledger/);
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('2 matches in 2 of 2 sections.');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'find-in-brief.png') });
    expect(await axeViolations(page)).toEqual([]);

    // Go to: the section opens with the match selected.
    await hits.nth(1).click();
    await editorOf('Export controls').waitFor();
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('ledger');

    // Replace all in brief: both sections, the linked one becomes an edited copy; one Ctrl+Z undoes all of it.
    await page.keyboard.press('Control+Shift+H');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.find-brief') && (document.activeElement as HTMLInputElement).type)).toBe('text');
    await page.keyboard.type('balance sheet');
    await panel.getByRole('button', { name: 'Replace all in brief' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/^Replaced 2 matches in 2 sections\..*One linked section is now your edited copy\./);
    await expect.poll(() => editorOf('Export controls').textContent()).toContain('The other side of the balance sheet');
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorOf('Export controls').textContent()).toContain('The other side of the ledger');
    await panel.getByLabel('Find', { exact: true }).fill('balance sheet');
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('No match in the brief.');
    await panel.getByLabel('Find', { exact: true }).fill('ledger');
    await expect.poll(() => hits.count()).toBe(2);
    // Escape closes the panel.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('underlines misspelt prose only; a suggestion replaces the word; Ignore and Add to dictionary clear the mark', async () => {
    const { page } = h;
    await typeAtEnd('Semiconductors', ' (CUI) The goverment saw https://exampel.org/pagez and {{var:ministr}} `codde`.');
    await expect.poll(flagged).toEqual(['goverment']);
    const ms = await page.evaluate(() => (window as unknown as { __spellLoadMs?: number }).__spellLoadMs);
    console.log(`spell check: nspell with dictionary-en and dictionary-en-gb built in ${ms?.toFixed(0)} ms in Chromium`);

    await page.locator('.cm-misspelt', { hasText: 'goverment' }).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Spelling of “goverment”' });
    await menu.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'spell-menu.png') });
    await menu.getByRole('menuitem', { name: 'government', exact: true }).click();
    await expect.poll(() => editorOf('Semiconductors').textContent()).toContain('The government saw');
    await expect.poll(flagged).toEqual([]);

    // Ctrl+. on the word under the cursor; Ignore clears it for this session.
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Flurbish');
    await expect.poll(flagged).toEqual(['Flurbish']);
    await page.keyboard.press('Control+.');
    await page.getByRole('menu', { name: 'Spelling of “Flurbish”' }).getByRole('menuitem', { name: 'Ignore' }).click();
    await expect.poll(flagged).toEqual([]);

    // Add to dictionary by keyboard: the menu moves with arrows, Home and End (Add is just above Ignore, the last).
    await page.keyboard.type(' Zorblatt');
    await expect.poll(flagged).toEqual(['Zorblatt']);
    await page.keyboard.press('Control+.');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add “Zorblatt” to dictionary');
    await page.keyboard.press('Enter');
    await expect.poll(flagged).toEqual([]);
    await expect.poll(async () => JSON.parse(await fsp.readFile(path.join(userDataDir, 'spelling.json'), 'utf8').catch(() => '{}')).words).toEqual(['Zorblatt']);

    // The switch turns the underline off and on.
    await page.keyboard.type(' Blorpt');
    await expect.poll(flagged).toEqual(['Blorpt']);
    await page.getByLabel('Check spelling').uncheck();
    await expect.poll(flagged).toEqual([]);
    await page.getByLabel('Check spelling').check();
    await expect.poll(flagged).toEqual(['Blorpt']);
  });

  it('keeps the personal dictionary across a restart on the same user-data folder', async () => {
    await h.close();
    h = await startHarness(exe(), { userDataDir });
    await add('semiconductors', 'Semiconductors');
    await typeAtEnd('Semiconductors', '\n\nZorblatt and Flurbish.');
    // Added stays added; ignored was for the last session only.
    await expect.poll(flagged).toEqual(['Flurbish']);
  });
});
