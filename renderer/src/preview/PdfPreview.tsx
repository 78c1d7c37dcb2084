// The live preview: the export pipeline's own PDF, drawn with pdf.js, every page in one scrolling column, zoomable.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { findTitlePage, openPdf, type PDFDocumentProxy } from './pdfjs.js';
import { PdfPageView, type PageSize } from './PdfPageView.js';
import { ZOOM_STEPS, nextZoom, zoomLabel, type Zoom } from './zoom.js';
import type { PreviewState } from './usePreview.js';

interface Props {
  preview: PreviewState;
  /** Title of the section chosen in the outline; `goto` changes each time one is chosen. */
  target: { title: string; goto: number } | null;
  /** The section open in the editor and the one after it: each new PDF keeps the edited section in view. */
  follow: { title: string; nextTitle: string | null } | null;
}

interface Loaded {
  doc: PDFDocumentProxy;
  seq: number;
  /** Page 1's size at scale 1; every page starts at it until drawn (a brief's pages share one size). */
  size: PageSize;
}

/** Pixels between pages and around them (keep in step with .pdf-pages in styles.css). */
const GAP = 12;

export function PdfPreview({ preview, target, follow }: Props) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [frameWidth, setFrameWidth] = useState(600);
  const [near, setNear] = useState<ReadonlySet<number>>(new Set([1]));
  const [onScreen, setOnScreen] = useState<ReadonlySet<number>>(new Set([1]));
  const [renderError, setRenderError] = useState<string | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const honouredGoto = useRef(0);
  const sizeRef = useRef<PageSize | null>(null);
  const followRef = useRef(follow);
  followRef.current = follow;

  const pages = loaded?.doc.numPages ?? 0;
  const scale = loaded ? (zoom === 'fit' ? Math.max(0.2, (frameWidth - 2 * GAP) / loaded.size.width) : (zoom * 96) / 72) : 1;

  // Open each new PDF; an older one still opening when a newer arrives is discarded.
  useEffect(() => {
    const result = preview.result;
    if (!result) return;
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(result.pdf)
      .then(async (doc) => {
        opened = doc;
        // The page size is read once; later documents of the same brief reuse it (a page of another size corrects itself when drawn).
        const known = sizeRef.current;
        const size: PageSize = known ?? (await doc.getPage(1).then((p) => p.getViewport({ scale: 1 })));
        sizeRef.current = { width: size.width, height: size.height };
        performance.mark('briefing:preview-opened', { detail: { seq: preview.shownSeq } });
        if (!live) return;
        setLoaded({ doc, seq: preview.shownSeq, size: sizeRef.current });
        setRenderError(null);
      })
      .catch((e: Error) => live && setRenderError(e.message));
    return () => {
      live = false;
      // The next document replaces this one; free its worker memory once it is no longer shown.
      setTimeout(() => void opened?.destroy(), 2000);
    };
  }, [preview.result, preview.shownSeq]);

  /** Scrolls page `n` to the top of the frame. */
  const scrollToPage = useCallback((n: number) => {
    const el = frame.current?.querySelector<HTMLElement>(`.pdf-page[data-page="${n}"]`);
    if (el && frame.current) frame.current.scrollTop = el.offsetTop - GAP;
    setPage(n);
  }, []);

  /** Pages at least partly inside the frame. */
  const visiblePages = (): number[] => {
    const f = frame.current;
    if (!f) return [];
    const out: number[] = [];
    for (const el of f.querySelectorAll<HTMLElement>('.pdf-page')) {
      if (el.offsetTop < f.scrollTop + f.clientHeight && el.offsetTop + el.offsetHeight > f.scrollTop) out.push(Number(el.dataset.page));
    }
    return out;
  };

  // Choosing a section in the outline brings the preview to the page where it starts.
  useEffect(() => {
    if (!loaded || !target || target.goto === honouredGoto.current) return;
    let live = true;
    void findTitlePage(loaded.doc, target.title).then((p) => {
      if (!live) return;
      honouredGoto.current = target.goto;
      if (p) scrollToPage(p);
    });
    return () => {
      live = false;
    };
  }, [loaded, target, scrollToPage]);

  // A new PDF after an edit: if none of the edited section's pages is on screen, go to where it starts.
  useEffect(() => {
    const f = followRef.current;
    if (!loaded || !f) return;
    let live = true;
    void (async () => {
      const start = await findTitlePage(loaded.doc, f.title);
      if (!live || !start) return;
      const next = f.nextTitle ? await findTitlePage(loaded.doc, f.nextTitle) : null;
      const end = next && next > start ? next : next === start ? start : loaded.doc.numPages;
      if (!live) return;
      const shown = visiblePages();
      if (shown.length && !shown.some((p) => p >= start && p <= end)) scrollToPage(start);
    })();
    return () => {
      live = false;
    };
  }, [loaded, scrollToPage]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => entry && setFrameWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Pages near the view are drawn, the rest are placeholders of the right size (a 200-page brief stays light);
  // the pages on screen are drawn before the ones just beyond it.
  useLayoutEffect(() => {
    const root = frame.current;
    if (!root || !pages) return;
    const track = (set: typeof setNear, rootMargin: string) => {
      const io = new IntersectionObserver(
        (entries) =>
          set((prev) => {
            const next = new Set(prev);
            for (const e of entries) {
              const n = Number((e.target as HTMLElement).dataset.page);
              if (e.isIntersecting) next.add(n);
              else next.delete(n);
            }
            return next;
          }),
        { root, rootMargin },
      );
      root.querySelectorAll('.pdf-page').forEach((el) => io.observe(el));
      return io;
    };
    const observers = [track(setNear, '50% 0px'), track(setOnScreen, '0px')];
    return () => observers.forEach((io) => io.disconnect());
  }, [pages, loaded]);

  // Zooming keeps the page at the top of the view in place.
  const zoomTo = (z: Zoom) => {
    const top = page;
    setZoom(z);
    requestAnimationFrame(() => scrollToPage(top));
  };

  const onScroll = () => {
    const f = frame.current;
    if (!f) return;
    // The page under the top third of the view is "the" page for the pager.
    const probe = f.scrollTop + f.clientHeight / 3;
    let current = 1;
    for (const el of f.querySelectorAll<HTMLElement>('.pdf-page')) {
      if (el.offsetTop <= probe) current = Number(el.dataset.page);
      else break;
    }
    setPage(current);
  };

  const go = (p: number) => {
    if (!pages) return;
    scrollToPage(Math.min(Math.max(1, Math.round(p) || 1), pages));
  };
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
        <div className="zoom" role="group" aria-label="Zoom">
          <button type="button" onClick={() => zoomTo(nextZoom(zoom, scale, -1))} disabled={scale <= ZOOM_STEPS[0]! * (96 / 72) + 1e-6} aria-label="Zoom out">−</button>
          <label>
            <span className="visually-hidden">Zoom</span>
            <select value={zoom === 'fit' ? 'fit' : String(zoom)} onChange={(e) => zoomTo(e.target.value === 'fit' ? 'fit' : Number(e.target.value))}>
              <option value="fit">Fit width{zoom === 'fit' ? ` (${Math.round((scale * 72 * 100) / 96)}%)` : ''}</option>
              {ZOOM_STEPS.map((z) => (
                <option key={z} value={String(z)}>{zoomLabel(z)}</option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => zoomTo(nextZoom(zoom, scale, 1))} disabled={scale >= ZOOM_STEPS[ZOOM_STEPS.length - 1]! * (96 / 72) - 1e-6} aria-label="Zoom in">+</button>
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
        onScroll={onScroll}
        onKeyDown={(e) => {
          // PageUp/PageDown and the arrows up and down scroll as in any viewer; left and right step a page.
          if (e.key === '+' || e.key === '=' || e.key === '-') {
            e.preventDefault();
            return zoomTo(nextZoom(zoom, scale, e.key === '-' ? -1 : 1));
          }
          if (e.key === '0') return zoomTo('fit');
          const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          e.preventDefault();
          go(page + step);
        }}
      >
        {renderError && <p role="alert" className="error">Could not draw the preview: {renderError}</p>}
        {loaded && (
          <div className="pdf-pages">
            {Array.from({ length: pages }, (_, i) => (
              <PdfPageView key={i + 1} doc={loaded.doc} n={i + 1} scale={scale} size={loaded.size} near={near.has(i + 1)} visible={onScreen.has(i + 1)} seq={loaded.seq} onError={setRenderError} />
            ))}
          </div>
        )}
        {!loaded && !preview.error && <p className="hint">The preview appears here.</p>}
      </div>
    </section>
  );
}
