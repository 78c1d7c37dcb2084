// The hand-written PDF values (pdf-objects.ts) must be the bytes pdfkit's own object layer writes for the same values.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { pdfDict, pdfNumber, pdfString, RawObjectBatch, RawPdf, writeRawObject, xyzDestination } from '../../../main/pdf/pdf-objects.js';
import type { PdfDoc, PdfRef } from '../../../main/pdf/pdfkit-api.js';
import { compareNames, fastDestsTree, fastParentTree } from '../../../main/pdf/pdfkit-patches.js';

type Ref = { end(): void; toString(): string };
/** What pdfkit writes for one object with this data (its `N 0 obj` ... `endobj` lines); `data` may use the document's refs. */
function written(data: object | ((ref: () => Ref) => object)): string {
  const doc = new PDFDocument({ autoFirstPage: false }) as unknown as { ref(d?: object): Ref; _write(d: string | Uint8Array): void };
  const out: string[] = [];
  doc._write = (d) => void out.push(typeof d === 'string' ? d : Buffer.from(d).toString('latin1'));
  doc.ref(typeof data === 'function' ? data(() => doc.ref()) : data).end();
  return out.join('\n');
}

const STRINGS = ['', 'https://example.org/a?b=c&d=(e)', 'back\\slash', 'tab\tnew\nline\rform\fback\b', 'café', 'Ελλάδα (πρώτη)', '日本', 'emoji 🙂 ok', '\u0129(', 'mixed ) ( é \\'];
const NUMBERS = [0, -0, 1, -1, 0.1 + 0.2, 123.4567891, -0.0000004, 1e-7, 841.89, 595.2756, 2 / 3, 1e20];

describe('raw PDF values match pdfkit', () => {
  it('writes strings as pdfkit writes new String(s)', () => {
    for (const s of STRINGS) {
      expect(written(new RawPdf(pdfDict([`/T ${pdfString(s)}`]))), JSON.stringify(s)).toBe(written({ T: new String(s) }));
    }
  });

  it('writes numbers, arrays of numbers, names and refs as pdfkit does', () => {
    for (const n of NUMBERS) {
      expect(written(new RawPdf(pdfDict([`/N ${pdfNumber(n)}`, `/R [${pdfNumber(n)} ${pdfNumber(-n)}]`, '/S /Link']))), String(n)).toBe(written({ N: n, R: [n, -n], S: 'Link' }));
    }
  });

  it('writes a destination, an outline title and a parent-tree entry as pdfkit converts its arrays and strings', () => {
    for (const top of [0, 72, 100.123456789, 791.9999999]) {
      const raw = written((ref) => {
        const page = { dictionary: ref() as unknown as PdfRef, height: 792 };
        return { D: new RawPdf(xyzDestination(page, top)), K: new RawPdf(`[${[ref(), ref()].join(' ')}]`), E: new RawPdf('[]') };
      });
      const pdfkit = written((ref) => ({ D: [ref(), 'XYZ', null, 792 - top, null], K: [ref(), ref()], E: [] }));
      expect(raw, String(top)).toBe(pdfkit);
    }
    for (const s of STRINGS) expect(written({ Title: new RawPdf(pdfString(s)) })).toBe(written({ Title: new String(s) }));
  });

  it('writes an empty dictionary as pdfkit does', () => {
    expect(written(new RawPdf(pdfDict([])))).toBe(written({}));
  });

  it('writeRawObject writes the bytes, offset and xref entry of a ref ended with RawPdf data', () => {
    const bodies = [pdfDict(['/S /P', '/P 3 0 R', '/K [0 1]']), pdfDict([`/Contents ${pdfString('café (x)')}`]), pdfDict([])];
    const run = (write: (doc: PdfDoc, body: string) => void) => {
      const doc = new PDFDocument({ autoFirstPage: false }) as unknown as PdfDoc & { _offsets: (number | null)[] };
      const out: Buffer[] = [];
      const push = doc._write.bind(doc);
      doc._write = (d) => {
        out.push(typeof d === 'string' ? Buffer.from(d + '\n', 'latin1') : Buffer.from(d));
        push(d);
      };
      for (const body of bodies) write(doc, body);
      return { bytes: Buffer.concat(out).toString('latin1'), offsets: doc._offsets.slice(), offset: doc._offset, waiting: doc._waiting };
    };
    const viaPdfkit = run((doc, body) => {
      const ref = doc.ref();
      ref.data = new RawPdf(body);
      ref.end();
    });
    const direct = run((doc, body) => writeRawObject(doc, doc.ref(), body));
    expect(direct).toEqual(viaPdfkit);
    expect(direct.bytes).toMatch(/^\d+ 0 obj\n<<\n\/S \/P\n/);
  });

  it('a RawObjectBatch writes the bytes, offsets and xref entries of writeRawObject for each in turn', () => {
    const bodies = [pdfDict(['/S /P', '/P 3 0 R', '/K [0 1]']), pdfDict([`/Contents ${pdfString('café (x)')}`]), pdfDict([]), pdfDict(['/S /Link'])];
    const run = (write: (doc: PdfDoc) => void) => {
      const doc = new PDFDocument({ autoFirstPage: false }) as unknown as PdfDoc & { _offsets: (number | null)[] };
      const out: Buffer[] = [];
      const push = doc._write.bind(doc);
      doc._write = (d) => {
        out.push(typeof d === 'string' ? Buffer.from(d + '\n', 'latin1') : Buffer.from(d));
        push(d);
      };
      // Something written before, so offsets do not start at the header.
      writeRawObject(doc, doc.ref(), pdfDict(['/Type /Catalog']));
      write(doc);
      return { bytes: Buffer.concat(out).toString('latin1'), offsets: doc._offsets.slice(), offset: doc._offset, waiting: doc._waiting, writes: out.length };
    };
    const oneByOne = run((doc) => {
      const refs = bodies.map(() => doc.ref());
      bodies.forEach((body, i) => writeRawObject(doc, refs[i]!, body));
    });
    const batched = run((doc) => {
      const refs = bodies.map(() => doc.ref());
      const batch = new RawObjectBatch(doc);
      bodies.forEach((body, i) => batch.add(refs[i]!, body));
      batch.flush();
      batch.flush();
    });
    expect({ ...batched, writes: 0 }).toEqual({ ...oneByOne, writes: 0 });
    expect(batched.writes).toBe(2);
    expect(oneByOne.writes).toBe(1 + bodies.length);
  });

  it('a RawObjectBatch refuses to write when something else was written after its first object', () => {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as PdfDoc;
    doc._write = function (d) {
      this._offset += typeof d === 'string' ? d.length + 1 : d.length;
    };
    const batch = new RawObjectBatch(doc);
    batch.add(doc.ref(), pdfDict(['/S /P']));
    writeRawObject(doc, doc.ref(), pdfDict([]));
    expect(() => batch.flush()).toThrow(/written to during a batch/);
  });

  it('refuses numbers pdfkit refuses', () => {
    expect(() => pdfNumber(1e21)).toThrow(/unsupported number/);
    expect(() => pdfNumber(Number.NaN)).toThrow(/unsupported number/);
  });
});

describe('name tree keys compared without ICU', () => {
  // A small deterministic generator: slugs, prefixes of each other, and keys outside the simple alphabet.
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (alphabet: string, max: number) => Array.from({ length: Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const SIMPLE = 'abcdefghijklmnopqrstuvwxyz0123456789-';
  const keys = [
    ...Array.from({ length: 3000 }, () => pick(SIMPLE, 8)),
    ...Array.from({ length: 3000 }, () => pick('ab0-', 6)),
    ...Array.from({ length: 300 }, () => pick('aB_-. éz0', 6)),
    ...['', '-', 'a', 'a-', 'a-b', 'ab', 'note-1', 'note-10', 'note-2', 'Note-1', 'note_1', 'étude', 'zebra', '1-intro', '10-x'],
  ];

  it('gives the sign localeCompare gives for every pair', () => {
    for (let i = 0; i < keys.length; i++) {
      const a = keys[i]!;
      const b = keys[(i * 7919 + 13) % keys.length]!;
      expect(Math.sign(compareNames(a, b)), `${a} / ${b}`).toBe(Math.sign(a.localeCompare(b)));
    }
  });

  it('sorts a name tree into the order pdfkit writes', () => {
    expect([...keys].sort(compareNames)).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
  });
});

describe('the Dests name tree written by hand', () => {
  const names = (keys: string[], value: (k: string) => unknown) => {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as PdfDoc;
    const tree = doc._root.data.Names.data.Dests;
    for (const k of keys) tree.add(k, value(k));
    return { doc, tree };
  };
  const KEYS = ['why-it-matters', 'note-10', 'note-2', '1-intro', 'a', 'café-au-lait', 'paren(s)', 'Upper-Case', 'back\\slash', 'x_y'];

  it('writes the text pdfkit writes: sorted keys as strings, limits, one entry a line', () => {
    for (const keys of [KEYS, KEYS.slice(0, 1), KEYS.filter((k) => /^[a-z0-9-]+$/.test(k)), []]) {
      const value = (k: string) => new RawPdf(`[${k.length} 0 R /XYZ null ${k.length * 10.5} null]`);
      const expected = names(keys, value).tree.toString();
      const { doc, tree } = names(keys, value);
      fastDestsTree(doc);
      expect(tree.toString(), keys.join(',')).toBe(expected);
    }
  });

  it('leaves a tree with values it did not make to pdfkit', () => {
    const { doc, tree } = names(['b', 'a'], (k) => [k, 1.5, new String(k)]);
    const expected = names(['b', 'a'], (k) => [k, 1.5, new String(k)]).tree.toString();
    fastDestsTree(doc);
    expect(tree.toString()).toBe(expected);
  });
});

describe('the structure parent tree written by hand', () => {
  const tree = (entries: [number, unknown][]) => {
    const doc = new PDFDocument({ autoFirstPage: false, tagged: true }) as unknown as PdfDoc;
    const t = doc.getStructParentTree();
    for (const [k, v] of entries) t.add(k, v);
    return { doc, t };
  };
  // Keys out of order and past 9 (parseInt order differs from string order), page entries and annotation elements.
  const ENTRIES: [number, RawPdf][] = [[10, new RawPdf('12 0 R')], [2, new RawPdf('[5 0 R 6 0 R 5 0 R]')], [0, new RawPdf('[]')], [1, new RawPdf('9 0 R')], [33, new RawPdf('[7 0 R]')], [3, new RawPdf('8 0 R')]];

  it('writes the text pdfkit writes: numeric order, limits, one entry a line', () => {
    for (const entries of [ENTRIES, ENTRIES.slice(0, 1), []]) {
      const expected = String(tree(entries).t);
      const { doc, t } = tree(entries);
      fastParentTree(doc);
      expect(String(t), JSON.stringify(entries.map(([k]) => k))).toBe(expected);
    }
    expect(String(tree(ENTRIES).t)).toMatch(/\/Limits \[0 33\]\n {2}\/Nums \[\n {4}0 \[\]\n {4}1 9 0 R\n {4}2 /);
  });

  it('leaves a tree with values it did not make to pdfkit', () => {
    const entries: [number, unknown][] = [[1, [new String('x'), 2.5]], [0, new RawPdf('[]')]];
    const expected = String(tree(entries).t);
    const { doc, t } = tree(entries);
    fastParentTree(doc);
    expect(String(t)).toBe(expected);
  });
});

