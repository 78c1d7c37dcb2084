// Reading produced PDFs back for tests: pdfjs-dist (text, structure, annotations, outline) and poppler/qpdf.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJsDoc = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

export async function openPdf(bytes: Uint8Array): Promise<PdfJsDoc> {
  // pdfjs takes ownership of (detaches) the buffer it gets: give it a copy.
  return pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
}

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontName: string;
  hasEOL: boolean;
}

export async function textItems(doc: PdfJsDoc, pageNumber: number): Promise<TextItem[]> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  return content.items.flatMap((it) =>
    'str' in it ? [{ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width, height: it.height, fontName: it.fontName, hasEOL: it.hasEOL }] : [],
  );
}

/** The page's text in content order, lines ended where pdfjs saw a line end. */
export async function pageText(doc: PdfJsDoc, pageNumber: number): Promise<string> {
  return (await textItems(doc, pageNumber)).map((i) => i.str + (i.hasEOL ? '\n' : '')).join('');
}

export async function allText(doc: PdfJsDoc): Promise<string[]> {
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) out.push(await pageText(doc, i));
  return out;
}

export interface StructNodeOut {
  role?: string;
  type?: string;
  children?: StructNodeOut[];
  lang?: string;
  alt?: string;
}

/** Every structure role on every page (pdfjs gives the tree per page). */
export async function structRoles(doc: PdfJsDoc): Promise<string[]> {
  const roles: string[] = [];
  const walk = (n: StructNodeOut | null | undefined) => {
    if (!n) return;
    if (n.role) roles.push(n.role);
    n.children?.forEach(walk);
  };
  for (let i = 1; i <= doc.numPages; i++) walk((await (await doc.getPage(i)).getStructTree()) as StructNodeOut);
  return roles;
}

export async function structTree(doc: PdfJsDoc, pageNumber: number): Promise<StructNodeOut> {
  return (await (await doc.getPage(pageNumber)).getStructTree()) as StructNodeOut;
}

export interface Annotation {
  subtype: string;
  url?: string;
  dest?: unknown;
  rect: number[];
  structParent?: number;
}

export async function annotations(doc: PdfJsDoc, pageNumber: number): Promise<Annotation[]> {
  return (await (await doc.getPage(pageNumber)).getAnnotations()) as Annotation[];
}

/** 1-based page number a named or explicit destination points to. */
export async function destPage(doc: PdfJsDoc, dest: unknown): Promise<number> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[]);
  if (!explicit) throw new Error(`no destination ${String(dest)}`);
  return (await doc.getPageIndex(explicit[0] as { num: number; gen: number })) + 1;
}

function withFile<T>(bytes: Uint8Array, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-test-'));
  const file = path.join(dir, 'out.pdf');
  try {
    writeFileSync(file, bytes);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** qpdf --check: exit 0 means no syntax or stream errors (3 would be warnings). */
export function qpdfCheck(bytes: Uint8Array): { ok: boolean; output: string } {
  return withFile(bytes, (file) => {
    const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  });
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdffonts(bytes: Uint8Array): FontRow[] {
  return withFile(bytes, (file) => {
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    return out
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        // name type... encoding emb sub uni objectID gen: read from the right.
        return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: cols[cols.length - 5] === 'yes' };
      });
  });
}

export function pdftotext(bytes: Uint8Array, opts: { layout?: boolean; first?: number; last?: number } = {}): string {
  return withFile(bytes, (file) => {
    const args = [...(opts.layout ? ['-layout'] : []), ...(opts.first ? ['-f', String(opts.first)] : []), ...(opts.last ? ['-l', String(opts.last)] : []), file, '-'];
    return execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  });
}

/** Every page drawn by poppler (pdftoppm) as 8-bit grey pixels at the given resolution. */
export function pageImages(bytes: Uint8Array, dpi = 40): { width: number; height: number; pixels: Uint8Array }[] {
  return withFile(bytes, (file) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', file, path.join(path.dirname(file), 'page')]);
    return readdirSync(path.dirname(file))
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => {
        // Binary PGM: "P5\n<width> <height>\n<maxval>\n" then one byte per pixel.
        const data = readFileSync(path.join(path.dirname(file), f));
        const header = data.subarray(0, 64).toString('latin1').split('\n');
        const [width, height] = header[1]!.split(' ').map(Number) as [number, number];
        const start = header.slice(0, 3).join('\n').length + 1;
        return { width, height, pixels: new Uint8Array(data.subarray(start)) };
      });
  });
}

export function pdfinfo(bytes: Uint8Array): Record<string, string> {
  return withFile(bytes, (file) => {
    const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
  });
}

/** The raw XMP packet (pdfkit writes it uncompressed). */
export function xmpPacket(bytes: Uint8Array): string {
  const s = Buffer.from(bytes).toString('utf8');
  const start = s.indexOf('<x:xmpmeta');
  const end = s.indexOf('</x:xmpmeta>');
  if (start < 0 || end < 0) throw new Error('no XMP packet');
  return s.slice(start, end + '</x:xmpmeta>'.length);
}

/** Minimal XML well-formedness: balanced tags, only known entities, no raw "<" or "&" in text. */
export function isWellFormedXml(xml: string): boolean {
  const stack: string[] = [];
  const re = /<(\/?)([\w:.-]+)([^<>]*?)(\/?)>|<\?[^>]*\?>|([^<]+)|(<)/g;
  for (const m of xml.matchAll(re)) {
    if (m[6]) return false;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[5])) return false;
      continue;
    }
    if (!m[2]) continue;
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(m[3] ?? '')) return false;
    if (m[4]) continue;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]);
  }
  return stack.length === 0;
}

/** Page sizes in points. */
export async function pageSize(doc: PdfJsDoc, pageNumber: number): Promise<{ width: number; height: number }> {
  const vp = (await doc.getPage(pageNumber)).getViewport({ scale: 1 });
  return { width: vp.width, height: vp.height };
}
