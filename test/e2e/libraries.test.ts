// End to end: the user extends the libraries — a personal fact through the form (field errors first), found by
// search; a team library added through the folder dialog with its clash shown, then written to once set read-write;
// the Libraries view checked by axe.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, SCREENSHOTS, useHarness, type Harness } from './harness.js';

const browser = browserOrSkipReason();
const screenshots = SCREENSHOTS;
const fixtures = path.resolve(import.meta.dirname, '../fixtures/libraries');

describe.skipIf('skip' in browser)('libraries in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  it('creates a personal fact through the form and finds it by search', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /^Add / }).first().waitFor();
    await page.getByRole('button', { name: 'New fact…' }).click();
    const form = page.getByRole('dialog', { name: 'New fact' });
    await form.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);

    // Wrong input first: the library's messages appear next to their fields and nothing is saved.
    await form.getByLabel('Id', { exact: true }).fill('Fab Count');
    await form.getByLabel('Source URL').fill('fabs list');
    await form.getByRole('button', { name: 'Save fact' }).click();
    await form.getByRole('alert').waitFor();
    await expect.poll(() => form.getByLabel('Id', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    const idError = await form.getByLabel('Id', { exact: true }).evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent);
    expect(idError).toMatch(/^Id: use lowercase letters, digits and hyphens only, like “[a-z0-9-]+”\.$/);
    expect(await form.getByLabel('Source URL').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Statement').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'fact-form-errors.png') });

    await form.getByLabel('Id', { exact: true }).fill('allied-fabs-building');
    await form.getByLabel('Statement').fill('Our office counted twelve allied chip fabs under construction.');
    await form.getByLabel('Value (optional)').fill('12');
    await form.getByLabel('Unit (optional)').fill('fabs');
    await form.getByLabel('As of').fill('2026-10-01');
    await form.getByLabel('Source title').fill('Internal fab tracker');
    await form.getByLabel('Publisher').fill('Policy office');
    await form.getByLabel('Source date').fill('2026-10-01');
    await form.getByLabel('Source URL').fill('https://example.org/fabs');
    await form.getByRole('group', { name: 'Technologies' }).getByRole('checkbox', { name: 'Semiconductors' }).check();
    // Enter submits the form from a text field, as in any dialog.
    await form.getByLabel('Source URL').press('Enter');
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.library-status').textContent()).toMatch(/allied-fabs-building.*saved to your personal library/);

    await page.getByLabel('Search sections and facts').fill('twelve allied fabs');
    const item = page.locator('.fact-item[data-fact-id="allied-fabs-building"]');
    await item.waitFor();
    expect(await item.locator('.badge').textContent()).toBe('Personal');
    await expect.poll(() => page.locator('.search-count').textContent()).toMatch(/\d+ facts? match/);

    // Edit it: the form comes back filled in, and the change is searchable.
    await item.getByRole('button', { name: 'Edit fact allied-fabs-building' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit fact allied-fabs-building' });
    expect(await edit.getByLabel('Publisher').inputValue()).toBe('Policy office');
    await edit.getByLabel('Statement').fill('Our office counted thirteen allied chip fabs under construction.');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => item.locator('.fact-statement').textContent()).toMatch(/thirteen/);
    await page.getByLabel('Search sections and facts').fill('');
  });

  it('adds a team library: its sections appear, its clash with the bundled library is listed; axe on the Libraries view', async () => {
    const { page } = h;
    const team = path.join(h.outDir, 'team-share');
    await fs.cp(path.join(fixtures, 'valid'), team, { recursive: true });
    const bundledTitle = await page.locator('.section-item').first().locator('.section-title').textContent();
    const bundledId = await page.locator('.section-item').first().getAttribute('data-section-id');
    await fs.writeFile(path.join(team, 'sections', 'clash.md'), `---\nid: ${bundledId}\ntitle: Our own take\ntopic: context\nrevision: 1\n---\nText.\n`);
    h.folderQueue.push(team);

    // Keyboard only: focus the button, open, add.
    await page.getByRole('button', { name: /^Libraries…/ }).focus();
    await page.keyboard.press('Enter');
    const view = page.getByRole('dialog', { name: 'Libraries' });
    await view.getByRole('heading', { name: 'Personal library' }).waitFor();
    await view.getByRole('button', { name: 'Add team library…' }).focus();
    await page.keyboard.press('Enter');
    await view.getByRole('heading', { name: 'Valid fixture library' }).waitFor();
    const entry = view.locator('.library-entry').filter({ has: page.getByRole('heading', { name: 'Valid fixture library' }) });
    expect(await entry.locator('.library-counts').textContent()).toMatch(/3 sections · 3 facts · folder “team-share”/);
    await entry.locator('summary').click();
    expect(await entry.locator('.library-problems li').allTextContents()).toContainEqual(
      expect.stringMatching(new RegExp(`^sections/clash\\.md:\\d+: section "${bundledId}" is already defined by library "bundled"`)),
    );
    expect(await view.textContent()).not.toContain(h.outDir);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'libraries.png') });

    // Read-only toggles from the keyboard and is kept.
    await entry.getByLabel('Read-only').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => entry.locator('.badge.writable').textContent()).toBe('Read-write');

    // A colleague's change arrives in the folder (a git pull): Reload reads it.
    await fs.writeFile(path.join(team, 'sections', 'pulled.md'), '---\nid: pulled-in\ntitle: Pulled in\ntopic: context\nrevision: 1\n---\nFrom a colleague.\n');
    await view.getByRole('button', { name: 'Reload from folders' }).click();
    await expect.poll(() => entry.locator('.library-counts').textContent()).toMatch(/^4 sections/);
    await entry.getByLabel('Read-only').focus();

    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Libraries…/);
    expect(await page.locator('.section-item[data-section-id="quantum-priorities"] .badge').textContent()).toBe('Valid fixture library');
    expect(await page.locator(`.section-item[data-section-id="${bundledId}"] .section-title`).textContent()).toBe(bundledTitle);
    expect(await page.getByRole('button', { name: /^Libraries…/ }).textContent()).toMatch(/\(\d+ problems?\)/);
    await page.getByLabel('Search sections and facts').fill('quantum');
    await expect.poll(() => page.locator('.search-count').textContent()).toMatch(/match$/);
    await page.locator('.section-item[data-section-id="quantum-priorities"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, 'library-provenance.png') });
    await page.getByLabel('Search sections and facts').fill('');
  });

  it('writes a personal section citing the personal fact; added to the brief, it previews without warnings', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'New section…' }).click();
    const form = page.getByRole('dialog', { name: 'New section' });
    await form.getByLabel('Id', { exact: true }).fill('allied-fabs');
    await form.getByLabel('Title').fill('Allied fabs under construction');
    await form.getByLabel('Topic', { exact: true }).selectOption('priorities');
    await form.getByLabel('Text (Markdown)').fill('Allied partners are building new fabs.{{cite:allied-fabs-building}}\n');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'section-form.png') });
    await form.getByRole('button', { name: 'Save section' }).click();
    await form.waitFor({ state: 'detached' });

    const item = page.locator('.section-item[data-section-id="allied-fabs"]');
    expect(await item.locator('.badge').textContent()).toBe('Personal');
    await item.getByRole('button', { name: 'Add Allied fabs under construction' }).click();
    await expect.poll(() => page.locator('.preview-status').textContent(), { timeout: 20_000 }).toMatch(/^Up to date/);
    await expect.poll(() => page.locator('.warnings-panel').textContent()).toMatch(/No warnings/);

    // Edit brings the saved text back; Escape leaves without saving.
    await item.getByRole('button', { name: 'Edit Allied fabs under construction' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit section allied-fabs' });
    await expect.poll(() => edit.getByLabel('Text (Markdown)').inputValue()).toContain('{{cite:allied-fabs-building}}');
    expect(await edit.getByLabel('Id', { exact: true }).getAttribute('readonly')).not.toBeNull();
    await page.keyboard.press('Escape');
    await edit.waitFor({ state: 'detached' });
  });

  it('saves a new fact into the team library set read-write, as a file in its folder, and edits it there', async () => {
    const { page } = h;
    const team = path.join(h.outDir, 'team-share');
    await page.getByRole('button', { name: 'New fact…' }).click();
    const form = page.getByRole('dialog', { name: 'New fact' });
    // Two libraries can take it now (the team folder was made read-write above): the form asks which.
    await form.getByLabel('Save to').selectOption({ label: 'Team library: Valid fixture library' });
    await form.getByLabel('Id', { exact: true }).fill('team-fab-count');
    await form.getByLabel('Statement').fill('The team counted nine fabs in its region.');
    await form.getByLabel('As of').fill('2026-10-01');
    await form.getByLabel('Source title').fill('Team tracker');
    await form.getByLabel('Publisher').fill('Team office');
    await form.getByLabel('Source date').fill('2026-10-01');
    await form.getByLabel('Source URL').fill('https://example.org/team');
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save fact' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.library-status').textContent()).toMatch(/team-fab-count.*saved to the team library “Valid fixture library”/);

    const files = await fs.readdir(path.join(team, 'facts'));
    const written = await Promise.all(files.map((f) => fs.readFile(path.join(team, 'facts', f), 'utf8')));
    expect(written.some((text) => text.includes('team-fab-count') && text.includes('nine fabs'))).toBe(true);

    await page.getByLabel('Search sections and facts').fill('nine fabs region');
    const item = page.locator('.fact-item[data-fact-id="team-fab-count"]');
    await item.waitFor();
    expect(await item.locator('.badge').first().textContent()).toBe('Valid fixture library');
    await item.getByRole('button', { name: 'Edit fact team-fab-count' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit fact team-fab-count' });
    expect(await edit.getByLabel('Save to').count()).toBe(0);
    await edit.getByLabel('Statement').fill('The team counted ten fabs in its region.');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    const after = await Promise.all((await fs.readdir(path.join(team, 'facts'))).map((f) => fs.readFile(path.join(team, 'facts', f), 'utf8')));
    expect(after.some((text) => text.includes('ten fabs'))).toBe(true);
    await page.getByLabel('Search sections and facts').fill('');
  });
});
