// pdf.js set up for the renderer: its worker is bundled by Vite and served from the app's own origin (CSP worker-src 'self').
import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * One worker for every preview document: left to itself, pdf.js starts a new Web Worker (and parses its 1 MB of
 * script again) for each document it opens, i.e. on every edit. Handed in as `worker`, it is not the document's to
 * destroy, so destroying an old preview leaves it running for the next.
 */
let shared: PDFWorker | null = null;
const previewWorker = () => (shared ??= new PDFWorker());

export type { PDFDocumentProxy };

export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js transfers the buffer to its worker: hand it a copy so the caller's bytes stay usable.
  return getDocument({ data: new Uint8Array(bytes), worker: previewWorker(), isEvalSupported: false, disableFontFace: true }).promise;
}

const textsByDoc = new WeakMap<PDFDocumentProxy, Promise<string[]>>();

/** Text of every page, for finding where a section starts; read once per document, only when needed. */
function pageTexts(doc: PDFDocumentProxy): Promise<string[]> {
  let texts = textsByDoc.get(doc);
  if (!texts) {
    texts = (async () => {
      const out: string[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        out.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
      }
      return out;
    })();
    textsByDoc.set(doc, texts);
  }
  return texts;
}

/** 1-based page where a heading starts: the PDF's bookmarks when they name it, else the page text. */
export async function findTitlePage(doc: PDFDocumentProxy, title: string): Promise<number | null> {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const wanted = norm(title);
  const walk = async (items: Awaited<ReturnType<PDFDocumentProxy['getOutline']>>): Promise<number | null> => {
    for (const item of items ?? []) {
      if (norm(item.title).endsWith(wanted)) {
        const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
        const ref = dest?.[0];
        if (ref && typeof ref === 'object') return (await doc.getPageIndex(ref)) + 1;
        if (typeof ref === 'number') return ref + 1;
      }
      const inner = await walk(item.items);
      if (inner) return inner;
    }
    return null;
  };
  const fromOutline = await walk(await doc.getOutline()).catch(() => null);
  if (fromOutline) return fromOutline;
  // Without bookmarks, the first page that shows the title (a table of contents would win here: bookmarks avoid that).
  const page = (await pageTexts(doc)).findIndex((t) => norm(t).includes(wanted));
  return page < 0 ? null : page + 1;
}
