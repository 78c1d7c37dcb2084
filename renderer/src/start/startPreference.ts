// The start screen's templates in words, and the one preference it keeps: whether it opens at launch.
import type { TemplateId } from '../../../shared/model/brief.js';

export const TEMPLATE_CHOICES: readonly { id: TemplateId; label: string; description: string }[] = [
  { id: 'issue-brief', label: 'Issue brief', description: 'cover title, contents and numbered endnotes' },
  { id: 'decision-memo', label: 'Decision memo', description: 'a memo header (for, from, subject) and the options' },
  { id: 'one-pager', label: 'One-pager', description: 'talking points that fit on one page' },
];

/** A window preference, kept in the renderer's own storage on this machine (nothing leaves it). */
const KEY = 'briefing.startScreen';

export function showAtLaunch(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setShowAtLaunch(on: boolean): void {
  try {
    window.localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (a locked profile): the screen simply keeps showing at launch.
  }
}
