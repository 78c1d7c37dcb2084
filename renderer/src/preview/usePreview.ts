// Keeps a PDF preview of the brief: asks main ~300 ms after the last change; out-of-date replies are dropped.
import { useEffect, useRef, useState } from 'react';
import type { PreviewResult, ReleaseArgs } from '../../../shared/ipc/channels.js';
import type { Brief } from '../../../shared/model/brief.js';
import { api } from '../api.js';

export const PREVIEW_DELAY_MS = 300;

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
 */
export function usePreview(brief: Brief, release: ReleaseArgs | null = null, libraryVersion = 0): PreviewState {
  const seq = useRef(0);
  const [state, setState] = useState<PreviewState>({ result: null, shownSeq: 0, pending: true, error: null });
  useEffect(() => {
    const mine = ++seq.current;
    // A brief without a title is not a valid document: say what to do instead of showing a schema error.
    if (!brief.meta.title.trim()) return void setState((s) => ({ ...s, pending: false, error: 'the brief needs a title (Settings → Title)' }));
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const timer = setTimeout(() => {
      // No second argument at all without a release: an explicit undefined crosses IPC as null, which the schema refuses.
      const request = release ? api().previewPdf(brief, { release }) : api().previewPdf(brief);
      request.then(
          (result) => {
            // A newer edit has been made since this request left: its own request will replace it.
            if (mine !== seq.current) return;
            setState({ result, shownSeq: mine, pending: false, error: null });
          },
          (e: Error) => mine === seq.current && setState((s) => ({ ...s, pending: false, error: e.message })),
        );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [brief, release, libraryVersion]);
  return state;
}
