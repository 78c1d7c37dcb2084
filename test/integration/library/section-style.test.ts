// A section's `style` front matter: validated by the library schema, normal when left out, and taken into a brief by linkSection.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleBrief, linkSection } from '../../../shared/assemble.js';
import { loadLibrary } from '../../../main/services/library/load.js';
import { BUNDLED, tempDir } from '../../support/temp.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('bb-style-'));
  await mkdir(path.join(dir, 'sections'));
  await writeFile(path.join(dir, 'library.yaml'), 'id: styles\nname: Styles\nversion: "1"\n');
});
afterEach(() => cleanup());

const sectionFile = (id: string, style?: string) =>
  writeFile(path.join(dir, 'sections', `${id}.md`), `---\nid: ${id}\ntitle: ${id}\ntopic: framing\nrevision: 1\n${style ? `style: ${style}\n` : ''}---\nText of ${id}.\n`);

describe('section style', () => {
  it('is read from the front matter, normal when left out, and carried into the linked copy', async () => {
    await sectionFile('boxed-summary', 'summary');
    await sectionFile('plain');
    await sectionFile('said-normal', 'normal');
    const { library, problems } = await loadLibrary(dir);
    expect(problems).toEqual([]);
    expect(linkSection(library.sections.get('boxed-summary')!).style).toBe('summary');
    expect(linkSection(library.sections.get('plain')!).style).toBe('normal');
    expect(linkSection(library.sections.get('said-normal')!).style).toBe('normal');
  });

  it('refuses a style the templates do not know, naming the field', async () => {
    await sectionFile('odd', 'boxed');
    const { library, problems } = await loadLibrary(dir);
    expect(library.sections.has('odd')).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: path.join(dir, 'sections', 'odd.md') });
    expect(problems[0]!.message).toContain('style');
  });

  it('the bundled "The issue" section asks for the summary box, and no other bundled section does', async () => {
    const { library } = await loadLibrary(BUNDLED);
    const summaries = [...library.sections.values()].filter((s) => s.style === 'summary').map((s) => s.id);
    expect(summaries).toEqual(['framing-the-issue']);
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['framing-the-issue', 'framing-conclusion'] }, library);
    expect(brief.sections.map((s) => s.style)).toEqual(['summary', 'normal']);
  });
});
