// End to end: a team folder holding an alias bomb and a FIFO is added from the Libraries view, says what is wrong in one line, and is removed.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHostile, HOSTILE_CASES } from '../integration/hostile/hostile-libraries.js';
import { browserOrSkipReason, useHarness, type Harness } from './harness.js';

const browser = browserOrSkipReason();

describe.skipIf('skip' in browser || process.platform === 'win32')('a hostile team library in the Libraries view', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  it('adds it with its problems shown, keeps the app working, and removes it', async () => {
    const { page } = h;
    const bomb = HOSTILE_CASES.find((c) => c.name === 'alias-bomb-fact')!;
    const fifo = HOSTILE_CASES.find((c) => c.name === 'fifo')!;
    const team = await buildHostile(h.outDir, bomb);
    await fifo.build(team);
    h.folderQueue.push(team);

    await page.getByRole('button', { name: /^Libraries…/ }).click();
    const view = page.getByRole('dialog', { name: 'Libraries' });
    await view.getByRole('button', { name: 'Add team library…' }).click();
    // One line: added, how many problems, the first one with its file and line.
    await expect.poll(() => view.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(
      /^Added “alias-bomb-fact” \(read-only\) with 2 problems, first: facts\/bomb\.yaml:4: its YAML aliases/,
    );
    const entry = view.locator('.library-entry').filter({ has: page.getByRole('heading', { name: 'alias-bomb-fact' }) });
    expect(await entry.locator('.library-counts').textContent()).toMatch(/^0 sections · 1 fact/);
    await entry.locator('summary').click();
    expect(await entry.locator('.library-problems li').allTextContents()).toEqual([
      expect.stringMatching(/^facts\/bomb\.yaml:4: /),
      expect.stringMatching(/^facts\/pipe\.yaml: is a named pipe \(FIFO\)/),
    ]);
    expect(await view.textContent()).not.toContain(h.outDir);

    await entry.getByRole('button', { name: 'Remove alias-bomb-fact' }).click();
    await expect.poll(() => view.getByRole('status').textContent()).toMatch(/^Removed “alias-bomb-fact”\. Its folder is untouched\./);
    await expect.poll(() => view.getByRole('heading', { name: 'alias-bomb-fact' }).count()).toBe(0);
    expect((await fs.lstat(path.join(team, 'facts', 'pipe.yaml'))).isFIFO()).toBe(true);
  });
});
