// One page of the preview: a placeholder of the page's size, drawn (canvas + pdf.js text layer) while near the view.
import { useEffect, useRef, useState } from 'react';
import { TextLayer, type RenderTask } from 'pdfjs-dist';
import type { PDFDocumentProxy } from './pdfjs.js';

/** The performance mark each drawn page leaves, with `{ seq, page }` as its detail. */
export const PAINTED_MARK = 'briefing:preview-painted';

export interface PageSize {
  width: number;
  height: number;
}

interface Props {
  doc: PDFDocumentProxy;
  /** 1-based page number. */
  n: number;
  /** CSS pixels per PDF point. */
  scale: number;
  /** The size to reserve until the page itself has been read (scale 1). */
  size: PageSize;
  near: boolean;
  /** On screen now (not just near): drawn first. */
  visible: boolean;
  /** The brief version this document shows, written on the page when drawn (tests and tools read it). */
  seq: number;
  onError(message: string): void;
}

export function PdfPageView({ doc, n, scale, size, near, visible, seq, onError }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [own, setOwn] = useState<PageSize | null>(null);
  // What the host shows now, so a page scrolled away and back is not drawn again for nothing.
  const drawn = useRef<{ doc: PDFDocumentProxy; scale: number } | null>(null);
  const box = own ?? size;

  useEffect(() => {
    if (!near || !host.current) return;
    if (drawn.current?.doc === doc && drawn.current.scale === scale) return;
    let task: RenderTask | null = null;
    let text: TextLayer | null = null;
    let live = true;
    const draw = async () => {
      const p = await doc.getPage(n);
      if (!live) return;
      const base = p.getViewport({ scale: 1 });
      if (base.width !== size.width || base.height !== size.height) setOwn({ width: base.width, height: base.height });
      const viewport = p.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      // Drawn off screen and swapped in when whole: the old page stays up while the new one renders (no flash).
      const c = document.createElement('canvas');
      c.setAttribute('aria-hidden', 'true');
      c.width = Math.floor(viewport.width * ratio);
      c.height = Math.floor(viewport.height * ratio);
      c.style.width = `${Math.floor(viewport.width)}px`;
      c.style.height = `${Math.floor(viewport.height)}px`;
      task = p.render({ canvas: c, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      if (!live || !host.current) return;
      // The picture first (what the writer waits for), the selectable text after it; the old text layer goes with
      // the old picture, since it no longer lines up.
      host.current.style.setProperty('--total-scale-factor', String(scale));
      host.current.replaceChildren(c);
      // On the next frame the new page is on screen: the keystroke-to-paint bench reads this mark.
      requestAnimationFrame(() => performance.mark(PAINTED_MARK, { detail: { seq, page: n } }));
      const layer = document.createElement('div');
      layer.className = 'textLayer';
      layer.dataset.page = String(n);
      text = new TextLayer({ textContentSource: p.streamTextContent(), container: layer, viewport });
      await text.render();
      if (!live || !host.current) return;
      host.current.append(layer);
      host.current.dataset.drawn = String(seq);
      drawn.current = { doc, scale };
    };
    const start = () =>
      void draw().catch((e: Error) => {
        if (live && e.name !== 'RenderingCancelledException' && e.name !== 'AbortException') onError(e.message);
      });
    // Pages on screen are drawn at once; those just beyond it wait a moment, so the page being read comes first.
    const timer = visible ? undefined : setTimeout(start, 150);
    if (visible) start();
    return () => {
      live = false;
      clearTimeout(timer);
      task?.cancel();
      text?.cancel();
    };
  }, [doc, n, scale, near, visible, size, seq, onError]);

  // A page far from the view lets its canvas go; its placeholder keeps the scroll height.
  useEffect(() => {
    if (near || !host.current || !drawn.current) return;
    host.current.replaceChildren();
    delete host.current.dataset.drawn;
    drawn.current = null;
  }, [near]);

  return (
    <div
      ref={host}
      className="pdf-page"
      data-page={n}
      style={{ width: Math.floor(box.width * scale), height: Math.floor(box.height * scale) }}
    />
  );
}
