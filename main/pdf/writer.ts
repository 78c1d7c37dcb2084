// Document and page writing: a frame's pages drawn through pdfkit, in the output mode (export or preview) given.
import PDFDocument from 'pdfkit';
import { ContentBuffer, rectOps } from './content-ops.js';
import type { FlowItem, LineItem, RowItem } from './flow.js';
import type { FontSet } from './fonts.js';
import { ruleRect, type FillRect, type FramePage, type PageSize, type PlacedItem } from './frame.js';
import type { Rgb } from './layout-types.js';
import type { DocumentOutput, OutputStrategy } from './output.js';
import type { PdfDoc, PdfOutline } from './pdfkit-api.js';
import { collectOutput, escapeInfoForXmp } from './pdfkit-patches.js';
import { pdfString, RawPdf, xyzDestination } from './pdf-objects.js';

export interface DocInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  language: string;
  creationDate: Date;
  /** The overall marking's banner ('' for none): written as the Info key /Classification. */
  classification: string;
}

export interface WriteInput {
  fonts: FontSet;
  page: PageSize;
  info: DocInfo;
  pages: FramePage[];
  /** Export or preview (output-export.ts, output-preview.ts). */
  output: OutputStrategy;
  /** Embedded files (the audit manifest); dated with the document, so the same input gives the same bytes. */
  attachments?: readonly { name: string; type: string; description: string; data: Uint8Array }[];
}

export function writePdf(input: WriteInput): Uint8Array {
  const { page, info, output } = input;
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margin: 0,
    autoFirstPage: false,
    // 1.7 always: tagged PDF needs >= 1.4, and pdfkit writes XMP (and PDF/A ids) only above 1.3.
    pdfVersion: '1.7',
    ...output.pdfkit,
    lang: info.language,
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica, which cannot be embedded.
    font: null as unknown as string,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: 'Briefing Builder',
      Producer: 'Briefing Builder (pdfkit)',
      CreationDate: info.creationDate,
      // A custom Info key (allowed next to the XMP packet in PDF/A: it has no XMP counterpart to disagree with).
      ...(info.classification && { Classification: info.classification }),
    },
  }) as unknown as PdfDoc;
  escapeInfoForXmp(doc);
  const out = collectOutput(doc);
  output.write(() => {
    new PageWriter(doc, input).writeAll();
    for (const a of input.attachments ?? []) {
      doc.file(a.data, { name: a.name, type: a.type, description: a.description, relationship: 'Data', creationDate: info.creationDate, modifiedDate: info.creationDate });
    }
    doc.end();
  });
  // pdfkit finishes synchronously once every object is ended; anything still open would truncate the file.
  if (doc._waiting !== 0) throw new Error(`internal error: ${doc._waiting} PDF objects were never finished`);
  return out();
}

class PageWriter {
  private readonly content: ContentBuffer;
  private readonly out: DocumentOutput;
  private readonly outlineStack: { level: number; item: PdfOutline }[] = [];

  constructor(
    private readonly doc: PdfDoc,
    private readonly input: WriteInput,
  ) {
    this.content = new ContentBuffer(doc);
    this.out = input.output.open(doc, this.content, input.fonts);
  }

  writeAll(): void {
    const { page } = this.input;
    for (const p of this.input.pages) {
      this.doc.addPage({ size: [page.width, page.height], margin: 0 });
      this.drawBackgrounds(p.backgrounds);
      for (const placed of p.placed) this.drawItem(placed);
      // Furniture last, so text extraction without tags still starts with the body.
      this.drawFurniture(p);
      this.out.marker.close();
      this.content.flush();
    }
    this.out.marker.finish();
    // PDF/A forbids unembedded fonts; pdfkit would silently write a standard font if one slipped in.
    for (const f of Object.values(this.doc._fontFamilies)) {
      if (!('subset' in f)) throw new Error(`internal error: a non-embedded font (${String((f as { name?: string }).name)}) was used`);
    }
  }

  /** Backgrounds and bars of summary boxes, quotes and pull quotes, drawn under their text. */
  private drawBackgrounds(rects: FillRect[]): void {
    if (!rects.length) return;
    this.out.marker.artifact('Layout');
    for (const r of rects) this.content.emit(rectOps(r));
    this.out.marker.close();
  }

  private drawFurniture(p: FramePage): void {
    if (!p.furniture.length && !p.rules.length) return;
    this.out.marker.artifact('Pagination');
    for (const r of p.rules) this.rule(r.x, r.y, r.width, r.thickness, r.color);
    for (const f of p.furniture) this.content.emit(this.out.lineOps(f.line, f.x, f.top + f.line.baseline));
    this.out.marker.close();
  }

  private drawItem(p: PlacedItem): void {
    const { item, top } = p;
    if (item.anchor) this.anchor(item.anchor, top);
    switch (item.kind) {
      case 'line':
        this.drawLineItem(item, top);
        break;
      case 'rule':
        this.out.marker.artifact('Layout');
        this.rule(item.x, top, item.width, item.thickness, item.color);
        break;
      case 'row':
        this.drawRow(item, top, !!p.repeat);
        break;
      case 'gap':
      case 'pagebreak':
        break;
    }
  }

  private anchor(anchor: NonNullable<FlowItem['anchor']>, top: number): void {
    this.out.destination(anchor.id, top);
    if (!anchor.bookmark) return;
    const { level, title } = anchor.bookmark;
    while (this.outlineStack.length && this.outlineStack[this.outlineStack.length - 1]!.level >= level) this.outlineStack.pop();
    const parent = this.outlineStack[this.outlineStack.length - 1]?.item ?? this.doc.outline;
    const entry = parent.addItem(title);
    // pdfkit's own XYZ destination puts "left" at the page's right edge; point at the heading instead. Dest and
    // Title are set already serialised (pdfkit would convert them when it writes the outline), in the same bytes.
    entry.outlineData.Dest = new RawPdf(xyzDestination(this.doc.page, top));
    entry.outlineData.Title = new RawPdf(pdfString(title));
    this.outlineStack.push({ level, item: entry });
  }

  private drawLineItem(item: LineItem, top: number): void {
    if (item.label) {
      const lbl = item.label;
      if (item.struct) this.out.marker.content(lbl.struct);
      else this.out.marker.artifact('Layout');
      this.content.emit(this.out.lineOps(lbl.line, lbl.x, top + lbl.line.baseline));
    }
    this.out.line(item.line, item.x, top, item.struct);
  }

  private drawRow(row: RowItem, top: number, repeat: boolean): void {
    const shape = row.table;
    this.out.marker.artifact('Layout');
    if (row.isHeader) this.content.emit(rectOps({ x: shape.x, y: top, width: shape.width, height: row.height, color: shape.headerFill }));
    this.rule(shape.x, top + row.height, shape.width, row.isHeader ? 0.9 : 0.4, shape.rule);
    this.out.marker.close();
    for (const cell of row.cells) {
      let y = top + cell.top;
      for (const line of cell.lines) {
        // A repeated header is a pagination artifact: tagged once, where the table starts.
        this.out.line(line, cell.x, y, repeat ? null : cell.struct);
        y += line.height;
      }
      if (!repeat && !cell.lines.length) this.out.marker.element(cell.struct);
    }
  }

  private rule(x: number, y: number, w: number, thickness: number, color: Rgb): void {
    this.content.emit(rectOps(ruleRect(x, y, w, thickness, color)));
  }
}
