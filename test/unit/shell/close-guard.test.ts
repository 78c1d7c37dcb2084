// Closing with unsaved briefs asks Save / Don't Save / Cancel; Save is the default, Escape cancels.
import { describe, expect, it } from 'vitest';
import { CLOSE_CANCEL, CLOSE_DONT_SAVE, CLOSE_SAVE, closeChoice, closeQuestion } from '../../../main/electron/close-guard.js';

describe('close guard', () => {
  it('closes without asking when everything is saved', () => {
    expect(closeQuestion([])).toBeNull();
  });
  it('names the brief, offers Save, Don’t Save and Cancel, and says the recovery copy is kept', () => {
    const q = closeQuestion(['quantum.brief'])!;
    expect(q.message).toBe('Save the changes to “quantum.brief” before closing?');
    expect(q.buttons).toEqual(['Save', 'Don’t Save', 'Cancel']);
    expect(q.defaultId).toBe(CLOSE_SAVE);
    expect(q.cancelId).toBe(CLOSE_CANCEL);
    expect(q.detail).toMatch(/recovery copy/);
  });
  it('counts several briefs', () => {
    expect(closeQuestion(['a.brief', 'Untitled'])!.message).toBe('Save the changes to the 2 open briefs before closing?');
  });
  it('reads each button as its choice, and anything else (the box closed some other way) as Cancel', () => {
    expect([CLOSE_SAVE, CLOSE_DONT_SAVE, CLOSE_CANCEL, 7, -1].map(closeChoice)).toEqual(['save', 'dont-save', 'cancel', 'cancel', 'cancel']);
  });
});
