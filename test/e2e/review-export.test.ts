// End to end: export asks first when the brief has warnings ("Review before export": Go to lands on the reference,
// Export anyway exports, Cancel returns focus); a stale fact's Still true… records a visible override and its
// warning goes; Replace with… swaps the reference for a current fact on the same subject; Edit a personal copy saves
// a copy to the personal library and cites it. Axe-clean dialogs.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FactSummary } from '../../shared/ipc/channels.js';
import type { Brief } from '../../shared/model/brief.js';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, useHarness, type Harness } from './harness.js';

const browser = browserOrSkipReason();
/** The harness's "today" in main (shared by the services' staleness and the review's date check). */
const MAIN_TODAY = '2026-11-25';

const activeText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? '');
const inEditor = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.cm-editor'));
const selectedText = (page: Page) => page.evaluate(() => document.getSelection()?.toString() ?? '');

describe.skipIf('skip' in browser)('review before export in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));
  let first = '';
  let second = '';

  it('opens the review on export with warnings: grouped by section, focus on Export anyway, Cancel goes back, Go to lands on the reference', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /^Add / }).first().waitFor();
    // A personal section citing two stale bundled facts; the second has current facts on its technology.
    const setup = await page.evaluate(async () => {
      const api = (window as unknown as { briefing: Record<string, (...a: unknown[]) => Promise<unknown>> }).briefing;
      const facts = (await api.listFacts!()) as FactSummary[];
      const stale = facts.filter((f) => f.stale);
      const current = facts.filter((f) => !f.stale);
      const withPeers = stale.filter((s) => current.some((c) => c.fact.tags.technologies.some((t) => s.fact.tags.technologies.includes(t))));
      const b = withPeers[0]!.fact.id;
      const a = stale.find((s) => s.fact.id !== b)!.fact.id;
      const meta = { id: 'review-demo', title: 'Review demo', topic: 'priorities', revision: 1 };
      await api.saveLibrarySection!(meta, `Intro line.\n\nFirst: {{fact:${a}}}\n\nSecond: {{fact:${b}}}\n`);
      const brief = (await api.assembleBrief!({ title: 'Review demo brief', template: 'issue-brief', date: '2026-11-25', sectionIds: ['review-demo'] })) as Brief;
      return { brief, a, b };
    });
    first = setup.a;
    second = setup.b;
    const file = path.join(h.outDir, 'review.brief');
    await fs.writeFile(file, JSON.stringify(setup.brief));
    h.openQueue.push(file);
    await page.locator('body').press('Control+o');
    await expect.poll(() => page.getByRole('tab', { name: /^Outline/ }).textContent()).toBe('Outline (1)');

    const exportButton = page.getByRole('button', { name: 'Export PDF…' });
    await exportButton.focus();
    await exportButton.click();
    const review = page.getByRole('dialog', { name: 'Review before export' });
    await review.waitFor();
    await expect.poll(() => activeText(page)).toBe('Export anyway');
    const group = review.getByRole('region', { name: 'Warnings in Section “Review demo”' });
    expect(await group.getByRole('listitem').count()).toBe(2);
    expect(await group.getByRole('listitem').first().textContent()).toContain(`fact "${first}" was due for review`);
    expect(await review.getByRole('button', { name: 'Still true…' }).count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);

    // Cancel: nothing exported, focus back on the button that asked.
    await review.getByRole('button', { name: 'Cancel' }).click();
    await review.waitFor({ state: 'detached' });
    expect(h.savedFiles).toHaveLength(0);
    await expect.poll(() => activeText(page)).toBe('Export PDF…');

    // Go to: the section opens with the cursor on the second fact's reference.
    await exportButton.click();
    await review.waitFor();
    await review.getByRole('button', { name: new RegExp(`^Go to: Stale fact, fact "${second}"`) }).click();
    await review.waitFor({ state: 'detached' });
    await expect.poll(() => inEditor(page)).toBe(true);
    await expect.poll(() => selectedText(page)).toBe(`{{fact:${second}}}`);
  });

  it('exports anyway from the review', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'Export PDF…' }).click();
    const review = page.getByRole('dialog', { name: 'Review before export' });
    await review.getByRole('button', { name: 'Export anyway' }).click();
    await review.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.export-status .status-text').textContent(), { timeout: 60_000 }).toMatch(/^Saved Review demo brief\.pdf — \d+ page/);
    expect(h.savedFiles).toHaveLength(1);
  });

  it('records Still true as a visible override in the personal library: the warning goes, the cursor lands on the reference', async () => {
    const { page } = h;
    const panel = page.getByRole('region', { name: /^Warnings/ });
    const staleItem = (id: string) => panel.getByRole('listitem').filter({ hasText: `fact "${id}" was due for review` });
    await staleItem(first).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await staleItem(first).getByRole('button', { name: 'Still true…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Still true?' });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Reviewed on').fill(MAIN_TODAY);
    await dialog.getByLabel('Note (optional)').fill('Checked against the source.');
    await dialog.getByRole('button', { name: 'Record review' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => staleItem(first).count(), { timeout: 20_000 }).toBe(0);
    expect(await staleItem(second).count()).toBe(1);
    await expect.poll(() => selectedText(page)).toBe(`{{fact:${first}}}`);

    // Said where the fact is listed, and listed (removable) in the Libraries view.
    const listed = page.locator(`.fact-item[data-fact-id="${first}"] .fact-review`);
    await expect.poll(() => listed.textContent()).toMatch(new RegExp(`^Reviewed by you on ${MAIN_TODAY}, overrides the bundled review date \\(\\d{4}-\\d{2}-\\d{2}\\) — “Checked against the source\\.”$`));
    await page.getByRole('button', { name: /^Libraries/ }).click();
    const libraries = page.getByRole('dialog', { name: 'Libraries' });
    const reviews = libraries.getByRole('list', { name: 'Your fact reviews' });
    await reviews.waitFor();
    expect(await reviews.getByRole('listitem').count()).toBe(1);
    expect(await reviews.getByRole('button', { name: `Remove your review of fact ${first}` }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await libraries.getByRole('button', { name: 'Done' }).click();
  });

  it('replaces a stale reference with a current fact on the same subject; the linked section becomes an edited copy', async () => {
    const { page } = h;
    const panel = page.getByRole('region', { name: /^Warnings/ });
    await panel.getByRole('listitem').filter({ hasText: `fact "${second}"` }).getByRole('button', { name: 'Replace with…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace with…' });
    const candidates = dialog.getByRole('list', { name: /^Current facts on the same subject/ });
    await candidates.waitFor();
    expect(await candidates.getByRole('button').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await candidates.getByRole('button').first().click();
    await dialog.waitFor({ state: 'detached' });

    const text = () => page.locator('.cm-content').textContent();
    await expect.poll(text).not.toContain(`{{fact:${second}}}`);
    expect(await text()).toContain(`{{fact:${first}}}`);
    const chosen = (await text())!.match(/Second: \{\{fact:([a-z0-9-]+)\}\}/)![1]!;
    await expect.poll(() => selectedText(page)).toBe(`{{fact:${chosen}}}`);
    expect(await page.locator('.editor-head .badge').textContent()).toMatch(/no longer follows the library/);
    await expect.poll(() => panel.getByRole('listitem').filter({ hasText: `fact "${second}"` }).count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => panel.getByRole('listitem').filter({ hasText: `fact "${chosen}"` }).count()).toBe(0);

    // With no warnings left, export goes ahead without a question.
    await page.getByRole('button', { name: 'Export PDF…' }).click();
    await expect.poll(() => h.savedFiles.length, { timeout: 60_000 }).toBe(2);
    expect(await page.getByRole('dialog', { name: 'Review before export' }).count()).toBe(0);
  });
  it('edits a personal copy of a stale fact: the form starts from it, the copy goes to the personal library, the brief cites the copy', async () => {
    const { page } = h;
    const third = await page.evaluate(async (skip) => {
      const api = (window as unknown as { briefing: Record<string, () => Promise<unknown>> }).briefing;
      return ((await api.listFacts!()) as FactSummary[]).find((f) => f.stale && !skip.includes(f.fact.id))!.fact.id;
    }, [first, second]);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n\nThird: {{fact:${third}}}`);
    const panel = page.getByRole('region', { name: /^Warnings/ });
    const item = panel.getByRole('listitem').filter({ hasText: `fact "${third}"` });
    await item.getByRole('button', { name: 'Edit a personal copy' }).click({ timeout: 20_000 });
    const dialog = page.getByRole('dialog', { name: 'Personal copy of a fact' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Id', { exact: true }).inputValue()).toBe(`${third}-mine`);
    expect(await dialog.getByLabel('Statement').inputValue()).not.toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Review by', { exact: true }).fill('2030-01-01');
    await dialog.getByRole('button', { name: /^Save / }).click();
    await dialog.waitFor({ state: 'detached' });
    const text = () => page.locator('.cm-content').textContent();
    await expect.poll(text).toContain(`{{fact:${third}-mine}}`);
    expect(await text()).not.toContain(`{{fact:${third}}}`);
    await expect.poll(() => selectedText(page)).toBe(`{{fact:${third}-mine}}`);
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(0);
    const copy = await page.evaluate(async (id) => {
      const api = (window as unknown as { briefing: Record<string, () => Promise<unknown>> }).briefing;
      return ((await api.listFacts!()) as FactSummary[]).find((f) => f.fact.id === id);
    }, `${third}-mine`);
    expect(copy?.source?.kind).toBe('personal');
    expect(copy?.stale).toBe(false);
  });
});
