// What to ask before the window closes with unsaved briefs; pure, so the wording and the choice are unit-tested.
import type { MessageBoxOptions } from 'electron';

/** The buttons, in the order the question shows them: Save (default), Don't Save, Cancel. */
export const CLOSE_SAVE = 0;
export const CLOSE_DONT_SAVE = 1;
export const CLOSE_CANCEL = 2;
export type CloseChoice = 'save' | 'dont-save' | 'cancel';

/** null: close without asking. Otherwise the question, whose answer closeChoice reads. */
export function closeQuestion(unsaved: string[]): MessageBoxOptions | null {
  if (unsaved.length === 0) return null;
  const what = unsaved.length === 1 ? `“${unsaved[0]}”` : `the ${unsaved.length} open briefs`;
  return {
    type: 'warning',
    buttons: ['Save', 'Don’t Save', 'Cancel'],
    defaultId: CLOSE_SAVE,
    // Escape or closing the box keeps the window: the one choice that cannot lose anything.
    cancelId: CLOSE_CANCEL,
    noLink: true,
    message: `Save the changes to ${what} before closing?`,
    // A recovery copy is kept when closing without saving, so nothing is lost either way.
    detail: 'If you don’t save, a recovery copy of your changes is kept and offered the next time you start Briefing Builder.',
  };
}

/** The button the user pressed, as a choice; anything unexpected keeps the window. */
export function closeChoice(button: number): CloseChoice {
  return button === CLOSE_SAVE ? 'save' : button === CLOSE_DONT_SAVE ? 'dont-save' : 'cancel';
}
