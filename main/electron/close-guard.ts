// What to ask before the window closes with unsaved briefs; pure, so the wording and the choice are unit-tested.
import type { MessageBoxOptions } from 'electron';

export const CLOSE_ANYWAY = 1;

/** null: close without asking. Otherwise the question; button CLOSE_ANYWAY closes, anything else keeps the window. */
export function closeQuestion(unsaved: string[]): MessageBoxOptions | null {
  if (unsaved.length === 0) return null;
  const names = unsaved.length === 1 ? `“${unsaved[0]}” has` : `${unsaved.length} briefs have`;
  return {
    type: 'warning',
    buttons: ['Keep Editing', 'Close Without Saving'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    message: `${names} unsaved changes.`,
    // The recovery copy is kept when closing without saving, so nothing is lost either way.
    detail: 'If you close now, a recovery copy of your changes is kept and offered the next time you start Briefing Builder.',
  };
}
