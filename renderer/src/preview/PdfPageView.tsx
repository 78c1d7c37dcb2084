// One page of the preview: a placeholder of the page's size, drawn (canvas + pdf.js text layer) while near the view.
import { useEffect, useRef, useState } from 'react';
import { TextLayer, type RenderTask } from 'pdfjs-dist';
import type { PDFDocumentProxy } from './pdfjs.js';

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
  /** The brief version this document shows, written on the page when drawn (tests and tools read it). */
  seq: number;
  onError(message: string): void;
}

export function PdfPageView({ doc, n, scale, size, near, seq, onError }: Props) {
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
    (async () => {
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
      const layer = document.createElement('div');
      layer.className = 'textLayer';
      layer.dataset.page = String(n);
      task = p.render({ canvas: c, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      text = new TextLayer({ textContentSource: p.streamTextContent(), container: layer, viewport });
      await Promise.all([task.promise, text.render()]);
      if (!live || !host.current) return;
      host.current.style.setProperty('--total-scale-factor', String(scale));
      host.current.replaceChildren(c, layer);
      host.current.dataset.drawn = String(seq);
      drawn.current = { doc, scale };
    })().catch((e: Error) => {
      if (live && e.name !== 'RenderingCancelledException' && e.name !== 'AbortException') onError(e.message);
    });
    return () => {
      live = false;
      task?.cancel();
      text?.cancel();
    };
  }, [doc, n, scale, near, size, seq, onError]);

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
