// The live preview: the export pipeline's own PDF, drawn with pdf.js (canvas + text layer), one page at a time.
import { useEffect, useRef, useState } from 'react';
import { TextLayer, type RenderTask } from 'pdfjs-dist';
import { findTitlePage, openPdf, type PDFDocumentProxy } from './pdfjs.js';
import type { PreviewState } from './usePreview.js';

interface Props {
  preview: PreviewState;
  /** Title of the section chosen in the outline; `goto` changes each time one is chosen. */
  target: { title: string; goto: number } | null;
}

interface Loaded {
  doc: PDFDocumentProxy;
  seq: number;
}

export function PdfPreview({ preview, target }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [page, setPage] = useState(1);
  const [width, setWidth] = useState(600);
  const [renderError, setRenderError] = useState<string | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const honouredGoto = useRef(0);

  // Open each new PDF; an older one still opening when a newer arrives is discarded.
  useEffect(() => {
    const result = preview.result;
    if (!result) return;
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(result.pdf)
      .then((doc) => {
        opened = doc;
        if (!live) return;
        setLoaded({ doc, seq: preview.shownSeq });
        setPage((p) => Math.min(Math.max(1, p), doc.numPages));
        setRenderError(null);
      })
      .catch((e: Error) => live && setRenderError(e.message));
    return () => {
      live = false;
      // The next document replaces this one; free its worker memory once it is no longer shown.
      setTimeout(() => void opened?.destroy(), 2000);
    };
  }, [preview.result, preview.shownSeq]);

  // Choosing a section in the outline brings the preview to the page where it starts.
  useEffect(() => {
    if (!loaded || !target || target.goto === honouredGoto.current) return;
    let live = true;
    findTitlePage(loaded.doc, target.title).then((p) => {
      if (!live) return;
      honouredGoto.current = target.goto;
      if (p) setPage(p);
    });
    return () => {
      live = false;
    };
  }, [loaded, target]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, Math.floor(entry.contentRect.width) - 24)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Draw the page; a newer draw cancels an unfinished one instead of queueing behind it.
  useEffect(() => {
    if (!loaded || !canvas.current || !textLayer.current) return;
    let task: RenderTask | null = null;
    let text: TextLayer | null = null;
    let live = true;
    (async () => {
      const p = await loaded.doc.getPage(Math.min(page, loaded.doc.numPages));
      if (!live) return;
      const base = p.getViewport({ scale: 1 });
      const scale = width / base.width;
      const viewport = p.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const c = canvas.current!;
      c.width = Math.floor(viewport.width * ratio);
      c.height = Math.floor(viewport.height * ratio);
      c.style.width = `${Math.floor(viewport.width)}px`;
      c.style.height = `${Math.floor(viewport.height)}px`;
      const layer = textLayer.current!;
      layer.replaceChildren();
      layer.parentElement!.style.setProperty('--total-scale-factor', String(scale));
      task = p.render({ canvas: c, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      text = new TextLayer({ textContentSource: p.streamTextContent(), container: layer, viewport });
      await Promise.all([task.promise, text.render()]);
    })().catch((e: Error) => {
      if (live && e.name !== 'RenderingCancelledException' && e.name !== 'AbortException') setRenderError(e.message);
    });
    return () => {
      live = false;
      task?.cancel();
      text?.cancel();
    };
  }, [loaded, page, width]);

  const pages = loaded?.doc.numPages ?? 0;
  const go = (p: number) => setPage(Math.min(Math.max(1, p), Math.max(1, pages)));
  const status = preview.error
    ? `Preview failed: ${preview.error}`
    : preview.pending || (preview.result && loaded?.seq !== preview.shownSeq)
      ? 'Updating…'
      : pages
        ? `Up to date · ${pages} page${pages === 1 ? '' : 's'}`
        : '';

  return (
    <section className="pane preview" aria-labelledby="preview-heading">
      <div className="preview-toolbar">
        <h2 id="preview-heading">Preview</h2>
        <div className="pager" role="group" aria-label="Pages">
          <button type="button" onClick={() => go(page - 1)} disabled={page <= 1} aria-label="Previous page">‹</button>
          <label className="page-input">
            <span className="visually-hidden">Page</span>
            <input type="number" min={1} max={pages || 1} value={page} onChange={(e) => go(Number(e.target.value))} />
          </label>
          <span aria-hidden="true">of {pages || '–'}</span>
          <button type="button" onClick={() => go(page + 1)} disabled={page >= pages} aria-label="Next page">›</button>
        </div>
        <span className={`preview-status${preview.error ? ' error' : ''}`} role="status" aria-live="polite">
          {status}
        </span>
      </div>
      <div
        className="preview-frame"
        ref={frame}
        tabIndex={0}
        role="region"
        aria-label={`PDF preview, page ${page} of ${pages}`}
        data-preview-seq={loaded?.seq ?? 0}
        onKeyDown={(e) => {
          const step = e.key === 'PageDown' || e.key === 'ArrowRight' ? 1 : e.key === 'PageUp' || e.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          e.preventDefault();
          go(page + step);
        }}
      >
        {renderError && <p role="alert" className="error">Could not draw the preview: {renderError}</p>}
        <div className="pdf-page" hidden={!loaded}>
          <canvas ref={canvas} aria-hidden="true" />
          <div ref={textLayer} className="textLayer" data-page={page} />
        </div>
        {!loaded && !preview.error && <p className="hint">The preview appears here.</p>}
      </div>
    </section>
  );
}
