// The About text from main's app info, and the date a blank brief takes (the user's local day).
import { describe, expect, it } from 'vitest';
import { aboutText } from '../../../renderer/src/shell/about.js';
import { blankBrief, localIsoDay, UNTITLED } from '../../../renderer/src/document/blankBrief.js';

describe('aboutText', () => {
  it('names the version main reports, and no version without an answer', () => {
    expect(aboutText({ name: 'Briefing Builder', version: '2.3.4' })).toBe('Briefing Builder 2.3.4 — works offline; nothing leaves this computer. It formats markings; it does not make a computer fit to hold classified information.');
    expect(aboutText(null)).toBe('Briefing Builder — works offline; nothing leaves this computer. It formats markings; it does not make a computer fit to hold classified information.');
  });
});

describe('blank brief', () => {
  it('dates by the local calendar day, zero-padded', () => {
    expect(localIsoDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localIsoDay(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });

  it('is an untitled issue brief of today with no sections', () => {
    const b = blankBrief();
    expect(b.meta).toMatchObject({ ...UNTITLED, date: localIsoDay(new Date()) });
    expect(b.sections).toEqual([]);
    expect(b.pins).toEqual({});
  });
});
