// Reads a PDF back for assertions: text per page via pdfjs-dist (Node legacy build).
import fs from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  numPages: number;
  pages: string[];
  text: string;
}

export async function readPdfText(input: string | Uint8Array): Promise<PdfText> {
  const data = typeof input === 'string' ? new Uint8Array(await fs.readFile(input)) : new Uint8Array(input);
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return { numPages: pages.length, pages, text: pages.join('\n') };
}
