// Markings on real PDFs read back: banners top and bottom of every page, metadata, a releasable copy's bytes, the manifest through `briefing inspect`.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/run.js';
import { renderPdf } from '../../../main/pdf/index.js';
import { fontsDir } from '../../../main/services/app-paths.js';
import { recorder } from '../../support/cli.js';
import { useTempDir } from '../../support/hooks.js';
import { compose } from '../../../shared/compose/index.js';
import { readBriefFile } from '../../../main/services/documents/brief-file.js';
import { emptyLibrary } from '../../../shared/model/library.js';
import { withProfiles } from '../../support/marking-profiles.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../../bin/briefing.cjs');
const SAMPLE = path.resolve(import.meta.dirname, '../../../assets/examples/classified-sample.brief');
const dir = useTempDir('briefing-markings-pdf-', 'all');
const out = (name: string) => path.join(dir(), name);

async function cli(...argv: string[]) {
  const io = recorder();
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

interface PageLines {
  /** Text lines from the top of the page down (pdfjs items grouped by baseline). */
  lines: string[];
}

async function pageLines(file: string): Promise<{ pages: PageLines[]; info: Record<string, unknown> }> {
  const doc = await getDocument({ data: new Uint8Array(await fs.readFile(file)), isEvalSupported: false, disableFontFace: true }).promise;
  const pages: PageLines[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const byY = new Map<number, string[]>();
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const y = Math.round(it.transform[5] as number);
      byY.set(y, [...(byY.get(y) ?? []), it.str]);
    }
    pages.push({ lines: [...byY.entries()].sort((a, b) => b[0] - a[0]).map(([, parts]) => parts.join('').trim()) });
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown> };
}

/** The words as they could sit in a raw PDF: plain, or as UTF-16BE hex (bookmarks, structure text, XMP). */
function rawForms(text: string): string[] {
  const hex = Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('hex');
  return [text, hex.slice(4), hex.slice(4).toUpperCase()];
}

beforeAll(() => {
  process.env.BRIEFING_TODAY = '2026-12-02';
});

describe('the banner of every page', () => {
  it('is the computed overall marking, as the first and the last line of every page, in export and preview alike, and in the metadata', async () => {
    const file = out('sample.pdf');
    expect((await cli('export', SAMPLE, '--out', file)).code).toBe(0);
    const brief = await readBriefFile(SAMPLE);
    const doc = compose(brief, withProfiles(emptyLibrary()), { today: new Date('2026-12-02T00:00:00Z') });
    expect(doc.marking.banner).toBe('SECRET//NOFORN');
    const preview = out('preview.pdf');
    await fs.writeFile(preview, (await renderPdf(doc, { preview: true, fontsDir: fontsDir() })).bytes);
    for (const f of [file, preview]) {
      const { pages } = await pageLines(f);
      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((p, i) => {
        expect(p.lines[0], `page ${i + 1} top`).toBe('SECRET//NOFORN');
        expect(p.lines.at(-1), `page ${i + 1} bottom`).toBe('SECRET//NOFORN');
      });
    }
    const { info } = await pageLines(file);
    expect((info.Custom as Record<string, unknown>).Classification).toBe('SECRET//NOFORN');
    expect(String(info.Keywords)).toMatch(/^SECRET\/\/NOFORN/);
    await run('qpdf', ['--check', file]);
  });
});

describe('a releasable copy', () => {
  it('holds none of the dropped text anywhere in its bytes, and recomputes its banner', async () => {
    const file = out('rel-gbr.pdf');
    const r = await cli('export', SAMPLE, '--out', file, '--release', 'S', '--rel-to', 'GBR', '--pdfa');
    expect(r.code).toBe(0);
    const { pages } = await pageLines(file);
    for (const p of pages) expect([p.lines[0], p.lines.at(-1)]).toEqual(['SECRET//REL TO USA, GBR', 'SECRET//REL TO USA, GBR']);
    const text = pages.flatMap((p) => p.lines).join('\n');
    expect(text).toContain('Derived copy of "classified-sample.brief"');
    // Left out: the NOFORN section, and the C paragraph with no release list.
    const dropped = ['National-only notes', 'national reserve figure', 'see each other'];
    const kept = ['What the drill found'];
    for (const d of dropped) expect(text).not.toContain(d);
    const qdf = out('rel-gbr.qdf.pdf');
    await run('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const raw = (await fs.readFile(qdf)).toString('latin1');
    for (const d of dropped) for (const form of rawForms(d)) expect(raw.includes(form), `${d} as ${form.slice(0, 12)}…`).toBe(false);
    // The control: a kept section's title is in the raw bytes (its bookmark), so the search above can find text.
    for (const k of kept) expect(rawForms(k).some((form) => raw.includes(form))).toBe(true);
    const manifest = JSON.parse((await run(process.execPath, [bin, 'inspect', file, '--json'])).stdout) as { sections: { id: string }[]; release: unknown };
    expect(manifest.sections.map((s) => s.id)).toEqual(['northwind-about', 'northwind-scenario', 'northwind-findings']);
    expect(manifest.release).toEqual({ level: 'S', relTo: ['GBR'], withheld: 2 });
    expect(JSON.stringify(manifest)).not.toContain('northwind-national');
  });

  it('at level C drops the S sections, and the banner falls to what is left (a C portion with no release list makes it NOFORN)', async () => {
    const file = out('rel-c.pdf');
    expect((await cli('export', SAMPLE, '--out', file, '--release', 'C')).code).toBe(0);
    const { pages } = await pageLines(file);
    expect(pages[0]!.lines[0]).toBe('CONFIDENTIAL//NOFORN');
    const text = pages.flatMap((p) => p.lines).join('\n');
    expect(text).not.toContain('What the drill found');
    expect(text).toContain('The scenario');
  });
});

describe('briefing inspect', () => {
  it('prints the manifest of an export: brief hash, profile, marking, each section and fact with its marking', async () => {
    const file = out('sample.pdf');
    const child = await run(process.execPath, [bin, 'inspect', file, '--json']);
    const m = JSON.parse(child.stdout) as Record<string, unknown> & { brief: { sha256: string; hashOf: string }; sections: { id: string; marking: string }[]; facts: { id: string; marking: string }[] };
    const { createHash } = await import('node:crypto');
    expect(m.brief.sha256).toBe(createHash('sha256').update(await fs.readFile(SAMPLE)).digest('hex'));
    expect(m.brief.hashOf).toBe('file');
    expect(m.profile).toBe('us-classified');
    expect(m.banner).toBe('SECRET//NOFORN');
    expect(m.release).toBeNull();
    expect(m.sections.map((s) => [s.id, s.marking])).toEqual([
      ['northwind-about', 'U'],
      ['northwind-scenario', 'C//REL TO USA, GBR'],
      ['northwind-findings', 'S//REL TO USA, GBR'],
      ['northwind-national', 'S//NF'],
    ]);
    expect(m.facts.map((f) => f.id)).toEqual(['ai-us-uk-declaration', 'ai-gpai']);
    const human = await run(process.execPath, [bin, 'inspect', file]);
    expect(human.stdout).toContain('marking:  SECRET//NOFORN');
  });

  it('a PDF without a manifest, or a file that is no PDF, exits 1 with one line', async () => {
    const plain = out('plain.pdf');
    const doc = compose(await readBriefFile(SAMPLE), withProfiles(emptyLibrary()), { today: new Date('2026-12-02T00:00:00Z') });
    await fs.writeFile(plain, (await renderPdf(doc, { fontsDir: fontsDir() })).bytes);
    for (const [file, why] of [[plain, /no Briefing Builder manifest in this PDF/], [SAMPLE, /is not a PDF/]] as const) {
      const r = await cli('inspect', file);
      expect(r.code).toBe(1);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(why);
    }
  });
});
