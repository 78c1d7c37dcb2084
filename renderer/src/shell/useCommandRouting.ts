// Routes commands from the app menu, the keyboard shortcuts and the toolbar to the composer's actions.
// Undo and redo while typing belong to the text editor's own history, not the brief's.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { MenuCommand } from '../../../shared/ipc/menu-commands.js';
import { commandForKey, isInsideTextEditor } from './shortcuts.js';

/** One action per menu command. */
export type CommandTable = Record<MenuCommand, () => void>;

/** The text editor's own history, which takes Undo/Redo while it has focus. */
export interface TextHistory {
  undo(): void;
  redo(): void;
}

/** Subscribes to the menu and the keyboard once; returns `run` for buttons that issue the same commands. */
export function useCommandRouting(commands: CommandTable, textHistory: RefObject<TextHistory | null>): (command: MenuCommand) => void {
  // The menu bridge has no way to unsubscribe: subscribe once and always call the latest table.
  const latest = useRef(commands);
  latest.current = commands;

  const run = useCallback(
    (command: MenuCommand) => {
      // From the app menu while typing: the text's own history, like the keyboard shortcut there.
      if ((command === 'undo' || command === 'redo') && isInsideTextEditor(window.document.activeElement)) {
        return command === 'undo' ? textHistory.current?.undo() : textHistory.current?.redo();
      }
      latest.current[command]();
    },
    [textHistory],
  );

  useEffect(() => {
    window.briefingMenu?.onCommand((command) => run(command));
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e);
      if (!command || e.defaultPrevented) return;
      if ((command === 'undo' || command === 'redo') && isInsideTextEditor(e.target)) return;
      e.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  return run;
}
