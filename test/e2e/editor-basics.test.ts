// The editor's everyday keys and views: Ctrl+B / Ctrl+I, the word count, fact references shown as their printed
// value (the markup back where the cursor is), F6 and the skip links between panes, the collapsible warnings panel.
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, useHarness, type Harness } from './harness.js';

const browser = browserOrSkipReason();

describe.skipIf('skip' in browser)('editor basics in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));
  const activeLabel = () =>
    h.page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return a?.getAttribute('aria-label') ?? a?.closest('[aria-label]')?.getAttribute('aria-label') ?? a?.tagName ?? '';
    });

  it('bolds and italicises the selection, counts words, and shows a fact reference as its statement until the cursor reaches it', async () => {
    const { page } = h;
    await page.getByLabel('Search sections and facts').fill('semiconductors');
    await page.getByRole('button', { name: 'Add Semiconductors' }).click();
    await page.locator('.outline-select', { hasText: 'Semiconductors' }).click();
    const editor = page.getByRole('textbox', { name: /^Text of section / });
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.type('Chips matter');
    await expect.poll(() => page.locator('.word-count').textContent()).toMatch(/^2 words in this section · 2 words in the brief$/);

    // Ctrl+B around the selected word, then Ctrl+I; pressing again takes the marks off.
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.keyboard.press('Control+b');
    await expect.poll(() => editor.textContent()).toBe('Chips **matter**');
    await page.keyboard.press('Control+i');
    // The selection is still the word inside the bold marks, so italic goes inside them.
    await expect.poll(() => editor.textContent()).toBe('Chips **_matter_**');
    await page.keyboard.press('Control+i');
    await page.keyboard.press('Control+b');
    await expect.poll(() => editor.textContent()).toBe('Chips matter');
    // Markup is not words.
    expect(await page.locator('.word-count').textContent()).toMatch(/^2 words/);

    // A fact reference: raw while the cursor touches it, the printed statement once the cursor leaves.
    const facts = await page.evaluate(() => (window as unknown as { briefing: { listFacts(): Promise<{ fact: { id: string; statement: string } }[]> } }).briefing.listFacts());
    const fact = facts.find((f) => f.fact.id.startsWith('semis-'))?.fact ?? facts[0]!.fact;
    await page.keyboard.press('End');
    await page.keyboard.type(` {{fact:${fact.id}}}`);
    await page.keyboard.press('Escape');
    const shown = page.locator('.cm-ref-shown');
    expect(await shown.count()).toBe(0);
    await page.keyboard.press('Home');
    await expect.poll(() => shown.count()).toBe(1);
    const printed = await shown.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(printed).toBe(JSON.stringify(`${fact.statement.trim()}†`));
    // The markup is still the text (copy, find and undo see it), only drawn at no width.
    expect(await editor.textContent()).toBe(`Chips matter {{fact:${fact.id}}}`);
    await page.keyboard.press('End');
    await expect.poll(() => shown.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('F6 and Shift+F6 cycle the panes; the skip links jump to them; the warnings panel folds away', async () => {
    const { page } = h;
    await page.getByLabel('Search sections and facts').fill('biotechnology');
    await page.getByRole('button', { name: 'Add Biotechnology' }).click();
    await page.locator('.outline-select', { hasText: 'Biotechnology' }).click();
    await page.getByLabel('Search sections and facts').focus();
    await page.keyboard.press('F6');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.pane.brief, [aria-labelledby="brief-heading"]'))).toBe(true);
    await page.keyboard.press('F6');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.matches('#editor .cm-content'))).toBe(true);
    await page.keyboard.press('F6');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.pane.preview'))).toBe(true);
    await page.keyboard.press('Shift+F6');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('#editor'))).toBe(true);

    // The skip links are the page's first Tab stops; each lands in its pane.
    const firstStop = await page.evaluate(() => document.querySelector('a[href], button:not(:disabled), input, select, textarea, [tabindex]:not([tabindex="-1"])')?.textContent);
    expect(firstStop).toBe('Skip to library');
    await page.getByRole('link', { name: 'Skip to preview' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.pane.preview'))).toBe(true);
    expect(await activeLabel()).not.toBe('');

    // The warnings panel folds to its heading and opens again, saying which it is.
    const toggle = page.locator('.warnings-toggle');
    const expanded = await toggle.getAttribute('aria-expanded');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe(expanded === 'true' ? 'false' : 'true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe(expanded);
    expect(await axeViolations(page)).toEqual([]);
  });
});
