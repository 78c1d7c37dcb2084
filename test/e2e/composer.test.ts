// End to end: the composer in Chromium through the real services — search, add, reorder, insert a fact by
// autocomplete, see it in the live preview, export, and read the PDF back; axe and screenshots on each main view.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FactSummary } from '../../shared/ipc/channels.js';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, SCREENSHOTS, startHarness, useHarness, type Harness } from './harness.js';
import { exportThroughReview } from './review.js';
import { previewCurrentPage, previewPageText } from './preview.js';
import { readPdfText } from '../support/read-pdf.js';
import { readBriefFile } from '../../main/services/documents/brief-file.js';

const browser = browserOrSkipReason();
const screenshots = SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.skipIf('skip' in browser)('composer in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  it('builds a brief: search, add four, reorder, insert a fact, preview it, export it', async () => {
    const { page } = h;
    const a11y: Record<string, string[]> = {};
    await page.getByRole('button', { name: /^Add / }).first().waitFor();

    // New brief through the keyboard shortcut: the start screen, titled there; the rest in Settings.
    await page.locator('body').press('Control+n');
    const start = page.getByRole('dialog', { name: 'Start' });
    await start.getByRole('textbox', { name: 'Title' }).fill('Allied Semiconductor Cooperation');
    await start.getByRole('button', { name: 'Create brief' }).click();
    await start.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Settings' }).click();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Allied Semiconductor Cooperation');
    await page.getByLabel('Subtitle').fill('Options for a chips agenda among techno-democracies');
    await page.getByLabel('Authors (one per line)').fill('A. Analyst');
    a11y.settings = await axeViolations(page);
    await shot(page, 'settings');
    // The decision memo adds its header fields; back to the issue brief afterwards.
    await page.getByLabel('Template').selectOption('decision-memo');
    await page.getByLabel('Memorandum for (one addressee per line)').fill('The Secretary\nThe Deputy Secretary');
    await page.getByLabel('Subject (no acronyms)').fill('Allied cooperation on semiconductors');
    a11y.memoSettings = await axeViolations(page);
    await expect.poll(() => page.locator('.preview-status').textContent(), { timeout: 20_000 }).toMatch(/^Up to date/);
    await shot(page, 'settings-memo');
    await page.getByLabel('Template').selectOption('issue-brief');

    // Search the library.
    await page.locator('body').press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('semiconductor');
    await expect.poll(() => page.locator('.search-count').textContent()).toMatch(/^\d+ sections?, \d+ facts? match$/);
    const addButtons = page.locator('.library .section-item').getByRole('button', { name: /^Add / });
    await expect.poll(() => addButtons.count()).toBeGreaterThanOrEqual(4);
    a11y.search = await axeViolations(page);
    await shot(page, 'library-search');
    // Results come best match first in one list; grouped by topic on request.
    expect(await page.locator('.library .group:not(.facts) h3').allTextContents()).toEqual(['Sections, best match first']);
    await page.getByRole('checkbox', { name: 'Group results by topic' }).check();
    expect((await page.locator('.library .group:not(.facts) h3').count()) > 1).toBe(true);
    // Filters narrow the search: one topic, then all topics again. Filters list names, not ids.
    const topic = page.getByRole('combobox', { name: /^Topic/ });
    await topic.selectOption('organization');
    await expect.poll(() => page.locator('.library .group:not(.facts) h3').allTextContents()).toEqual(['Organization']);
    await topic.selectOption('');
    await page.getByRole('checkbox', { name: 'Group results by topic' }).uncheck();
    // Back in rank order before any Add is read: the list re-renders when the grouping goes.
    await expect.poll(() => page.locator('.library .group:not(.facts) h3').allTextContents()).toEqual(['Sections, best match first']);
    const countries = await page.getByRole('combobox', { name: /^Country/ }).locator('option').allTextContents();
    expect(countries).toContain('Japan');
    expect(countries.filter((c) => /^[a-z]{2,3}$/.test(c))).toEqual([]);

    // Add four sections by click (the button list shrinks as each is added).
    await page.getByRole('tab', { name: /^Outline/ }).click();
    const titles: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const first = addButtons.first();
      const title = (await first.getAttribute('aria-label'))!.replace(/^Add /, '');
      titles.push(title);
      ids.push((await first.locator('xpath=ancestor::li[1]').getAttribute('data-section-id'))!);
      // Clicked by its name, so a list that re-renders in between cannot put another section under the pointer.
      await page.locator('.library .section-item').getByRole('button', { name: `Add ${title}`, exact: true }).click();
      await expect.poll(() => page.locator('.outline-title').count()).toBe(i + 1);
    }
    expect(await page.locator('.outline-title').allTextContents()).toEqual(titles);

    // Reorder by keyboard: the fourth goes to the top with Alt+Up three times, focus staying on it.
    await page.locator('.outline-select', { hasText: titles[3]! }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowUp');
    // And by drag: the (now) second item is dropped below the last one.
    const items = page.locator('.outline-item');
    const last = items.nth(3);
    const box = (await last.boundingBox())!;
    await items.nth(1).dragTo(last, { targetPosition: { x: 20, y: box.height - 4 } });
    const order = [titles[3]!, titles[1]!, titles[2]!, titles[0]!];
    await expect.poll(() => page.locator('.outline-title').allTextContents()).toEqual(order);
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.querySelector('.outline-title')?.textContent)).toBeTruthy();

    // A fact none of the four sections cites yet.
    const picked = await page.evaluate(async (sectionIds) => {
      const api = (window as unknown as { briefing: { listFacts(): Promise<FactSummary[]>; assembleBrief(a: unknown): Promise<{ pins: Record<string, unknown> }> } }).briefing;
      const brief = await api.assembleBrief({ title: 't', template: 'issue-brief', date: '2026-01-01', sectionIds });
      const facts = await api.listFacts();
      return facts.find((f) => !brief.pins[f.fact.id] && !f.stale && f.fact.id.startsWith('semi-')) ?? facts.find((f) => !brief.pins[f.fact.id] && !f.stale)!;
    }, ids);
    const fact = picked.fact;

    // Open the second section in the editor and insert the fact through autocomplete.
    const target = order[1]!;
    await page.locator('.outline-select', { hasText: target }).click();
    const editor = page.getByRole('textbox', { name: `Text of section ${target}` });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n\nOne figure frames the stakes: {{fact:${fact.id.slice(0, 8)}`);
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: `fact:${fact.id}` }).first();
    await option.waitFor();
    await shot(page, 'autocomplete');
    a11y.editor = await axeViolations(page);
    await option.click();
    await expect.poll(() => editor.textContent()).toContain(`{{fact:${fact.id}}}`);
    // Hovering the reference shows the fact's statement and source.
    await page.locator('.cm-ref', { hasText: `{{fact:${fact.id}}}` }).hover();
    await expect.poll(() => page.locator('.ref-card').textContent()).toContain(fact.source.publisher);
    await shot(page, 'fact-hover');
    await page.mouse.move(5, 5);
    // Editing a linked section detaches it, visibly.
    await expect.poll(() => page.locator('.outline-item.selected .badge').textContent()).toBe('Your copy');

    // The live preview shows the fact: page through the preview's text layer until its words appear.
    const words = squash(fact.statement).split(' ').slice(0, 4).join(' ');
    let seen = false;
    for (let attempt = 0; attempt < 60 && !seen; attempt++) {
      await page.waitForTimeout(250);
      if ((await page.locator('.preview-status').textContent()) !== `Up to date · ${await page.locator('.page-input input').getAttribute('max')} pages`) continue;
      const pages = Number(await page.locator('.page-input input').getAttribute('max'));
      for (let p = 1; p <= pages && !seen; p++) seen = (await previewPageText(page, p)).includes(words);
    }
    expect(seen, `preview shows “${words}”`).toBe(true);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await shot(page, 'composer');
    a11y.composer = await axeViolations(page);

    // Choosing a section in the outline brings the preview to its page.
    await page.locator('.outline-select', { hasText: order[3]! }).click();
    await expect.poll(async () => squash((await page.locator(`.pdf-page[data-page="${await previewCurrentPage(page)}"] .textLayer`).textContent()) ?? '')).toContain(order[3]!);

    // Warnings panel: every warning that names a section opens it.
    const warningButtons = page.locator('.warnings-panel button.link');
    if ((await warningButtons.count()) > 0) {
      await warningButtons.first().click();
      await expect.poll(() => page.locator('.outline-item.selected').count()).toBe(1);
    }

    // Dark mode follows the system.
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'composer-dark');
    a11y.dark = await axeViolations(page);
    await page.emulateMedia({ colorScheme: 'light' });

    // Export through the (fake) native save dialog.
    await exportThroughReview(h, () => page.locator('body').press('Control+e'));
    await expect.poll(() => page.locator('.export-status .status-text').textContent(), { timeout: 60_000 }).toMatch(/^Saved Allied Semiconductor Cooperation\.pdf — \d+ pages?/);
    await expect(page.getByRole('button', { name: 'Show in folder' }).isVisible()).resolves.toBe(true);
    await shot(page, 'exported');

    const pdf = await readPdfText(h.savedFiles.at(-1)!);
    const flat = squash(pdf.text);
    const bodyStart = flat.lastIndexOf(order[0]!, flat.indexOf(order[1]!, flat.indexOf(order[0]!)));
    const positions = order.map((t) => flat.indexOf(t, Math.max(0, bodyStart)));
    for (const p of positions) expect(p).toBeGreaterThanOrEqual(0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(flat).toContain('Allied Semiconductor Cooperation');
    expect(flat).toContain(words);
    // The fact's endnote carries its source.
    expect(flat).toContain(squash(fact.source.title).split(' ').slice(0, 4).join(' '));
    expect(h.refused).toEqual([]);

    // PDF/A: the same brief again with the archival option; its XMP metadata declares the conformance.
    await page.getByLabel('PDF/A', { exact: true }).check();
    await exportThroughReview(h, () => page.getByRole('button', { name: 'Export PDF…' }).click());
    await expect.poll(() => h.savedFiles.length, { timeout: 60_000 }).toBe(2);
    await expect.poll(() => page.locator('.export-status .status-text').textContent(), { timeout: 60_000 }).toMatch(/^Saved /);
    expect((await fs.readFile(h.savedFiles[1]!)).toString('latin1')).toMatch(/pdfaid:part/);
    await page.getByLabel('PDF/A', { exact: true }).uncheck();

    expect(a11y, 'axe violations per view').toEqual(Object.fromEntries(Object.keys(a11y).map((view) => [view, []])));
  });

  it('adds a section by dragging it from the library into the outline', async () => {
    const { page } = h;
    const source = page.locator('.library .section-item[draggable="true"]').first();
    const title = (await source.locator('.section-title').textContent())!;
    const first = page.locator('.outline-item').first();
    await source.dragTo(first, { targetPosition: { x: 20, y: 3 } });
    await expect.poll(() => page.locator('.outline-title').first().textContent()).toBe(title);
  });

  it('undoes and redoes outline changes with Ctrl+Z / Ctrl+Shift+Z', async () => {
    const { page } = h;
    while ((await page.locator('.outline-title').count()) < 2) {
      const n = await page.locator('.outline-title').count();
      await page.locator('.library .section-item').getByRole('button', { name: /^Add / }).first().click();
      await expect.poll(() => page.locator('.outline-title').count()).toBe(n + 1);
    }
    const before = await page.locator('.outline-title').allTextContents();
    await page.getByRole('button', { name: `Remove ${before[0]}` }).click();
    await expect.poll(() => page.locator('.outline-title').count()).toBe(before.length - 1);
    await page.locator('body').press('Control+z');
    await expect.poll(() => page.locator('.outline-title').allTextContents()).toEqual(before);
    await page.locator('body').press('Control+Shift+z');
    await expect.poll(() => page.locator('.outline-title').count()).toBe(before.length - 1);

    // The application menu's Undo: the brief's history from the outline, the text's own history inside the editor.
    await h.menu('undo');
    await expect.poll(() => page.locator('.outline-title').allTextContents()).toEqual(before);
    await page.locator('.outline-select').first().click();
    const editor = page.getByRole('textbox', { name: /^Text of section / });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Menu undo check.');
    await expect.poll(() => editor.textContent()).toContain('Menu undo check.');
    await h.menu('undo');
    await expect.poll(() => editor.textContent()).not.toContain('Menu undo check.');
    expect(await page.locator('.outline-title').allTextContents()).toEqual(before);
    // Find inside the text searches the section (its find panel); from elsewhere it is the library search.
    await h.menu('find');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.cm-search'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('.outline-select').first().focus();
    await h.menu('find');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  });

  it('About names the version main reads from package.json', async () => {
    const { page } = h;
    const { version } = JSON.parse(await fs.readFile(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    await h.menu('about');
    await expect.poll(() => page.locator('.notice').textContent()).toContain(`Briefing Builder ${version} — works offline`);
    await page.locator('.notice').getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => page.locator('.notice').count()).toBe(0);
  });

  it('saves the brief, starts a new one, and opens the saved one again', async () => {
    const { page } = h;
    const titles = await page.locator('.outline-title').allTextContents();
    await page.locator('body').press('Control+s');
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/Saved Allied Semiconductor Cooperation\.brief\./);
    expect(h.savedBriefs).toHaveLength(1);
    const saved = await readBriefFile(h.savedBriefs[0]!);
    expect(saved.sections.map((s) => s.title)).toEqual(titles);
    // Every fact the sections cite — including the one inserted by autocomplete — is pinned in the file.
    const cited = saved.sections.flatMap((s) => [...s.body.matchAll(/\{\{(?:fact|value|cite):([\w-]+)\}\}/g)].map((m) => m[1]!));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((id) => !saved.pins[id])).toEqual([]);
    expect(saved.sections.some((s) => s.kind === 'detached' && s.fromSectionId)).toBe(true);
    expect(await page.locator('.doc-title').textContent()).toBe('Allied Semiconductor Cooperation.brief');

    await page.locator('body').press('Control+n');
    const start = page.getByRole('dialog', { name: 'Start' });
    await start.getByRole('button', { name: 'Create brief' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Outline (0)' }).count()).toBe(1);
    h.openQueue.push(h.savedBriefs[0]!);
    await page.locator('body').press('Control+o');
    await expect.poll(() => page.getByRole('tab', { name: /^Outline/ }).textContent()).toBe(`Outline (${titles.length})`);
    await page.getByRole('tab', { name: /^Outline/ }).click();
    expect(await page.locator('.outline-title').allTextContents()).toEqual(titles);
  });

  it('offers to restore unsaved work on the next start', async () => {
    const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'briefing-e2e-recovery-'));
    const first = await startHarness((browser as { path: string }).path, { userDataDir });
    try {
      await first.page.locator('.library .section-item').getByRole('button', { name: /^Add / }).first().click();
      await expect.poll(() => first.page.locator('.doc-title').textContent()).toMatch(/edited/);
      // The recovery copy trails the last edit by about a second.
      await first.page.waitForTimeout(2500);
    } finally {
      await first.close();
    }
    const second = await startHarness((browser as { path: string }).path, { userDataDir });
    try {
      const offer = second.page.getByRole('region', { name: 'Unsaved work from an earlier session' });
      await offer.waitFor();
      expect(await offer.textContent()).toMatch(/Untitled brief/);
      await shot(second.page, 'recovery-offer');
      expect(await axeViolations(second.page)).toEqual([]);
      await offer.getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => second.page.getByRole('tab', { name: /^Outline/ }).textContent()).toBe('Outline (1)');
      expect(await second.page.locator('.doc-title').textContent()).toMatch(/edited/);
    } finally {
      await second.close();
      await fs.rm(userDataDir, { recursive: true, force: true });
    }
  });
});
