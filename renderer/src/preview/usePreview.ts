// Keeps a PDF preview of the brief: one request out at a time, the newest brief sent as soon as the last returns.
import { useEffect, useRef, useState } from 'react';
import type { PreviewResult, ReleaseArgs } from '../../../shared/ipc/channels.js';
import type { Brief } from '../../../shared/model/brief.js';
import { api } from '../api.js';

/**
 * How long an edit waits before its preview is asked for: one frame, to fold the store updates of one keystroke
 * into one request. Fast typing needs no longer pause: while a request is out only the newest brief waits, so
 * requests never queue up (the keystroke-to-paint bench row measures the whole path).
 */
export const PREVIEW_DELAY_MS = 16;

// Performance marks, each with { seq }: 'briefing:preview-request' when a brief leaves for main, 'briefing:preview-result'
// when its PDF is back, 'briefing:preview-opened' when pdf.js has read it, 'briefing:preview-painted' per drawn page.
export interface PreviewState {
  result: PreviewResult | null;
  /** Sequence number of the brief version `result` shows. */
  shownSeq: number;
  pending: boolean;
  error: string | null;
}

/**
 * `release`: preview the releasable copy at that level instead of the whole brief. `libraryVersion`: composed
 * again when the libraries change (a fact review recorded, a fact saved), since main composes against them.
 *
 * Requests never pile up behind each other: while one is out, only the newest brief waits, and it leaves the moment
 * the answer comes. An answer older than what is shown is dropped; one newer than it is shown at once, even if a
 * still newer brief is on its way, so the page keeps up with steady typing instead of waiting for a pause.
 */
export function usePreview(brief: Brief, release: ReleaseArgs | null = null, libraryVersion = 0): PreviewState {
  const seq = useRef(0);
  const shown = useRef(0);
  const inFlight = useRef(false);
  const waiting = useRef<(() => void) | null>(null);
  const [state, setState] = useState<PreviewState>({ result: null, shownSeq: 0, pending: true, error: null });
  useEffect(() => {
    const mine = ++seq.current;
    // A brief without a title is not a valid document: say what to do instead of showing a schema error.
    if (!brief.meta.title.trim()) return void setState((s) => ({ ...s, pending: false, error: 'the brief needs a title (Settings → Title)' }));
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const send = () => {
      inFlight.current = true;
      performance.mark('briefing:preview-request', { detail: { seq: mine } });
      // No second argument at all without a release: an explicit undefined crosses IPC as null, which the schema refuses.
      const request = release ? api().previewPdf(brief, { release }) : api().previewPdf(brief);
      request
        .then(
          (result) => {
            performance.mark('briefing:preview-result', { detail: { seq: mine } });
            if (mine <= shown.current) return;
            shown.current = mine;
            setState({ result, shownSeq: mine, pending: mine !== seq.current, error: null });
          },
          (e: Error) => mine === seq.current && setState((s) => ({ ...s, pending: false, error: e.message })),
        )
        .finally(() => {
          inFlight.current = false;
          const next = waiting.current;
          waiting.current = null;
          next?.();
        });
    };
    const timer = setTimeout(() => {
      if (inFlight.current) waiting.current = send;
      else send();
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      // A newer brief replaces this one in the queue; a request already out is left to finish.
      if (waiting.current === send) waiting.current = null;
    };
  }, [brief, release, libraryVersion]);
  return state;
}
