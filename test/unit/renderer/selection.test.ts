// selection: which section stays selected when undo/redo replaces the brief (kept, swapped for its counterpart, or gone).
import { describe, expect, it } from 'vitest';
import { followSelection } from '../../../renderer/src/state/selection.js';
import { briefOf, detached, linked } from './briefs.js';

const linkedChips = briefOf(linked('intro'), linked('chips'), detached('notes'));
const editedChips = briefOf(linked('intro'), detached('chips-edited', { fromSectionId: 'chips' }), detached('notes'));

describe('followSelection', () => {
  it('keeps nothing selected when nothing was', () => {
    expect(followSelection(null, linkedChips, editedChips)).toBeNull();
  });

  it('keeps a section that is still in the brief, wherever it moved', () => {
    const reordered = briefOf(detached('notes'), linked('chips'), linked('intro'));
    expect(followSelection('chips', linkedChips, reordered)).toBe('chips');
    expect(followSelection('notes', linkedChips, editedChips)).toBe('notes');
  });

  it('follows an edited copy back to its linked section (undo of the first keystroke)', () => {
    expect(followSelection('chips-edited', editedChips, linkedChips)).toBe('chips');
  });

  it('follows a linked section to its edited copy (redo of the first keystroke)', () => {
    expect(followSelection('chips', linkedChips, editedChips)).toBe('chips-edited');
  });

  it('selects nothing once the section is gone: removed, or its adding undone', () => {
    const withoutChips = briefOf(linked('intro'), detached('notes'));
    expect(followSelection('chips', linkedChips, withoutChips)).toBeNull();
    expect(followSelection('chips-edited', editedChips, withoutChips)).toBeNull();
    expect(followSelection('notes', linkedChips, briefOf(linked('intro')))).toBeNull();
  });

  it('does not jump to an unrelated section: own text has no counterpart, nor does an unknown key', () => {
    const ownText = briefOf(detached('mine'));
    expect(followSelection('mine', ownText, briefOf(linked('mine-not-the-same')))).toBeNull();
    expect(followSelection('nowhere', linkedChips, editedChips)).toBeNull();
  });
});
