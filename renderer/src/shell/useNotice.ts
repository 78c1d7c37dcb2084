// Status messages: the one notice under the top bar (a document action's result, a failed call, About).
import { useCallback, useState } from 'react';

/** What the app tells the user; `action` offers a follow-up such as "Replace it" or "Discard changes". */
export interface Notice {
  text: string;
  action?: { label: string; run(): void };
}

export interface NoticeControls {
  notice: Notice | null;
  /** Shows a notice with its follow-up action, or clears it with null. */
  show(notice: Notice | null): void;
  /** Shows plain text, or clears the notice with null. */
  say(text: string | null): void;
}

export function useNotice(): NoticeControls {
  const [notice, show] = useState<Notice | null>(null);
  const say = useCallback((text: string | null) => show(text === null ? null : { text }), []);
  return { notice, show, say };
}
