// Commands the application menu sends to the renderer (main -> renderer is this one event, nothing else).
export const MENU_CHANNEL = 'menu:command';
// 'save-and-close' is no menu item: main sends it when the user answers Save as the window closes.
// Labels and shortcuts of the others: shared/commands.ts (MENU_ENTRIES).
export const MENU_COMMANDS = ['new', 'open', 'save', 'save-as', 'export-pdf', 'export-word', 'export-releasable', 'find', 'undo', 'redo', 'about', 'command-palette', 'save-and-close'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(x: unknown): x is MenuCommand {
  return typeof x === 'string' && (MENU_COMMANDS as readonly string[]).includes(x);
}
