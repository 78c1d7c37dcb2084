// The command palette's list: fuzzy matching best first, and the renderer's own shortcuts as the editor binds them.
import { describe, expect, it } from 'vitest';
import { MENU_ENTRIES } from '../../../shared/commands.js';
import { formattingKeymap } from '../../../renderer/src/editor/markdownFormatting.js';
import { fuzzyFilter, fuzzyMatch } from '../../../renderer/src/palette/fuzzy.js';
import { entryLabel, KEY_COMMANDS, PALETTE_ENTRIES } from '../../../renderer/src/palette/paletteCommands.js';

const labels = (q: string) => fuzzyFilter(q, PALETTE_ENTRIES, (e) => entryLabel(e)).map((m) => entryLabel(m.item));

describe('fuzzy matching', () => {
  it('ranks a word-start substring first, then any substring, then letters in order', () => {
    expect(labels('save')).toEqual(['Save', 'Save As…']);
    expect(labels('about')).toEqual(['About Briefing Builder']);
    expect(labels('exp')[0]).toBe('Export PDF…');
    // Letters in order across words: "sa" (Save As) and "mvu" (Move Section Up).
    expect(labels('mvu')).toContain('Move Section Up');
    expect(labels('pdf')[0]).toBe('Export PDF…');
  });
  it('says no match when the letters are not there in order, and lists everything for an empty query', () => {
    expect(fuzzyMatch('zzq', 'Save')).toBeNull();
    expect(fuzzyMatch('evas', 'Save')).toBeNull();
    expect(labels('')).toHaveLength(PALETTE_ENTRIES.length);
  });
  it('finds letters after a word start that would leave the rest unmatched', () => {
    // "ab": the word-start "a" of "a" at the end has no "b" after it; the earlier "a" does.
    expect(fuzzyMatch('ab', 'xaxb a')?.indices).toEqual([1, 3]);
  });
  it('marks the matched characters', () => {
    expect(fuzzyMatch('sa', 'Save As…')?.indices).toEqual([0, 1]);
    expect(fuzzyMatch('npa', 'Next Pane')?.indices).toEqual([0, 5, 6]);
  });
});

describe('the palette’s commands', () => {
  it('lists every menu command and every editor formatting key', () => {
    const menu = PALETTE_ENTRIES.flatMap((e) => (e.kind === 'menu' ? [e.entry.command] : []));
    expect(menu).toEqual(MENU_ENTRIES.map((e) => e.command));
    // CodeMirror's Mod-b is the palette's CmdOrCtrl+B.
    const keys = KEY_COMMANDS.map((c) => c.accelerator);
    for (const binding of formattingKeymap) expect(keys).toContain(binding.key.replace('Mod-', 'CmdOrCtrl+').replace(/\+(\w)$/, (_, k: string) => `+${k.toUpperCase()}`));
  });
});
