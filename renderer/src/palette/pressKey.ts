// Runs a renderer shortcut from the command palette by pressing its key where it belongs, so the palette goes
// through the very handlers the keyboard reaches (CodeMirror's keymap, the outline's keys, F6).
import { parseAccelerator } from '../../../shared/commands.js';
import type { KeyTarget } from './paletteCommands.js';

/** Where the key goes, given where focus was when the palette opened; null when it cannot run now. */
export function keyTarget(where: KeyTarget, opener: Element | null): HTMLElement | null {
  if (where === 'editor') {
    // The section text focus was in, else the open section's.
    return opener?.closest('.cm-editor')?.querySelector<HTMLElement>('.cm-content') ?? document.querySelector<HTMLElement>('#editor .cm-content');
  }
  if (where === 'outline') {
    // The outline row focus was on, else the selected one.
    return (
      opener?.closest('.outline-item')?.querySelector<HTMLElement>('.outline-select') ?? document.querySelector<HTMLElement>('.outline-select[aria-current="true"]')
    );
  }
  return opener instanceof HTMLElement && opener.isConnected ? opener : document.body;
}

/** Presses the accelerator's key on `target`, as the keyboard would (the same handlers run). */
export function pressAccelerator(target: HTMLElement, accelerator: string, mac: boolean): void {
  const a = parseAccelerator(accelerator);
  // A letter comes as the browser reports it: lower case, upper case with Shift (the table writes `CmdOrCtrl+B`).
  const key = a.key.length === 1 ? (a.shift ? a.key.toUpperCase() : a.key.toLowerCase()) : a.key;
  target.dispatchEvent(
    new KeyboardEvent('keydown', {
      key,
      ctrlKey: a.ctrl || (a.cmdOrCtrl && !mac),
      metaKey: a.meta || (a.cmdOrCtrl && mac),
      shiftKey: a.shift,
      altKey: a.alt,
      bubbles: true,
      cancelable: true,
    }),
  );
}
