// End to end: a brief whose pinned fact and linked section fell behind the library — see the diff, update, review, accept.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FactSummary } from '../../shared/ipc/channels.js';
import type { Brief } from '../../shared/model/brief.js';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, SCREENSHOTS, useHarness, type Harness } from './harness.js';
import { previewPageText, previewUpToDate } from './preview.js';

const browser = browserOrSkipReason();
const screenshots = SCREENSHOTS;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const OLD_STATEMENT = 'An outdated pinned statement kept in the brief.';

/** The text of the preview's first page once the preview is up to date. */
async function previewText(page: Page): Promise<string> {
  await previewUpToDate(page, 20_000);
  return previewPageText(page, 1);
}

describe.skipIf('skip' in browser)('library updates in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  it('shows a changed pin with its diff and updates it; reviews a section update and accepts it', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /^Add / }).first().waitFor();
    // A personal section at revision 1 citing a library fact; the brief takes it, then the section moves to revision 2
    // and the brief's pin is made to differ from the library's fact.
    const { brief, statement } = await page.evaluate(async (oldStatement) => {
      const api = (window as unknown as { briefing: Record<string, (...a: unknown[]) => Promise<unknown>> }).briefing;
      const facts = (await api.listFacts!()) as FactSummary[];
      const fact = facts.find((f) => !f.stale)!.fact;
      const meta = { id: 'update-demo', title: 'Update demo', topic: 'priorities', revision: 1 };
      await api.saveLibrarySection!(meta, `First line stays.\n\nThe fact: {{fact:${fact.id}}}\n\nThis line goes away.\n`);
      const b = (await api.assembleBrief!({ title: 'Library updates', template: 'issue-brief', date: '2026-11-25', sectionIds: ['update-demo'] })) as Brief;
      await api.saveLibrarySection!({ ...meta, revision: 2 }, `First line stays.\n\nThe fact: {{fact:${fact.id}}}\n\nThis line is new.\n`);
      b.pins[fact.id] = { ...b.pins[fact.id]!, statement: oldStatement };
      return { brief: b, statement: fact.statement };
    }, OLD_STATEMENT);
    const file = path.join(h.outDir, 'behind.brief');
    await fs.writeFile(file, JSON.stringify(brief));
    h.openQueue.push(file);
    await page.locator('body').press('Control+o');
    await expect.poll(() => page.getByRole('tab', { name: /^Outline/ }).textContent()).toBe('Outline (1)');

    // The pin's warning shows the field diff, old → new.
    const panel = page.getByRole('region', { name: /^Warnings/ });
    const pinWarning = panel.locator('li.warning.pin-changed');
    await pinWarning.waitFor({ timeout: 20_000 });
    await expect.poll(() => pinWarning.locator('.field-diff').textContent()).toContain(`was ${OLD_STATEMENT} → now ${statement}`);
    expect(await previewText(page)).toContain(OLD_STATEMENT);
    await panel.locator('li.warning.section-update').getByRole('button', { name: /^Review update/ }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'library-update.png') });
    expect(await axeViolations(page)).toEqual([]);

    // Update through the keyboard: the warning goes and the preview shows the library's statement.
    await pinWarning.getByRole('button', { name: /^Update fact/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => pinWarning.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => previewText(page)).toContain(squash(statement).split(' ').slice(0, 4).join(' '));
    expect(await page.getByRole('button', { name: 'Undo' }).isEnabled()).toBe(true);

    // The section update opens a diff view; axe checks it; Keep mine changes nothing, Accept takes revision 2.
    const review = () => panel.locator('li.warning.section-update').getByRole('button', { name: /^Review update/ });
    await review().click();
    const dialog = page.getByRole('dialog', { name: /^Library update for/ });
    await dialog.waitFor();
    expect(await dialog.locator('.diff-line.removed').allTextContents()).toEqual(['Removed:This line goes away.']);
    expect(await dialog.locator('.diff-line.added').allTextContents()).toEqual(['Added:This line is new.']);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'library-update-review.png') });
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await review().click();
    await dialog.getByRole('button', { name: 'Accept update' }).click();
    await expect.poll(() => panel.locator('li.warning.section-update').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => previewText(page)).toContain('This line is new.');

    // Accepting was one step of the undo history.
    await page.getByRole('button', { name: 'Undo' }).click();
    await panel.locator('li.warning.section-update').waitFor({ timeout: 20_000 });
  });
});
