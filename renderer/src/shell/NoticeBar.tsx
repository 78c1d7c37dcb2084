// The notice under the top bar: its text, its follow-up action if any, and Dismiss.
import type { Notice } from './useNotice.js';

interface Props {
  notice: Notice | null;
  onDismiss(): void;
}

export function NoticeBar({ notice, onDismiss }: Props) {
  if (!notice) return null;
  const action = notice.action;
  return (
    <div className="notice" role="alert">
      <span>{notice.text}</span>
      <span className="notice-actions">
        {action && (
          <button
            type="button"
            onClick={() => {
              onDismiss();
              action.run();
            }}
          >
            {action.label}
          </button>
        )}
        <button type="button" onClick={onDismiss}>Dismiss</button>
      </span>
    </div>
  );
}
