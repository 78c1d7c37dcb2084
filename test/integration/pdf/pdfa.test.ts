// PDF/A-2b output, XML-safe XMP for awkward titles, and byte-identical output for a fixed creation date.
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../main/pdf/index.js';
import { sampleIssueBrief, sampleMemo } from '../../fixtures/pdf/sample-doc.js';
import { isWellFormedXml, openPdf, pdffonts, pdfinfo, qpdfCheck, xmpPacket } from './read-pdf.js';

const creationDate = new Date('2021-05-04T12:00:00Z');

describe('PDF/A-2b', () => {
  it('declares PDF/A-2b in XMP, carries an sRGB output intent and embeds every font', async () => {
    const r = await renderPdf(sampleIssueBrief(), { pdfa: true, creationDate });
    const raw = Buffer.from(r.bytes).toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    const xmp = xmpPacket(r.bytes);
    expect(isWellFormedXml(xmp)).toBe(true);
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(raw).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).not.toMatch(/\/Encrypt/);
    for (const f of pdffonts(r.bytes)) expect(f.embedded, f.name).toBe(true);
    expect(qpdfCheck(r.bytes).ok).toBe(true);
  });

  it('with an attachment (the audit manifest) declares PDF/A-3b and lists the file in the catalog /AF, relationship Data', async () => {
    const data = new TextEncoder().encode('{"format":"test"}');
    const r = await renderPdf(sampleIssueBrief(), { pdfa: true, creationDate, attachments: [{ name: 'm.json', type: 'application/json', description: 'test', data }] });
    const raw = Buffer.from(r.bytes).toString('latin1');
    const xmp = xmpPacket(r.bytes);
    expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(raw).toMatch(/\/AF \[\d+ 0 R\]/);
    expect(raw).toMatch(/\/AFRelationship \/Data/);
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    // The same input and date give the same bytes, attachment included.
    const again = await renderPdf(sampleIssueBrief(), { pdfa: true, creationDate, attachments: [{ name: 'm.json', type: 'application/json', description: 'test', data }] });
    expect(Buffer.from(again.bytes).equals(Buffer.from(r.bytes))).toBe(true);
  });

  it('escapes "&", "<" and quotes in XMP while the Info dictionary keeps the title as written', async () => {
    const doc = sampleMemo();
    const title = 'R&D <priorities> for "allies" & partners';
    doc.meta.title = title;
    doc.meta.authors = ['Smith & Jones <Research>'];
    doc.meta.keywords = ['R&D', '<tags>'];
    doc.meta.subject = 'Q&A';
    const r = await renderPdf(doc, { pdfa: true, creationDate });
    const xmp = xmpPacket(r.bytes);
    expect(isWellFormedXml(xmp)).toBe(true);
    expect(xmp).toContain('R&amp;D &lt;priorities&gt; for &quot;allies&quot; &amp; partners');
    const pdf = await openPdf(r.bytes);
    const md = await pdf.getMetadata();
    expect((md.info as Record<string, string>).Title).toBe(title);
    // pdfjs parses the XMP packet and reads the title back unescaped.
    expect(md.metadata?.get('dc:title')).toBe(title);
    expect(pdfinfo(r.bytes).Title).toBe(title);
    expect(qpdfCheck(r.bytes).ok).toBe(true);
  });

  it('writes XMP (without a PDF/A claim) for ordinary exports too', async () => {
    const r = await renderPdf(sampleMemo(), { creationDate });
    expect(qpdfCheck(r.bytes).ok).toBe(true);
    const xmp = xmpPacket(r.bytes);
    expect(isWellFormedXml(xmp)).toBe(true);
    expect(xmp).not.toContain('pdfaid');
  });
});

describe('determinism', () => {
  it('gives byte-identical output for the same document and creation date', async () => {
    const a = await renderPdf(sampleIssueBrief(), { creationDate, pdfa: true });
    const b = await renderPdf(sampleIssueBrief(), { creationDate, pdfa: true });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const c = await renderPdf(sampleIssueBrief(), { creationDate: new Date('2022-01-01T00:00:00Z'), pdfa: true });
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false);
  });
});
