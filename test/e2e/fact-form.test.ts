// End to end: the fact and section forms as a policy writer meets them — countries, technologies and topics picked by
// name (stored as the library's ids), dates picked, a half-typed date answered in plain words, the id suggested from
// the statement, Escape with changes asking before anything is thrown away; axe clean on the open form and the question.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, SCREENSHOTS, useHarness, type Harness } from './harness.js';

const browser = browserOrSkipReason();

/** The message a control points at with aria-describedby (its error comes last). */
const describedBy = (control: Locator) =>
  control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );

async function findFiles(dir: string, name: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await findFiles(p, name)));
    else if (e.name === name) out.push(p);
  }
  return out;
}

describe.skipIf('skip' in browser)('the fact and section forms in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  it('a new fact: tags picked by name, a half-typed date in plain words, Escape asks, Keep editing keeps it, then saved', async () => {
    const { page } = h;
    await page.getByRole('button', { name: /^Add / }).first().waitFor();

    // Nothing typed: Escape closes at once, no question.
    await page.getByRole('button', { name: 'New fact…' }).click();
    const form = page.getByRole('dialog', { name: 'New fact' });
    await form.waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await page.getByRole('alertdialog').count()).toBe(0);

    await page.getByRole('button', { name: 'New fact…' }).click();
    await form.waitFor();
    // The id hint and placeholder show an id the library accepts; from the statement, once there is one.
    const id = form.getByLabel('Id', { exact: true });
    expect(await describedBy(id)).toMatch(/lowercase letters, digits and hyphens, like “allied-fab-count”/);
    expect(await id.getAttribute('placeholder')).toBe('allied-fab-count');
    await form.getByLabel('Statement').fill('Japan committed 2 trillion yen to chip fabs.');
    await expect.poll(() => describedBy(id)).toMatch(/like “japan-committed-2-trillion-yen”/);
    await form.getByRole('button', { name: 'Use “japan-committed-2-trillion-yen”' }).click();
    expect(await id.inputValue()).toBe('japan-committed-2-trillion-yen');

    // Pickers by name; the stored values are the ids.
    const countries = form.getByRole('group', { name: 'Countries' });
    const technologies = form.getByRole('group', { name: 'Technologies' });
    await countries.getByRole('checkbox', { name: 'Japan' }).check();
    await technologies.getByRole('checkbox', { name: 'Artificial intelligence' }).check();
    await technologies.getByRole('checkbox', { name: 'Semiconductors' }).check();
    // A topic found by its name; Enter in the find box picks it and does not submit the form.
    const topics = form.getByRole('group', { name: 'Topics' });
    await topics.getByLabel('Find or add a topic').fill('supply chains');
    await topics.getByLabel('Find or add a topic').press('Enter');
    expect(await topics.getByRole('checkbox', { name: 'Supply chains' }).isChecked()).toBe(true);
    expect(await form.getByRole('alert').count()).toBe(0);

    // The date controls are date pickers; a date typed only in part is answered in plain words.
    const asOf = form.getByLabel('As of', { exact: true });
    expect(await asOf.getAttribute('type')).toBe('date');
    await asOf.focus();
    await page.keyboard.type('12');
    await form.getByLabel('Source title').fill('Budget papers');
    await form.getByLabel('Publisher').fill('Ministry of Finance');
    await form.getByLabel('Source date').fill('2025-12-20');
    await form.getByLabel('Source URL').fill('https://example.org/budget');
    await form.getByRole('button', { name: 'Save fact' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('As of: use a date like 2025-12-31.');
    expect(await asOf.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(asOf)).toBe('As of: use a date like 2025-12-31.');
    expect(await alert.textContent()).not.toMatch(/asOf|YYYY|tags\./);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'fact-form-plain-errors.png') });

    // Escape with changes asks; Keep editing (the focused answer) keeps every field as typed.
    await form.getByLabel('Statement').focus();
    await page.keyboard.press('Escape');
    const ask = page.getByRole('alertdialog', { name: 'Discard this fact?' });
    await ask.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep editing');
    expect(await ask.getByRole('button', { name: 'Discard' }).count()).toBe(1);
    expect(await ask.getAttribute('aria-describedby')).toBeTruthy();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'fact-form-discard.png') });
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await form.isVisible()).toBe(true);
    expect(await form.getByLabel('Statement').inputValue()).toBe('Japan committed 2 trillion yen to chip fabs.');
    expect(await countries.getByRole('checkbox', { name: 'Japan' }).isChecked()).toBe(true);
    // Escape in the question is Keep editing too.
    await page.keyboard.press('Escape');
    await ask.waitFor();
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await form.isVisible()).toBe(true);

    // A month is a date the library takes too.
    await asOf.fill('2025-12-01');
    await asOf.locator('xpath=..').getByRole('checkbox', { name: 'month only' }).check();
    expect(await asOf.getAttribute('type')).toBe('month');
    expect(await asOf.inputValue()).toBe('2025-12');
    await form.getByRole('button', { name: 'Save fact' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.library-status').textContent()).toMatch(/japan-committed-2-trillion-yen.*saved to your personal library/);

    const [file] = await findFiles(path.join(h.outDir, 'user-data'), 'personal.yaml');
    const text = await fs.readFile(file!, 'utf8');
    expect(text).toMatch(/countries:\s*\n?\s*-?\s*\[?\s*jp/);
    expect(text).toMatch(/- ai|\bai\b/);
    expect(text).toContain('supply-chains');
    expect(text).toMatch(/asOf: "?2025-12"?\n/);

    // The edit form shows the saved tags ticked by name, and the month stays a month.
    await page.getByLabel('Search sections and facts').fill('trillion yen chip fabs');
    const item = page.locator('.fact-item[data-fact-id="japan-committed-2-trillion-yen"]');
    await item.getByRole('button', { name: 'Edit fact japan-committed-2-trillion-yen' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit fact japan-committed-2-trillion-yen' });
    expect(await edit.getByRole('group', { name: 'Countries' }).getByRole('checkbox', { name: 'Japan' }).isChecked()).toBe(true);
    expect(await edit.getByRole('group', { name: 'Technologies' }).getByRole('checkbox', { name: 'Artificial intelligence' }).isChecked()).toBe(true);
    expect(await edit.getByLabel('As of', { exact: true }).inputValue()).toBe('2025-12');
    // Unchanged: Cancel closes at once.
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByLabel('Search sections and facts').fill('');
  });

  it('Cancel with changes asks, and Discard throws the new fact away', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'New fact…' }).click();
    const form = page.getByRole('dialog', { name: 'New fact' });
    await form.getByRole('group', { name: 'Countries' }).getByRole('checkbox', { name: 'South Korea' }).check();
    await form.getByRole('button', { name: 'Cancel' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Discard this fact?' });
    await ask.getByRole('button', { name: 'Discard' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await ask.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('New fact…');
  });

  it('a new section: title suggests the id, tags by name, a new topic word added; axe clean; Escape with changes asks', async () => {
    const { page } = h;
    await page.getByRole('button', { name: 'New section…' }).click();
    const form = page.getByRole('dialog', { name: 'New section' });
    await form.getByLabel('Title').fill('Chip supply with Japan');
    await form.getByRole('button', { name: 'Use “chip-supply-japan”' }).click();
    await form.getByRole('group', { name: 'Countries' }).getByRole('checkbox', { name: 'Japan' }).check();
    await form.getByRole('group', { name: 'Technologies' }).getByRole('checkbox', { name: 'Semiconductors' }).check();
    const topics = form.getByRole('group', { name: 'Topic tags' });
    await topics.getByLabel('Find or add a topic').fill('Fab subsidies');
    await topics.getByRole('button', { name: 'Add topic “fab-subsidies”' }).click();
    expect(await topics.getByRole('checkbox', { name: 'Fab subsidies' }).isChecked()).toBe(true);
    await form.getByLabel('Text (Markdown)').fill('Japan and its partners fund new fabs.\n');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'section-form-pickers.png') });

    await page.keyboard.press('Escape');
    const ask = page.getByRole('alertdialog', { name: 'Discard this section?' });
    await ask.getByRole('button', { name: 'Keep editing' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await form.getByLabel('Text (Markdown)').inputValue()).toBe('Japan and its partners fund new fabs.\n');
    await form.getByRole('button', { name: 'Save section' }).click();
    await form.waitFor({ state: 'detached' });

    const [file] = await findFiles(path.join(h.outDir, 'user-data'), 'chip-supply-japan.md');
    const text = await fs.readFile(file!, 'utf8');
    expect(text).toMatch(/jp/);
    expect(text).toMatch(/semiconductors/);
    expect(text).toMatch(/fab-subsidies/);
  });
});
