// The About text, with the name and version main reads from package.json (the appInfo channel).
import type { ResultOf } from '../../../shared/ipc/channels.js';

export type AppInfo = ResultOf<'appInfo'>;

/** Without an answer from main (no app info in this build) the text names no version rather than a wrong one. */
export function aboutText(info: AppInfo | null): string {
  const name = info ? `${info.name} ${info.version}` : 'Briefing Builder';
  return `${name} — works offline; nothing leaves this computer. It formats markings; it does not make a computer fit to hold classified information.`;
}
