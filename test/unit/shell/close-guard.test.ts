// Closing with unsaved briefs asks first; the safe answer (keep editing) is the default and the cancel.
import { describe, expect, it } from 'vitest';
import { CLOSE_ANYWAY, closeQuestion } from '../../../main/electron/close-guard.js';

describe('close guard', () => {
  it('closes without asking when everything is saved', () => {
    expect(closeQuestion([])).toBeNull();
  });
  it('names the brief, defaults to keep editing, and says the recovery copy is kept', () => {
    const q = closeQuestion(['quantum.brief'])!;
    expect(q.message).toBe('“quantum.brief” has unsaved changes.');
    expect(q.buttons![CLOSE_ANYWAY]).toBe('Close Without Saving');
    expect(q.defaultId).not.toBe(CLOSE_ANYWAY);
    expect(q.cancelId).not.toBe(CLOSE_ANYWAY);
    expect(q.detail).toMatch(/recovery copy/);
  });
  it('counts several briefs', () => {
    expect(closeQuestion(['a.brief', 'Untitled'])!.message).toBe('2 briefs have unsaved changes.');
  });
});
